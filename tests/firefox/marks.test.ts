import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { matchLabels } from '../e2e/registry';
import { locateFigureInPage, textAndMarksInPage } from '../shared/page-side';
import { ALL_VERDICTS_PAGE, cliMatches, judgeMarks, labelledDocuments, STRICT_LABELS, VERDICTS, type Verdict } from '../shared/scenarios';
import { decorationsPainted, Firefox, inPage, markCounts, ROOT, startNetwork, waitForScan, withTimeout, type Network } from './harness';
import { countDiffering, countNear, decodePng, dominantColour, tintTowards } from './png';

/**
 * Firefox: the built add-on marks the labelled figures of the seed articles and the fixture pages
 * (tests/fixtures/seeds.json, pages.json) — for each label a mark overlapping its text with a
 * verdict it accepts, and no other mark — read from the page's side of the highlight registry,
 * exactly as Chromium's marks.spec.ts does (the same documents, matching and judgement:
 * tests/shared/scenarios.ts). And the marks are really painted, in each verdict's colour: a pixel
 * sample of the screen with and without them.
 */

const documents = labelledDocuments();
let net: Network;
let firefox: Firefox;
let cli: ReturnType<typeof cliMatches>;

before(async () => {
  net = await startNetwork();
  firefox = await Firefox.launch(net);
  cli = cliMatches(documents);
}, { timeout: 120_000 });

after(async () => {
  await firefox?.close();
  await net?.close();
}, { timeout: 30_000 });

describe('labelled figures are marked, and nothing else', () => {
  for (const { doc, file, path } of documents) {
    test(doc.file, { timeout: 60_000 }, async (t) => {
      const page = await firefox.open(net.server.url + path);
      try {
        await waitForScan(page);
        const { text, spans } = await inPage(page, textAndMarksInPage, VERDICTS);
        const judged = judgeMarks(doc, matchLabels(text, spans, doc.figures), cli.get(file)!, STRICT_LABELS);
        for (const note of judged.engine) t.diagnostic(`engine: ${note}`);
        assert.deepEqual(judged.missed, [], 'labels without a matching mark');
        assert.deepEqual(judged.extra, [], 'marks no label asks for');
      } finally {
        await page.close();
      }
    });
  }
});

/** The verdicts' underline colours (entrypoints/content/highlight-styles.ts). */
const COLOUR: Record<Verdict, [number, number, number]> = {
  exact: [34, 160, 80],
  rounded: [59, 130, 246],
  outdated: [217, 140, 6],
  conflict: [230, 40, 70],
};

async function shot(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  const png = await withTimeout('a screenshot', page.screenshot({ clip, captureBeyondViewport: false, encoding: 'binary' }), 20_000);
  return decodePng(png);
}

describe('what a reader sees', () => {
  test('each verdict is painted in its own colour on the figure, and only while it is marked', { timeout: 90_000 }, async (t) => {
    const page = await firefox.open(net.server.url + ALL_VERDICTS_PAGE);
    try {
      await waitForScan(page);
      const counts = await markCounts(page);
      for (const v of VERDICTS) assert.ok(counts[v] > 0, `a ${v} mark on ${ALL_VERDICTS_PAGE}`);
      await page.bringToFront();
      // ESR 140 paints only the tint of a ::highlight() (no text-decoration): the underline is checked where it is painted.
      const underlines = decorationsPainted(await firefox.browser.version());
      t.diagnostic(`${await firefox.browser.version()}: ${underlines ? 'tint and underline' : 'tint only (no text-decoration in ::highlight())'}`);
      for (const verdict of VERDICTS) {
        const figure = await inPage(page, locateFigureInPage, ['', [verdict]] as const);
        assert.ok(figure, `a ${verdict} figure`);
        // The text box, and the text box with the underline below it (offset 3px, wavy for conflicts),
        // in document coordinates (puppeteer's clip).
        const [sx, sy] = await inPage(page, () => [scrollX, scrollY], undefined);
        const box = { x: Math.ceil(figure.rect.left + sx!) + 1, y: Math.ceil(figure.rect.top + sy!) + 1, width: Math.floor(figure.rect.width) - 2, height: Math.floor(figure.rect.height) - 2 };
        const withLine = { x: box.x - 3, y: box.y - 3, width: box.width + 6, height: box.height + 12 };
        const marked = { box: await shot(page, box), line: await shot(page, withLine) };
        // The same spot with our registry entries taken out by the page (then put back).
        await inPage(page, (verdicts: readonly string[]) => {
          const w = window as unknown as { __fcSaved: Array<[string, Highlight]> };
          w.__fcSaved = [];
          for (const v of verdicts) {
            const h = CSS.highlights.get(`figure-check-${v}`);
            if (h) w.__fcSaved.push([`figure-check-${v}`, h]);
            CSS.highlights.delete(`figure-check-${v}`);
          }
        }, VERDICTS);
        let plain;
        try {
          await new Promise((r) => setTimeout(r, 100));
          plain = { box: await shot(page, box), line: await shot(page, withLine) };
        } finally {
          await inPage(page, () => {
            for (const [name, h] of (window as unknown as { __fcSaved: Array<[string, Highlight]> }).__fcSaved) CSS.highlights.set(name, h);
          }, undefined);
        }
        const tint = dominantColour(marked.box);
        const plainTint = dominantColour(plain.box);
        t.diagnostic(`${verdict} "${figure.text}": background ${tint.join(',')} (unmarked ${plainTint.join(',')})`);
        assert.equal(tintTowards(tint, COLOUR), verdict, `${verdict} "${figure.text}": the background under it (${tint.join(',')}) leans to its own colour`);
        assert.equal(tintTowards(plainTint, COLOUR), undefined, `${verdict}: without the mark the background is the page's (${plainTint.join(',')})`);
        assert.ok(countDiffering(marked.line, plain.line) > 0, `${verdict}: the mark changes what is painted`);
        if (underlines) {
          const inColour = countNear(marked.line, COLOUR[verdict], 48);
          const inColourPlain = countNear(plain.line, COLOUR[verdict], 48);
          assert.ok(inColour >= 6, `${verdict} "${figure.text}": ${inColour} pixels of its underline colour`);
          assert.ok(inColourPlain <= 1, `${verdict} "${figure.text}": ${inColourPlain} pixels of its underline colour without the mark`);
        }
      }
      mkdirSync(`${ROOT}/out/screenshots`, { recursive: true });
      writeFileSync(`${ROOT}/out/screenshots/marks-firefox.png`, await page.screenshot({ captureBeyondViewport: false, encoding: 'binary' }));
    } finally {
      await page.close();
    }
  });
});

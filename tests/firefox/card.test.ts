import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { cardInPage, focusInCardInPage, locateFigureInPage, marksInPage, type FigureRect } from '../shared/page-side';
import { CARD_EN, CARD_ZH, CARD_ZH_UI_EN_PAGE, cardMismatches, CITATION_EN, HOVER_DELAY_MS, VERDICTS, type CardScenario } from '../shared/scenarios';
import { Firefox, inPage, ROOT, sleep, startNetwork, until, waitForScan, withTimeout, type Network } from './harness';

/**
 * Firefox: the card, as a reader opens it — hover (after the delay, not before; Esc and moving
 * away close it) and the keyboard (the next/previous-figure commands move focus into the card; Esc
 * closes it) — with the value, period, source and date the shared scenarios expect
 * (tests/shared/scenarios.ts, the same as Chromium's card.spec.ts), in English and in Chinese (a
 * Firefox whose UI language is Chinese, Debian's firefox-esr-l10n-zh-cn).
 */

let net: Network;

before(async () => {
  net = await startNetwork();
}, { timeout: 30_000 });
after(async () => {
  await net?.close();
}, { timeout: 30_000 });

const card = (page: Page) => inPage(page, cardInPage, undefined);

async function locate(page: Page, scenario: CardScenario): Promise<FigureRect> {
  const figure = await inPage(page, locateFigureInPage, [scenario.figure, VERDICTS] as const);
  assert.ok(figure, `a marked figure "${scenario.figure}"`);
  assert.equal(figure.verdict, scenario.verdict);
  return figure;
}

async function open(firefox: Firefox, path: string): Promise<Page> {
  const page = await firefox.open(net.server.url + path);
  await waitForScan(page);
  await withTimeout('bringing the tab to the front', page.bringToFront(), 10_000);
  return page;
}

async function hoverOpen(page: Page, scenario: CardScenario): Promise<{ figure: FigureRect; openedAfter: number }> {
  const figure = await locate(page, scenario);
  await page.mouse.move(figure.x, figure.y);
  const movedAt = Date.now();
  // Not before the delay (checked only while the clock says we are still inside it: a loaded machine may be late).
  await sleep(HOVER_DELAY_MS / 2);
  const early = await card(page);
  if (Date.now() - movedAt < HOVER_DELAY_MS - 60) assert.equal(early, null, `no card ${HOVER_DELAY_MS / 2} ms after the pointer arrived`);
  await until('the card to open', () => card(page), (c) => c !== null, 5000, 25);
  return { figure, openedAfter: Date.now() - movedAt };
}

/** A spot with no figure and no card: the top-left corner of the body's margin. */
const AWAY = { x: 3, y: 3 };

describe('in English', () => {
  let firefox: Firefox;
  before(async () => {
    firefox = await Firefox.launch(net, { locale: 'en-US' });
  }, { timeout: 90_000 });
  after(async () => {
    await firefox?.close();
  }, { timeout: 30_000 });

  test('hovering a figure opens its card after the delay, with value, period, source and date', { timeout: 60_000 }, async (t) => {
    const page = await open(firefox, CARD_EN.page);
    try {
      // Firefox 140 has no highlightsFromPoint: the hit test falls back to caretPositionFromPoint (hit-test.ts).
      const api = await inPage(page, () => typeof (CSS.highlights as unknown as { highlightsFromPoint?: unknown }).highlightsFromPoint, undefined);
      t.diagnostic(`${await firefox.browser.version()}: highlightsFromPoint is ${api === 'function' ? 'there' : 'missing'}`);
      const { figure, openedAfter } = await hoverOpen(page, CARD_EN);
      assert.ok(openedAfter >= HOVER_DELAY_MS - 30, `opened after ${openedAfter} ms`);
      const c = await card(page);
      assert.deepEqual(cardMismatches(CARD_EN, c), []);
      assert.equal(c!.attrs.role, 'dialog');
      assert.equal(c!.attrs['data-verdict'], CARD_EN.verdict);
      assert.equal(c!.link?.target, '_blank');
      assert.equal(c!.link?.rel, 'noopener noreferrer');
      // The card never covers the figure it explains.
      assert.ok(c!.rect.top >= figure.y + 5 || c!.rect.top + c!.rect.height <= figure.y - 5, `card ${JSON.stringify(c!.rect)} clear of the figure at y ${figure.y}`);

      // The screenshot for the README (docs/card-firefox.png is a copy of it).
      const [sx, sy] = await inPage(page, () => [scrollX, scrollY], undefined);
      const pad = 32;
      const left = Math.max(0, Math.min(c!.rect.left, figure.x - 240) - pad);
      const top = Math.max(0, Math.min(c!.rect.top, figure.y - 60) - pad);
      const right = Math.min(1100, Math.max(c!.rect.left + c!.rect.width, figure.x + 240, left + 600) + pad);
      const bottom = Math.min(800, Math.max(c!.rect.top + c!.rect.height, figure.y + 20) + pad);
      mkdirSync(`${ROOT}/out/screenshots`, { recursive: true });
      const png = await page.screenshot({ clip: { x: left + sx!, y: top + sy!, width: right - left, height: bottom - top }, captureBeyondViewport: false, encoding: 'binary' });
      writeFileSync(`${ROOT}/out/screenshots/card-firefox.png`, png);

      // Moving away closes it.
      await page.mouse.move(AWAY.x, AWAY.y, { steps: 3 });
      await until('the card to close', () => card(page), (c) => c === null, 3000, 25);
    } finally {
      await page.close();
    }
  });

  test('Esc closes a hovered card', { timeout: 60_000 }, async () => {
    const page = await open(firefox, CARD_EN.page);
    try {
      await hoverOpen(page, CARD_EN);
      await page.keyboard.press('Escape');
      await until('the card to close', () => card(page), (c) => c === null, 3000, 25);
    } finally {
      await page.close();
    }
  });

  test('a figure the pointer only passes over does not open a card', { timeout: 60_000 }, async () => {
    const page = await open(firefox, CARD_EN.page);
    try {
      const figure = await locate(page, CARD_EN);
      await page.mouse.move(Math.max(1, figure.x - 60), figure.y);
      await page.mouse.move(Math.min(1099, figure.x + 60), figure.y, { steps: 6 });
      await page.mouse.move(AWAY.x, AWAY.y);
      await sleep(HOVER_DELAY_MS * 2);
      assert.equal(await card(page), null);
    } finally {
      await page.close();
    }
  });

  test('a click pins the card; Copy citation puts the citation on the clipboard', { timeout: 60_000 }, async () => {
    const page = await open(firefox, CARD_EN.page);
    try {
      const figure = await locate(page, CARD_EN);
      await page.mouse.click(figure.x, figure.y);
      await until('the pinned card', () => card(page), (c) => c !== null, 3000, 25);
      await page.mouse.move(AWAY.x, AWAY.y, { steps: 3 });
      await sleep(800);
      assert.notEqual(await card(page), null, 'a pinned card stays');
      const copy = await inPage(page, () => {
        const b = document.querySelector('figure-check-ui')?.shadowRoot?.querySelector('button.copy')?.getBoundingClientRect();
        return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2 } : null;
      }, undefined);
      assert.ok(copy, 'the Copy citation button');
      await page.mouse.click(copy.x, copy.y);
      await until('"Copied"', () => card(page), (c) => c?.fields.status === 'Copied', 3000, 25);
      // Pasted into a field of the page, as a reader would (Ctrl+V).
      await inPage(page, () => {
        const area = document.createElement('textarea');
        area.id = 'paste-here';
        document.body.prepend(area);
        area.focus();
      }, undefined);
      await page.keyboard.down('Control');
      await page.keyboard.press('v');
      await page.keyboard.up('Control');
      const pasted = await until('the pasted text', () => inPage(page, () => (document.getElementById('paste-here') as HTMLTextAreaElement).value, undefined), (v) => v !== '', 3000, 25);
      assert.equal(pasted, CITATION_EN);
    } finally {
      await page.close();
    }
  });

  test('the keyboard: next/previous figure open the cards in document order with focus in them; Esc closes and gives focus back', { timeout: 90_000 }, async () => {
    const page = await open(firefox, CARD_EN.page);
    try {
      const tabId = await firefox.tabIdOf(page);
      await withTimeout('bringing the tab to the front', page.bringToFront(), 10_000);
      const figures = (await inPage(page, marksInPage, VERDICTS)).map((m) => m.text);
      assert.ok(figures.length > 5, `${figures.length} figures`);
      for (let i = 0; i < 3; i++) {
        assert.equal(await firefox.command('next-figure', tabId), true, 'the background delivered next-figure');
        const c = await until(`the card of figure ${i}`, () => card(page), (c) => c?.fields['page-value'] === figures[i], 5000, 25);
        assert.ok(c);
        assert.deepEqual(await inPage(page, focusInCardInPage, undefined), { inCard: true, tag: 'h2', className: 'title metric' });
      }
      // Before the first: the last (wraps).
      for (let i = 0; i < 3; i++) assert.equal(await firefox.command('previous-figure', tabId), true);
      await until('the last figure', () => card(page), (c) => c?.fields['page-value'] === figures.at(-1), 5000, 25);
      // The scenario's figure, by keyboard: the same card as by hover.
      const index = figures.findIndex((f) => f.includes(CARD_EN.figure));
      for (let i = 0; i <= index; i++) await firefox.command('next-figure', tabId);
      const c = await until('the card of the scenario figure', () => card(page), (c) => c?.fields['page-value'] === figures[index], 5000, 25);
      assert.deepEqual(cardMismatches(CARD_EN, c), []);
      await page.keyboard.press('Escape');
      await until('the card to close', () => card(page), (c) => c === null, 3000, 25);
      assert.equal((await inPage(page, focusInCardInPage, undefined)).inCard, false, 'focus left the card');
    } finally {
      await page.close();
    }
  });
});

describe('in Chinese (Firefox in zh-CN)', () => {
  let firefox: Firefox;
  before(async () => {
    firefox = await Firefox.launch(net, { locale: 'zh-CN' });
    const ui = await firefox.ext(() => browser.i18n.getUILanguage());
    assert.match(ui, /^zh/, `Firefox's UI language is "${ui}": install Debian's firefox-esr-l10n-zh-cn (bash scripts/setup.sh firefox)`);
  }, { timeout: 90_000 });
  after(async () => {
    await firefox?.close();
  }, { timeout: 30_000 });

  test('the card speaks the browser language; numbers follow the page', { timeout: 90_000 }, async () => {
    for (const scenario of [CARD_ZH, CARD_ZH_UI_EN_PAGE]) {
      const page = await open(firefox, scenario.page);
      try {
        await hoverOpen(page, scenario);
        assert.deepEqual(cardMismatches(scenario, await card(page)), [], scenario.page);
      } finally {
        await page.close();
      }
    }
  });
});

import { test as base, expect, type BrowserContext } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from './fixtures';
import { registryCounts, waitForScan } from './registry';
import { startServer, type FixtureServer } from './server';

/**
 * The marks never touch the page's DOM: after annotation (and with a card open), the page's
 * serialization with our one host element (<figure-check-ui>) taken out of a clone is
 * byte-identical to the serialization before the extension ran.
 *
 * "Before" is captured by a script Playwright adds to every page (it runs before the page's own
 * scripts) in a DOMContentLoaded listener: DOMContentLoaded fires before Chrome runs
 * `document_idle` content scripts, and the capture also records that nothing of ours existed yet
 * (no registry entry, no host, no style sheet naming figure-check), which the test checks, so an
 * early injection could not hide a change. The pages' own scripts do not change their DOM after
 * DOMContentLoaded, so any difference is ours.
 */

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const paths = [
  ...readdirSync(join(FIXTURES, 'pages')).filter((f) => f.endsWith('.html')).sort().map((f) => `/fixtures/pages/${f}`),
  ...readdirSync(join(FIXTURES, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => `/seed/${f.replace(/\.txt$/, '')}.txt.html`),
];

interface Before {
  html: string;
  oursPresent: boolean;
}

/** The page's serialization without our host (from a clone: the live page is not modified to measure it). */
const serializeWithoutOurs = () => {
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  for (const el of [...clone.querySelectorAll('*')]) if (el.localName.startsWith('figure-check-')) el.remove();
  return clone.outerHTML;
};

const test = base.extend<{}, { shared: { context: BrowserContext; server: FixtureServer } }>({
  shared: [
    async ({}, use) => {
      const server = await startServer();
      const { context } = await launchWithExtension();
      await context.addInitScript(() => {
        document.addEventListener(
          'DOMContentLoaded',
          () => {
            const names = ['exact', 'rounded', 'outdated', 'conflict'].map((v) => `figure-check-${v}`);
            const oursPresent =
              names.some((n) => CSS.highlights.has(n)) ||
              document.querySelector('figure-check-ui, [data-figure-check]') !== null ||
              document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('figure-check')));
            (window as unknown as { __before: Before }).__before = { html: document.documentElement.outerHTML, oursPresent };
          },
          { once: true },
        );
      });
      await use({ context, server });
      await context.close();
      await server.close();
    },
    { scope: 'worker' },
  ],
});

test.describe("the page's DOM is untouched", () => {
  for (const path of paths) {
    test(path, async ({ shared }) => {
      const page = await shared.context.newPage();
      await page.goto(`${shared.server.url}${path}`);
      await waitForScan(page);
      const before = await page.evaluate(() => (window as unknown as { __before: Before }).__before);
      expect(before.oursPresent, 'the capture ran before the content script changed anything').toBe(false);

      // Open a card, so that the UI host is in the page too.
      const counts = await registryCounts(page);
      const marked = Object.values(counts).some((n) => (n ?? 0) > 0);
      if (marked) {
        const point = await page.evaluate(() => {
          for (const v of ['exact', 'rounded', 'outdated', 'conflict']) {
            const h = CSS.highlights.get(`figure-check-${v}`) as unknown as Iterable<Range> | undefined;
            const r = h ? [...h][0] : undefined;
            if (!r) continue;
            r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            const rect = r.getClientRects()[0]!;
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
          return undefined;
        });
        await page.mouse.move(point!.x, point!.y);
        await expect(page.locator('figure-check-ui')).toHaveCount(1, { timeout: 3000 });
      }

      const after = await page.evaluate(serializeWithoutOurs);
      expect(after.length).toBe(before.html.length);
      expect(after === before.html, 'byte-identical serialization').toBe(true);
      // What we did add: the host (only if a card was opened) and nothing else in the DOM.
      expect(await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('figure-check')).map((el) => el.localName))).toEqual(marked ? ['figure-check-ui'] : []);
      await page.close();
    });
  }

  test('a page without figures gets no registry entry, no style sheet, no host', async ({ shared }) => {
    const page = await shared.context.newPage();
    await page.goto(`${shared.server.url}/e2e/pages/no-figures.html`);
    const scan = await waitForScan(page);
    expect(scan.figures).toBe(0);
    expect(await registryCounts(page)).toEqual({ exact: undefined, rounded: undefined, outdated: undefined, conflict: undefined });
    expect(await page.evaluate(() => document.adoptedStyleSheets.length + document.querySelectorAll('style, figure-check-ui').length)).toBe(0);
    const before = await page.evaluate(() => (window as unknown as { __before: Before }).__before.html);
    expect(await page.evaluate(serializeWithoutOurs)).toBe(before);
    await page.close();
  });
});

import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { resolve } from 'node:path';
import { launchWithExtension } from './fixtures';
import { collapse, registryCounts, runCli, waitForScan, type Verdict } from './registry';
import { startServer, type FixtureServer } from './server';
import { openPopup, tabIdOf } from './site-helpers';

/**
 * Recovery after the extension is really reloaded (`chrome.runtime.reload()`, what an update does
 * to open tabs): the old content script is an orphan; it removes its marks, its style sheet and its
 * card and stops, quietly (no page error). Chromium does not inject the new content script into
 * tabs that are already open, so such a tab — like one opened before the extension was installed —
 * stays unchecked until it is reloaded (README, "Recovery"); its popup says so. Reloaded, it is
 * marked exactly once. (A second copy of the script in the same page: marks.spec.ts.)
 */

const PAGE = '/e2e/pages/card-plain.html';

/** Per verdict, how many figures the CLI finds in the page: each must be one range, never two. */
function expectedCounts(): Record<Verdict, number | undefined> {
  const figures = runCli([resolve(import.meta.dirname, 'pages/card-plain.html')])[0]!.figures;
  const counts: Record<Verdict, number | undefined> = { exact: undefined, rounded: undefined, outdated: undefined, conflict: undefined };
  for (const f of figures) counts[f.verdict] = (counts[f.verdict] ?? 0) + 1;
  // A verdict with no figure still has its (empty) registry entry once any figure was found.
  for (const v of Object.keys(counts) as Verdict[]) counts[v] ??= figures.length > 0 ? 0 : undefined;
  expect(figures.map((f) => collapse(f.text))).toContain('602 million');
  return counts;
}

/**
 * This Chromium disables an unpacked extension loaded from the command line when it reloads,
 * unless developer mode is on (`unsupportedDeveloperExtension`): turn it on, as a developer would.
 */
async function enableDeveloperMode(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        (globalThis as unknown as { chrome: { developerPrivate: { updateProfileConfiguration(c: object, cb: () => void): void } } }).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, done),
      ),
  );
  await page.close();
}

async function reloadExtension(context: BrowserContext, serviceWorker: Worker): Promise<Worker> {
  const next = context.waitForEvent('serviceworker', { predicate: (w) => w !== serviceWorker, timeout: 30_000 });
  // The worker dies while answering: the evaluation itself may fail.
  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => {});
  return next;
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !/favicon|Failed to load resource/.test(m.text())) errors.push(`console.${m.type()}: ${m.text()}`);
  });
  return errors;
}

const ours = (page: Page) =>
  page.evaluate(() => ({
    hosts: document.querySelectorAll('figure-check-ui').length,
    sheets: document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('figure-check'))).length + document.querySelectorAll('style[data-figure-check]').length,
  }));

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.close();
});

test('after the extension reloads, the orphan removes its marks and card quietly; a reload of the page marks each figure once', async () => {
  test.setTimeout(120_000);
  const expected = expectedCounts();
  const { context, serviceWorker, extensionId } = await launchWithExtension();
  try {
    await enableDeveloperMode(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url + PAGE);
    await waitForScan(page);
    expect(await registryCounts(page)).toEqual(expected);
    const tabId = await tabIdOf(serviceWorker, page);
    // A card open (pinned by a click), so that the orphan has a UI to take down too.
    const at = await page.evaluate(() => {
      for (const r of CSS.highlights.get('figure-check-exact') as unknown as Iterable<Range>) {
        if (r.toString() !== '602 million') continue;
        const b = r.getClientRects()[0]!;
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      return null;
    });
    await page.mouse.click(at!.x, at!.y);
    await expect(page.locator('figure-check-ui .card')).toBeVisible();
    expect(await ours(page)).toEqual({ hosts: 1, sheets: 1 });

    const worker = await reloadExtension(context, serviceWorker);
    expect(new URL(worker.url()).host).toBe(extensionId);

    // The orphan notices within a few seconds (it checks every 2 s) and cleans up.
    await expect.poll(() => registryCounts(page), { timeout: 10_000 }).toEqual({ exact: undefined, rounded: undefined, outdated: undefined, conflict: undefined });
    expect(await ours(page)).toEqual({ hosts: 0, sheets: 0 });
    // Stopped: a new figure stays unmarked, and nothing is thrown about the lost extension.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The internet penetration rate reached 80.1 percent.';
      document.body.append(p);
    });
    await page.mouse.move(at!.x, at!.y);
    await page.waitForTimeout(1500);
    expect(await registryCounts(page)).toEqual({ exact: undefined, rounded: undefined, outdated: undefined, conflict: undefined });
    expect(errors).toEqual([]);

    // The tab is now like one opened before the extension was installed: no content script answers,
    // and the popup says so (with the toolbar button, activeTab gives it the tab's address and it
    // says "opened before Figure Check was installed or updated… Reload"; opened as a page here, it
    // has no address and says the page cannot be checked).
    const popup = await openPopup(context, extensionId, tabId);
    await expect(popup.getByRole('status')).toContainText(/installed or updated|cannot run on this page/);
    await popup.close();

    // Reloaded, the page is checked again by the new extension: each figure marked exactly once.
    await page.reload();
    await waitForScan(page);
    expect(await registryCounts(page)).toEqual(expected);
    expect(await ours(page)).toEqual({ hosts: 0, sheets: 1 });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './fixtures';
import { collapse, lines, readMarks, runCli, waitForMarks, waitForScan, type PageMark } from './registry';
import { startServer, type FixtureServer } from './server';
import type { browser } from 'wxt/browser';

/** The extension API inside the service worker (`serviceWorker.evaluate`): Chrome's, typed as WXT's `browser`. */
declare const chrome: typeof browser;

/**
 * Hostile pages (tests/e2e/pages/hostile/), each served from 127.0.0.1 to the built extension in
 * Chromium. For each: the page keeps working (no page error, no console error of ours, its own
 * buttons, counters and frames keep going) and the marks are right (read from the highlight
 * registry, or from the content script's own isolated world where the page replaced `window.CSS`).
 * Timings are never asserted precisely: the bounds are ones a frozen tab would clearly fail.
 */

const CSP = "default-src 'none'; style-src 'none'; script-src 'none'";
const PAGES = resolve(import.meta.dirname, 'pages/hostile');

const test = base.extend<{}, { shared: { context: BrowserContext; server: FixtureServer; cspServer: FixtureServer } }>({
  shared: [
    async ({}, use) => {
      const server = await startServer();
      const cspServer = await startServer(0, () => ({ 'content-security-policy': CSP }));
      const { context } = await launchWithExtension();
      await use({ context, server, cspServer });
      await context.close();
      await server.close();
      await cspServer.close();
    },
    { scope: 'worker' },
  ],
});

const url = (server: FixtureServer, page: string) => `${server.url}/e2e/pages/hostile/${page}`;

/** Page errors and console errors and warnings, minus the browser's own noise about a missing favicon. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !/favicon|Failed to load resource/.test(m.text())) errors.push(`console.${m.type()}: ${m.text()}`);
  });
  return errors;
}

/** Waits for the page's state to satisfy `ok`, polling from Node (works under a CSP that blocks page-side polling). */
async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/**
 * Runs `expression` in the content script's isolated world (found through CDP) and returns its value:
 * what the extension itself sees, whatever the page did to its own globals.
 */
async function inIsolatedWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; frameId?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const mainFrame = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === mainFrame && c.origin.startsWith('chrome-extension://'));
    if (!world) throw new Error('no content script world in this page');
    const result = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true, awaitPromise: true });
    if (result.exceptionDetails) throw new Error(JSON.stringify(result.exceptionDetails));
    return result.result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The marks as the content script's world sees the registry (the page's `CSS` may be a fake). */
async function isolatedMarks(page: Page): Promise<PageMark[]> {
  return inIsolatedWorld<PageMark[]>(
    page,
    `(() => {
      const all = [];
      for (const verdict of ['exact', 'rounded', 'outdated', 'conflict']) {
        const h = CSS.highlights.get('figure-check-' + verdict);
        if (h) for (const range of h) all.push({ verdict, range });
      }
      all.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
      return all.map(({ verdict, range }) => ({ verdict, text: range.toString().replace(/\\s+/g, ' ').trim() }));
    })()`,
  );
}

/** What the CLI finds in a static page file: the marks the page must get. */
function expectedFor(file: string): string[] {
  return runCli([resolve(PAGES, file)])[0]!.figures.map((f) => `${f.verdict} ${collapse(f.text)}`);
}

test.describe('a framework app that re-renders every 100 ms and navigates client-side', () => {
  test('marks follow the re-rendered text and the navigation; the app keeps working', async ({ shared }, info) => {
    const page = await shared.context.newPage();
    const errors = watchErrors(page);
    await page.goto(url(shared.server, 'framework.html'));
    await waitForScan(page);
    const users = ['exact 602 million', 'exact 1.125 billion'];
    const rates = ['conflict 900 million', 'exact 80.1 percent'];

    // While it ticks (the figure's <b> is thrown away and re-mounted every 100 ms), the marks keep
    // finding the new nodes: sampled for 3 s, they are often exactly right, and never name other text.
    const samples: string[][] = [];
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      samples.push(lines(await readMarks(page)));
      await page.waitForTimeout(40);
    }
    const right = samples.filter((s) => JSON.stringify(s) === JSON.stringify(users)).length;
    info.annotations.push({ type: 'samples', description: `${right} of ${samples.length} samples exactly right while re-rendering every 100 ms` });
    expect(right, 'samples with exactly the right marks').toBeGreaterThan(0);
    // Between a tick and the rescan it causes, the old <b>'s range is collapsed (empty): never wrong text.
    for (const s of samples) for (const m of s) expect(['exact 602 million', 'exact 1.125 billion', 'exact ']).toContain(m);
    const renders = await page.evaluate(() => (window as unknown as { appRenders: number }).appRenders);
    expect(renders, 'the app re-rendered all along').toBeGreaterThan(10);

    // Paused: the marks settle on the live nodes.
    await page.click('#pause');
    await expect(page.locator('#pause')).toHaveText('Resume');
    expect(lines(await waitForMarks(page, (m) => JSON.stringify(lines(m)) === JSON.stringify(users), 5000))).toEqual(users);
    expect(await page.evaluate(() => (window as unknown as { app: { reference(): string } }).app.reference() === document.getElementById('root')!.innerHTML), "the DOM is exactly Preact's render").toBe(true);

    // Its own buttons work.
    for (let i = 0; i < 3; i++) await page.click('#like');
    await expect(page.locator('#like')).toHaveText('Like (3)');

    // Client-side navigation: the marks follow the new article, Back restores the first.
    await page.click('a[data-story=rates]');
    expect(page.url()).toContain('story=rates');
    expect(lines(await waitForMarks(page, (m) => JSON.stringify(lines(m)) === JSON.stringify(rates), 5000))).toEqual(rates);
    await page.click('#pause'); // ticking again
    await page.goBack();
    await page.click('#pause');
    expect(lines(await waitForMarks(page, (m) => JSON.stringify(lines(m)) === JSON.stringify(users), 5000))).toEqual(users);
    expect(await page.evaluate(() => (window as unknown as { app: { reference(): string } }).app.reference() === document.getElementById('root')!.innerHTML), "the DOM is exactly Preact's render").toBe(true);
    await expect(page.locator('#like')).toHaveText('Like (3)');
    expect(errors).toEqual([]);
    await page.close();
  });
});

type Spy = { map: number; appendChild: number; addEventListener: string[]; observers: number; shadows: number; highlights: number };

test.describe('a page that replaces built-ins', () => {
  test("the page's replacements never reach the content script, and the page's own code keeps working", async ({ shared }) => {
    const page = await shared.context.newPage();
    const errors = watchErrors(page);
    await page.goto(url(shared.server, 'overrides.html'));
    const expected = expectedFor('overrides.html');
    expect(expected.length).toBeGreaterThan(0);
    // The page's `CSS` is a fake: the marks are read where the extension lives, and through the page's saved registry.
    expect(lines(await poll(() => isolatedMarks(page), (m) => JSON.stringify(lines(m)) === JSON.stringify(expected)))).toEqual(expected);
    const saved = await page.evaluate(() => (window as unknown as { nativeCSS: typeof CSS }).nativeCSS.highlights.get('figure-check-exact')?.size);
    expect(saved).toBe(expected.filter((l) => l.startsWith('exact ')).length);
    // Only the page's own calls reached its spies and saboteurs (its list of 3 items; its 'click' and 'error' listeners).
    const own: Spy = { map: 1, appendChild: 3, addEventListener: ['click', 'error'], observers: 0, shadows: 0, highlights: 0 };
    expect(await page.evaluate(() => (window as unknown as { ownCalls(): unknown }).ownCalls())).toEqual(own);

    // The card opens on hover (its host needs attachShadow, its position Range rects, its pacing frames: all replaced in the page).
    const at = await inIsolatedWorld<{ x: number; y: number }>(
      page,
      `(() => { for (const r of CSS.highlights.get('figure-check-exact')) if (r.toString() === '602 million') { const b = r.getClientRects()[0]; return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; } })()`,
    );
    await page.mouse.move(at.x, at.y);
    const card = page.locator('figure-check-ui .card');
    await expect(card).toBeVisible({ timeout: 5000 });
    await expect(card.locator('.page-value')).toHaveText('602 million');

    // The page's own code, written against its replacements, works; a figure it adds late is marked
    // (the extension's MutationObserver is its own, not the page's saboteur).
    await page.click('#add');
    await page.click('#add');
    await expect(page.locator('#count')).toHaveText('2');
    await expect(page.locator('#list li')).toHaveCount(5);
    await page.evaluate(() => (window as unknown as { addLateFigure(): void }).addLateFigure());
    const late = await poll(() => isolatedMarks(page), (m) => m.length === expected.length + 1);
    expect(lines(late)).toContain('exact 80.1 percent');
    expect(lines(late).filter((l) => l === 'exact 80.1 percent')).toHaveLength(2);

    expect(await page.evaluate(() => (window as unknown as { ownCalls(): unknown }).ownCalls())).toEqual({ ...own, appendChild: 3 + 2 + 1 });
    expect(await page.evaluate(() => (window as unknown as { pageErrors: string[] }).pageErrors)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test.describe('a strict Content-Security-Policy', () => {
  test(`under "${CSP}" the marks appear and the card opens, styled`, async ({ shared }) => {
    const page = await shared.context.newPage();
    const errors = watchErrors(page);
    // Init scripts are not subject to the page's CSP: this one records every violation report.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    await page.goto(url(shared.cspServer, 'csp.html'));
    // The policy is in force: the page's own inline script and style were refused.
    expect(await page.title()).not.toBe('scripts ran');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).not.toBe('rgb(255, 0, 0)');
    const expected = expectedFor('csp.html');
    expect(expected.length).toBeGreaterThan(3);
    expect(lines(await poll(() => readMarks(page), (m) => JSON.stringify(lines(m)) === JSON.stringify(expected)))).toEqual(expected);
    // Our highlight style sheet is a constructed one, adopted (a page's CSP does not govern it).
    expect(await page.evaluate(() => document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(figure-check-'))).length)).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('style[data-figure-check]').length)).toBe(0);

    // The card opens on hover and is styled as on any page.
    const at = await page.evaluate(() => {
      for (const r of CSS.highlights.get('figure-check-exact') as unknown as Iterable<Range>) {
        if (r.toString() !== '602 million') continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const b = r.getClientRects()[0]!;
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      return null;
    });
    expect(at).toBeTruthy();
    await page.mouse.move(at!.x, at!.y);
    const card = page.locator('figure-check-ui .card');
    await expect(card).toBeVisible({ timeout: 5000 });
    await expect(card.locator('.page-value')).toHaveText('602 million');
    const style = await card.evaluate((el) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, position: s.position, width: s.width, background: s.backgroundColor };
    });
    expect(style).toEqual({ fontSize: '13px', position: 'fixed', width: '360px', background: 'rgb(255, 255, 255)' });

    // The only refusals are the page's own inline <style> and <script> (and its favicon): nothing of ours was refused.
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect(violations.filter((v) => !/favicon/.test(v)).map((v) => v.replace(/:\d+$/, '')).sort()).toEqual([`script-src-elem inline ${url(shared.cspServer, 'csp.html')}`, `style-src-elem inline ${url(shared.cspServer, 'csp.html')}`]);
    expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/.test(e)).map((e) => e.split(' violates')[0]).sort()).toEqual(['console.error: Applying inline style', 'console.error: Executing inline script']);
    await page.close();
  });
});

interface Responsiveness {
  /** The checker's first start and last scan, on the page's clock. */
  start: number;
  end: number;
  frames: number;
  maxFrameGap: number;
  longTasks: number[];
}

/** The page's own frame and long-task records between the checker's start and `until` (default: its last scan). */
async function responsiveness(page: Page, until?: number): Promise<Responsiveness> {
  return page.evaluate((until) => {
    const w = window as unknown as { frameTimes: number[]; longTasks: Array<{ start: number; duration: number }> };
    const start = performance.getEntriesByName('figure-check:start')[0]!.startTime;
    const end = until ?? performance.getEntriesByName('figure-check:scanned').at(-1)!.startTime;
    const frames = w.frameTimes.filter((t) => t >= start && t <= end);
    let maxFrameGap = 0;
    for (let i = 1; i < frames.length; i++) maxFrameGap = Math.max(maxFrameGap, frames[i]! - frames[i - 1]!);
    if (frames.length > 0) maxFrameGap = Math.max(maxFrameGap, frames[0]! - start, end - frames.at(-1)!);
    const longTasks = w.longTasks.filter((t) => t.start + t.duration >= start && t.start <= end).map((t) => Math.round(t.duration));
    return { start, end, frames: frames.length, maxFrameGap: Math.round(maxFrameGap), longTasks };
  }, until);
}

test.describe('pages that are huge or never stop changing', () => {
  test('a 200,000-node page: the tab keeps painting during the scan, and the marks appear', async ({ shared }, info) => {
    test.setTimeout(120_000);
    const page = await shared.context.newPage();
    const errors = watchErrors(page);
    await page.goto(url(shared.server, 'big.html'), { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { nodeCount: number }).nodeCount)).toBeGreaterThanOrEqual(25_000 * 3);
    expect(await page.evaluate(() => document.body.querySelectorAll('*').length + [...document.body.querySelectorAll('*')].reduce((n, el) => n + [...el.childNodes].filter((c) => c.nodeType === 3).length, 0))).toBeGreaterThanOrEqual(200_000);
    const expected = ['exact 602 million', 'exact 1.125 billion', 'exact 80.1 percent'];
    const scan = await waitForScan(page, 1, 90_000);
    expect(lines(await waitForMarks(page, (m) => m.length >= 3, 10_000))).toEqual(expected);
    const r = await responsiveness(page);
    const seconds = (r.end - r.start) / 1000;
    info.annotations.push({ type: 'big page', description: `scan ${scan.ms} ms over ${scan.blocks} blocks; ${r.frames} frames in ${seconds.toFixed(2)} s (max gap ${r.maxFrameGap} ms); long tasks ${JSON.stringify(r.longTasks)}` });
    // Measured on the 2-core machine: ~45 frames a second, gaps up to ~500 ms and one long task of
    // ~300-500 ms: the frame in which the browser restyles all 200,000 nodes for our adopted
    // ::highlight sheet (~300 ms on this page whoever adopts it; our own tasks are sliced to ~8 ms).
    // The bounds are ones a frozen tab fails, not a benchmark.
    expect(r.frames / Math.max(seconds, 1), 'frames a second during the scan').toBeGreaterThanOrEqual(5);
    expect(r.maxFrameGap, 'longest time without a frame during the scan, ms').toBeLessThan(2500);
    expect(Math.max(0, ...r.longTasks), 'longest task during the scan, ms').toBeLessThan(2500);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a page that mutates itself forever: it keeps running, the extension rescans at a bounded rate', async ({ shared }, info) => {
    const page = await shared.context.newPage();
    const errors = watchErrors(page);
    await page.goto(url(shared.server, 'churn.html'));
    await waitForScan(page);
    const expected = ['exact 602 million', 'exact 1.125 billion'];
    expect(lines(await waitForMarks(page, (m) => m.length >= 2))).toEqual(expected);
    const before = await page.evaluate(() => ({ t: performance.now(), ticks: (window as unknown as { intervalTicks: number }).intervalTicks, scan: (performance.getEntriesByName('figure-check:scanned').at(-1) as PerformanceMark).detail.scan as number }));
    await page.waitForTimeout(4000);
    const after = await page.evaluate(() => ({ t: performance.now(), ticks: (window as unknown as { intervalTicks: number }).intervalTicks, scan: (performance.getEntriesByName('figure-check:scanned').at(-1) as PerformanceMark).detail.scan as number }));
    const seconds = (after.t - before.t) / 1000;
    const r = await responsiveness(page, after.t);
    const frames = await page.evaluate(([a, b]) => (window as unknown as { frameTimes: number[] }).frameTimes.filter((t) => t >= a && t <= b).length, [before.t, after.t] as const);
    info.annotations.push({ type: 'churn', description: `${seconds.toFixed(2)} s: ${frames} frames, ${after.ticks - before.ticks} timer ticks, ${after.scan - before.scan} rescans; max frame gap ${r.maxFrameGap} ms; long tasks ${JSON.stringify(r.longTasks)}` });
    // Measured: ~50 frames and ~150 timer ticks a second, a rescan about every 1.3 s (the quiet spell
    // never comes; MAX_WAIT_MS in checker.ts forces one). Bounds a frozen tab or a busy loop fails.
    expect(frames / seconds, 'page frames a second').toBeGreaterThanOrEqual(5);
    expect((after.ticks - before.ticks) / seconds, 'page timer ticks a second').toBeGreaterThanOrEqual(20);
    expect(after.scan - before.scan, 'rescans in the window').toBeGreaterThanOrEqual(1);
    expect((after.scan - before.scan) / seconds, 'rescans a second').toBeLessThanOrEqual(5);
    expect(r.maxFrameGap, 'longest time without a frame, ms').toBeLessThan(1500);
    expect(Math.max(0, ...r.longTasks), 'longest task, ms').toBeLessThan(1500);
    expect(lines(await readMarks(page))).toEqual(expected);
    // It still follows the page: a figure added in the middle of the churn is marked.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The internet penetration rate reached 80.1 percent.';
      document.querySelector('article')!.append(p);
    });
    expect(lines(await waitForMarks(page, (m) => m.length === 3, 8000))).toEqual([...expected, 'exact 80.1 percent']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test.describe('editable areas', () => {
  test('textarea, input, contenteditable (also one made editable after load) and a design-mode frame are never scanned', async ({ shared }) => {
    const page = await shared.context.newPage();
    const errors = watchErrors(page);
    await page.goto(url(shared.server, 'editable.html'));
    await waitForScan(page);
    await poll(() => page.evaluate(() => (window as unknown as { designReady?: boolean }).designReady === true), (ready) => ready);
    const frame = page.frame({ url: /srcdoc/ })!;
    expect(frame).toBeTruthy();
    // Only the paragraph outside any editor, and the one not yet editable.
    const before = ['exact 1.125 billion', 'outdated 515 million'];
    expect(lines(await waitForMarks(page, (m) => JSON.stringify(lines(m)) === JSON.stringify(before)))).toEqual(before);
    expect(await frame.evaluate(() => document.designMode)).toBe('on');

    // A "click to edit" field: once editable, its figure loses its mark.
    await page.evaluate(() => (window as unknown as { makeEditable(): void }).makeEditable());
    expect(lines(await waitForMarks(page, (m) => m.length === 1))).toEqual(['exact 1.125 billion']);

    // Typing official figures into any of them marks nothing.
    const typed = ' China had 1.125 billion internet users at the end of 2025, and 602 million generative AI users.';
    for (const selector of ['#area', '#field', '#editor p', '#plain', '#later p']) {
      await page.click(selector);
      await page.keyboard.press('End');
      await page.keyboard.type(typed, { delay: 0 });
    }
    await frame.click('p');
    await page.keyboard.press('End');
    await page.keyboard.type(typed, { delay: 0 });
    expect(await page.inputValue('#area')).toContain(typed.trim());
    expect(await frame.evaluate(() => document.body.textContent)).toContain(typed.trim());
    // Long enough for the rescans the typing caused (a quiet spell of 50 ms, at most 1 s).
    const t = await page.evaluate(() => performance.now());
    await waitForScan(page, 1, 10_000, t);
    await page.waitForTimeout(1500);
    expect(lines(await readMarks(page))).toEqual(['exact 1.125 billion']);
    expect(await readMarks(frame)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test.describe('a page that spoofs our UI and spies on us', () => {
  test('it learns nothing beyond the highlight registry and cannot drive or stop the extension', async ({ shared }) => {
    const { context, serviceWorker } = await launchWithExtension();
    try {
      // Settings and a custom fact pack with names the page must never see.
      const dataset = JSON.parse(readFileSync(resolve(import.meta.dirname, 'pages/custom-pack.json'), 'utf8')) as unknown;
      await serviceWorker.evaluate(
        (dataset) =>
          chrome.storage.local.set({
            settings: { version: 1, enabled: true, mode: 'all-except', disabledSites: ['secret-newsroom.example'], enabledSites: [], cardDelayMs: 350, language: 'en' },
            packs: { version: 1, packs: [{ id: 'pack-secret-id', name: 'secret-pack.json', enabled: true, importedAt: '2026-03-10T00:00:00.000Z', dataset }] },
          }),
        dataset,
      );
      // The pack is in use (so that not finding it below means something).
      const check = await context.newPage();
      await check.goto(`${shared.server.url}/e2e/pages/custom-pack.html`);
      expect(lines(await waitForMarks(check, (m) => m.length >= 2))).toContain('exact 5,120');
      await check.close();

      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(url(shared.server, 'spoof.html'));
      await waitForScan(page);
      // Text the page wrapped in an element named like ours is hidden from us (it can only hide, never spoof a mark).
      const expected = ['exact 602 million', 'exact 80.1 percent'];
      expect(lines(await waitForMarks(page, (m) => m.length >= 2))).toEqual(expected);
      const fakeBefore = await page.evaluate(() => document.getElementById('fake')!.shadowRoot!.innerHTML);

      type Learnt = { chromeRuntime: string; browser: string; sendMessage: string; ourShadowRoots: Array<string | null>; wxtEvent?: string };
      const learnt = await page.evaluate(() => (window as unknown as { attack(): Learnt }).attack());
      expect(learnt.chromeRuntime).toBe('undefined');
      expect(learnt.browser).toBe('undefined');
      expect(learnt.sendMessage).toBe('undefined');
      // No host of ours exists until the reader opens a card.
      expect(learnt.ourShadowRoots).toEqual([]);
      // WXT announces the content script to the window (with the extension id, as any page could
      // also tell from our registry entries); the page sent it back to stop us. It must not work:
      expect(learnt.wxtEvent).toMatch(/^[a-p]{32}:content:wxt:content-script-started$/);
      await page.waitForTimeout(800);
      expect(lines(await readMarks(page)), 'marks survive the fake "newer script" event').toEqual(expected);
      expect(await page.locator('figure-check-ui').count(), 'no card of ours opened on fake messages or synthetic events').toBe(1);
      // ...and the extension still follows the page.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'China had 1.125 billion internet users at the end of 2025.';
        document.querySelector('article')!.append(p);
      });
      expect(lines(await waitForMarks(page, (m) => m.length === 3))).toEqual([...expected, 'exact 1.125 billion']);

      const secrets = ['secret-newsroom', 'secret-pack', 'pack-secret-id', 'robotaxi', 'Robotaxi', 'newsroom-robotaxi-survey', 'disabledSites', 'enabledSites', 'cardDelayMs', 'markStyle'];
      const leaks = (dump: string) => secrets.filter((s) => dump.includes(s));
      let dump = await page.evaluate(() => (window as unknown as { dump(): string }).dump());
      expect(dump, 'the dump reads the registry').toContain('exact: 602 million');
      expect(leaks(dump)).toEqual([]);

      // The reader opens a card: the page can read that card (an open shadow root), which is about a
      // figure on its own page, and still nothing of the settings or the pack.
      const at = await page.evaluate(() => {
        for (const r of CSS.highlights.get('figure-check-exact') as unknown as Iterable<Range>) {
          if (r.toString() !== '602 million') continue;
          const b = r.getClientRects()[0]!;
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
        return null;
      });
      await page.mouse.move(at!.x, at!.y);
      const card = page.locator('figure-check-ui:not(#fake) .card');
      await expect(card).toBeVisible({ timeout: 5000 });
      await expect(card.locator('.page-value')).toHaveText('602 million');
      dump = await page.evaluate(() => (window as unknown as { dump(): string }).dump());
      expect(dump).toContain('Generative AI users');
      expect(leaks(dump)).toEqual([]);
      // The page's fake host was never touched, nor taken for ours.
      expect(await page.evaluate(() => document.getElementById('fake')!.shadowRoot!.innerHTML)).toBe(fakeBefore);
      expect(await page.locator('figure-check-ui').count()).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

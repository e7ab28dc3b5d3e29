import { chromium, test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WEB_PAGES as WEB_PAGES_SHARED } from '../shared/scenarios';
import { CARD, figuresOnPage, locateFigure } from './card-helpers';
import { BUILT_EXTENSION, CHROMIUM_ARGS } from './fixtures';
import { waitForScan } from './registry';
import { startServer, type FixtureServer } from './server';

/**
 * Privacy: the built extension makes no network request at all. Every request made while it runs
 * is recorded — on every fixture page and seed article (with a card opened and a keyboard command
 * sent through the service worker), and on its own pages (popup.html, options.html as tabs) — from
 * three vantage points: Playwright's context-wide `request` event (pages, frames and, in Chromium,
 * the extension's service worker), a CDP session with `Network.enable` on every page (which also
 * sees data: URLs and the initiator's script stack), and a baseline run of the same pages in the
 * same Chromium *without* the extension.
 *
 * A request fails the test unless it is
 *  - a chrome-extension:// resource of our own extension, or a data:/blob: URL (no network);
 *  - made by a web page itself (its document and what the page loads without the extension: the
 *    baseline) — and then only if no extension script is in its initiator stack.
 * Anything from the service worker or an extension page that leaves chrome-extension://<our id>/
 * fails. DNS is disabled for everything but 127.0.0.1, so the fixture pages' own third-party tags
 * cannot reach the internet either.
 *
 * The last test plants `fetch`, an image beacon and `sendBeacon` in a copy of the built extension
 * (content script, service worker, popup) and checks that the recorder reports each one: the
 * detector itself is tested, so a silent recorder cannot pass.
 */

/** The extension API inside the service worker (`serviceWorker.evaluate`), Chrome's. */
declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } };

/** The seed articles and every fixture page: the same list as the Firefox privacy test (tests/shared/scenarios.ts). */
const WEB_PAGES = WEB_PAGES_SHARED;
const SEEDS = WEB_PAGES.filter((p) => p.startsWith('/seed/'));

/** No name resolves except 127.0.0.1: nothing can leave the machine, but every attempt is still a request we see. */
const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];
/** Chromium's own flags from the shared fixtures, minus the two that load the extension. */
const PLAIN_ARGS = CHROMIUM_ARGS.filter((a) => !a.startsWith('--load-extension=') && !a.startsWith('--disable-extensions-except='));
/**
 * A snapshot of the build: another `wxt build` (a colleague's, a script's) may rewrite .output/
 * while the tests run. Copied again until the copy is whole (up to 60 s), then used from the copy.
 */
/** Temp dirs made here (snapshots, profiles), removed after the tests. */
const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

async function snapshot(from: string): Promise<string> {
  const whole = (dir: string) => ['manifest.json', 'background.js', 'content-scripts/content.js', 'popup.html', 'options.html'].every((f) => existsSync(join(dir, f)));
  for (let tries = 0; ; tries++) {
    const to = tempDir('figure-check-privacy-ext-');
    try {
      if (whole(from)) {
        cpSync(from, to, { recursive: true });
        if (whole(to)) return to;
      }
    } catch {
      // a file vanished during the copy: try again
    }
    rmSync(to, { recursive: true, force: true });
    if (tries >= 60) throw new Error(`${from} is missing or incomplete: run \`npx wxt build\` first`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
const BUILT = process.env.FIGURE_CHECK_PRIVACY_EXTENSION ?? BUILT_EXTENSION;

interface Seen {
  url: string;
  /** Where we saw it: 'pw' (context request event) or 'cdp' (Network.requestWillBeSent on a page). */
  via: 'pw' | 'cdp';
  /** The page that was open in the tab (or 'service-worker'). */
  from: string;
  /** Resource type as reported (document, script, fetch, ping, image, …). */
  type: string;
  /** Script URLs in the CDP initiator (url and every frame of the stack and its parents). */
  initiators: string[];
}

function initiatorUrls(initiator: { url?: string; stack?: StackTrace } | undefined): string[] {
  const urls: string[] = [];
  if (initiator?.url) urls.push(initiator.url);
  for (let s: StackTrace | undefined = initiator?.stack; s; s = s.parent) for (const f of s.callFrames) if (f.url) urls.push(f.url);
  return urls;
}
interface StackTrace {
  callFrames: Array<{ url: string }>;
  parent?: StackTrace;
}

/** Records every request of a browser context from both vantage points. */
class Recorder {
  readonly seen: Seen[] = [];
  private readonly attached = new WeakSet<Page>();

  constructor(private readonly context: BrowserContext) {
    context.on('request', (r) => {
      const sw = r.serviceWorker();
      let from = 'unknown';
      if (sw) from = `service-worker ${sw.url()}`;
      else {
        try {
          from = r.frame().url() || r.frame().page().url();
        } catch {
          from = 'navigation';
        }
      }
      this.seen.push({ url: r.url(), via: 'pw', from, type: r.resourceType(), initiators: [] });
    });
    context.on('page', (p) => void this.attach(p));
  }

  /** CDP on a page: call before navigating it (pages the extension opens are attached as they appear). */
  async attach(page: Page): Promise<void> {
    if (this.attached.has(page)) return;
    this.attached.add(page);
    const cdp = await this.context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (e) => {
      this.seen.push({ url: e.request.url, via: 'cdp', from: e.documentURL, type: String(e.type ?? ''), initiators: initiatorUrls(e.initiator as never) });
    });
    await cdp.send('Network.enable');
  }
}

interface Verdict {
  violations: string[];
  /** How many requests each vantage point saw (a recorder that sees nothing is broken, not clean). */
  counts: { pw: number; cdp: number; serviceWorker: number };
}

/** Applies the rules above. `baseline`: every URL the web pages load without the extension. */
function judge(seen: Seen[], extensionId: string, baseline: Set<string>, serverUrl: string): Verdict {
  const own = `chrome-extension://${extensionId}/`;
  const violations = new Set<string>();
  for (const s of seen) {
    const local = s.url.startsWith(own) || s.url.startsWith('data:') || s.url.startsWith('blob:');
    const describe = `${s.url} (${s.via}, ${s.type || 'request'}, from ${s.from}${s.initiators.length ? `, initiated by ${[...new Set(s.initiators)].join(' ← ')}` : ''})`;
    if (local) continue;
    if (s.from.startsWith('service-worker') || s.from.startsWith('chrome-extension:')) {
      violations.add(`extension context requested ${describe}`);
    } else if (s.initiators.some((u) => u.startsWith('chrome-extension:'))) {
      violations.add(`extension script requested ${describe}`);
    } else if (!baseline.has(s.url) && s.url !== `${serverUrl}/favicon.ico`) {
      violations.add(`request the page does not make without the extension: ${describe}`);
    }
  }
  return {
    violations: [...violations],
    counts: {
      pw: seen.filter((s) => s.via === 'pw').length,
      cdp: seen.filter((s) => s.via === 'cdp').length,
      serviceWorker: seen.filter((s) => s.from.startsWith('service-worker')).length,
    },
  };
}

async function launchExtension(extensionPath: string): Promise<{ context: BrowserContext; extensionId: string; serviceWorker: Worker }> {
  const args = CHROMIUM_ARGS.map((a) =>
    a.startsWith('--load-extension=') ? `--load-extension=${extensionPath}` : a.startsWith('--disable-extensions-except=') ? `--disable-extensions-except=${extensionPath}` : a,
  );
  const context = await chromium.launchPersistentContext(tempDir('figure-check-privacy-profile-'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'en-US',
    args: [...args, ...OFFLINE_ARGS],
    viewport: { width: 1100, height: 800 },
  });
  let [serviceWorker] = context.serviceWorkers();
  if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return { context, extensionId: new URL(serviceWorker.url()).host, serviceWorker };
}

/** What the web pages request with no extension installed, in the same Chromium. */
async function baselineUrls(server: FixtureServer): Promise<Set<string>> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: [...PLAIN_ARGS, ...OFFLINE_ARGS] });
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const recorder = new Recorder(context);
    const page = await context.newPage();
    await recorder.attach(page);
    for (const path of WEB_PAGES) {
      await page.goto(server.url + path);
      // Scrolled through, so lazy images load here too (the extension run scrolls to figures).
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(300);
    }
    return new Set(recorder.seen.map((s) => s.url));
  } finally {
    await browser.close();
  }
}

/** Everything the extension does on a web page: scan, mark, open a card by hovering a figure. Returns whether a card opened. */
async function visit(page: Page, url: string): Promise<boolean> {
  await page.goto(url);
  await waitForScan(page);
  const [first] = await figuresOnPage(page);
  let opened = false;
  if (first) {
    const figure = await locateFigure(page, first.text);
    await page.mouse.move(figure.x, figure.y);
    opened = await page
      .locator(CARD)
      .waitFor({ state: 'visible', timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    await page.mouse.move(2, 2);
  }
  await page.waitForTimeout(200);
  return opened;
}

/** The extension's own pages as tabs: the popup about a web page's tab (its site switch clicked off and on), and the options page. */
/**
 * The tab id of the one web page open (no "tabs" permission, so the worker sees no addresses; the
 * tests keep a single tab open, the context's first page, so no message to the content script is needed).
 */
async function onlyTabId(serviceWorker: Worker): Promise<number> {
  const ids = await serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id));
  expect(ids, 'exactly one tab open').toHaveLength(1);
  return ids[0]!;
}

/** The context's first tab (a persistent context opens with one), CDP attached. */
async function firstTab(context: BrowserContext, recorder: Recorder): Promise<Page> {
  const [page = await context.newPage(), ...others] = context.pages();
  for (const other of others) await other.close();
  await recorder.attach(page);
  return page;
}

async function visitExtensionPages(context: BrowserContext, recorder: Recorder, extensionId: string, tabId: number): Promise<void> {
  const popup = await context.newPage();
  await recorder.attach(popup);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('#app > *').first().waitFor({ timeout: 10_000 });
  // The site switch (when the popup reached the page's content script): off and on again.
  const siteSwitch = popup.getByRole('switch').first();
  if (await siteSwitch.isVisible().catch(() => false)) {
    await siteSwitch.click();
    await popup.waitForTimeout(300);
    await siteSwitch.click();
  }
  await popup.waitForTimeout(300);
  await popup.close();

  const options = await context.newPage();
  await recorder.attach(options);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('h1').first().waitFor({ timeout: 10_000 });
  await options.waitForTimeout(500);
  await options.close();
}

const test = base.extend<{}, { server: FixtureServer; baseline: Set<string> }>({
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseline: [async ({ server }, use) => use(await baselineUrls(server)), { scope: 'worker' }],
});

test.afterAll(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const report = (v: Verdict) => `${v.violations.length} request(s) not allowed:\n  ${v.violations.join('\n  ')}`;

test('no network request from the extension on any fixture page, seed article or extension page', async ({ server, baseline }) => {
  test.setTimeout(240_000);
  // The baseline itself must be real: the seeds and pages are loaded from the fixture server.
  expect(baseline.has(server.url + WEB_PAGES[0])).toBe(true);

  const { context, extensionId, serviceWorker } = await launchExtension(await snapshot(BUILT));
  try {
    const recorder = new Recorder(context);
    const page = await firstTab(context, recorder);
    let cards = 0;
    for (const path of WEB_PAGES) if (await visit(page, server.url + path)) cards++;
    // Keyboard commands go through the service worker to the tab's content script.
    const seed = server.url + SEEDS[0];
    await page.goto(seed);
    await waitForScan(page);
    const tabId = await onlyTabId(serviceWorker);
    await serviceWorker.evaluate((id) => (globalThis as unknown as { figureCheck: { runCommand(c: string, t?: number): Promise<boolean> } }).figureCheck.runCommand('next-figure', id), tabId);
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 5000 });
    await visitExtensionPages(context, recorder, extensionId, tabId);
    await page.waitForTimeout(500);

    const verdict = judge(recorder.seen, extensionId, baseline, server.url);
    await test.info().attach('requests.json', { body: JSON.stringify(recorder.seen, null, 1), contentType: 'application/json' });
    expect(verdict.violations, report(verdict)).toEqual([]);
    // The recorder saw the page loads from both vantage points, and cards were opened on the way.
    expect(verdict.counts.pw).toBeGreaterThanOrEqual(WEB_PAGES.length);
    expect(verdict.counts.cdp).toBeGreaterThanOrEqual(WEB_PAGES.length);
    expect(cards, 'cards opened (the card UI was exercised too)').toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});

test('the recorder catches requests planted in the content script, the service worker and the popup', async ({ server, baseline }) => {
  test.setTimeout(120_000);
  // A copy of the built extension with network calls appended to three of its scripts.
  const planted = await snapshot(BUILT);
  const append = (file: string, code: string) => writeFileSync(join(planted, file), `${readFileSync(join(planted, file), 'utf8')}\n;${code}\n`);
  append('content-scripts/content.js', "fetch('http://127.0.0.1:9/planted-content-fetch').catch(()=>{});new Image().src='http://127.0.0.1:9/planted-content-img';navigator.sendBeacon('http://127.0.0.1:9/planted-content-beacon','x');");
  append('background.js', "fetch('http://127.0.0.1:9/planted-worker-fetch').catch(()=>{});");
  const popupChunk = readdirSync(join(planted, 'chunks')).find((f) => f.startsWith('popup-') && f.endsWith('.js'));
  expect(popupChunk, 'the popup chunk in the build').toBeDefined();
  append(`chunks/${popupChunk}`, "fetch('http://127.0.0.1:9/planted-popup-fetch').catch(()=>{});");
  // And one that hides behind the fixture server's own origin (a URL the pages never load).
  append('content-scripts/content.js', `fetch(${JSON.stringify(`${server.url}/planted-same-origin`)}).catch(()=>{});`);

  const { context, extensionId, serviceWorker } = await launchExtension(planted);
  try {
    const recorder = new Recorder(context);
    const page = await firstTab(context, recorder);
    await visit(page, server.url + SEEDS[0]);
    await visitExtensionPages(context, recorder, extensionId, await onlyTabId(serviceWorker));
    await page.waitForTimeout(500);

    const { violations } = judge(recorder.seen, extensionId, baseline, server.url);
    await test.info().attach('violations.txt', { body: violations.join('\n') });
    for (const name of ['planted-content-fetch', 'planted-content-img', 'planted-content-beacon', 'planted-worker-fetch', 'planted-popup-fetch', 'planted-same-origin']) {
      expect(violations.some((v) => v.includes(name)), `${name} not reported; reported:\n  ${violations.join('\n  ')}`).toBe(true);
    }
  } finally {
    await context.close();
  }
});

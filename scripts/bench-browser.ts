import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { EXTENSION_PATH, launchWithExtension } from '../tests/e2e/fixtures';
import { generateNewsPage } from './bench-corpus';

/**
 * `npm run bench` (browser part): the built extension in real headless Chromium on a ≥ 5 MB
 * generated news page, beside
 *   (a) a bare baseline: a TreeWalker reading all the page's text, and
 *   (b) a peer: mark.js (UMD build, injected into the page without the extension) wrapping every
 *       number the regex /\d+(?:[.,]\d+)*%?/ finds,
 * each measured in the page itself, on the same page, in the same run. Prints times, the ratios
 * c/a and c/b, the longest main-thread task in each run (Long Tasks API: only tasks ≥ 50 ms are
 * reported at all), the time to the first mark, and the content script's gzipped size.
 * Prints figures; asserts nothing.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = 3;
const CONTENT_JS = join(EXTENSION_PATH, 'content-scripts/content.js');

/** Rebuilds the extension when it is missing or older than its sources. */
function ensureBuilt(): void {
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }
    return t;
  };
  const sources = Math.max(...['lib', 'entrypoints', 'components', 'data'].filter((d) => existsSync(join(ROOT, d))).map((d) => newest(join(ROOT, d))));
  if (existsSync(CONTENT_JS) && statSync(CONTENT_JS).mtimeMs >= sources) return;
  console.log('building the extension (npx wxt build) …');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

// Records every long task from the very start of the page (before any of its scripts run). A run's
// longest task is the longest that started after the run began (less 20 ms: the task that runs the
// measured code starts a moment before the code reads the clock).
// (\`__name\`: tsx keeps function names with a helper that page-side code would otherwise lack.)
const LONG_TASKS = `
  window.__name = (f) => f;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__frames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const script = e.renderStart ? e.renderStart - e.startTime : e.duration;
        window.__frames.push({ start: e.startTime, duration: e.duration, script, render: e.duration - script });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
`;

interface Run {
  ms: number;
  longestTask: number;
  /** The longest animation frame after the start, and its rendering part. */
  frames?: { duration: number; render: number };
  firstMarkMs?: number;
  marks: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function longestTaskAfter(page: Page, from: number): Promise<number> {
  return page.evaluate((t) => {
    const tasks = (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks;
    return Math.max(0, ...tasks.filter((x) => x.start >= t - 20).map((x) => x.duration));
  }, from);
}

/** The longest animation frame after `from`, and how much of it was rendering (style, layout, paint). */
async function framesAfter(page: Page, from: number): Promise<{ duration: number; render: number }> {
  return page.evaluate((t) => {
    const frames = (window as unknown as { __frames: Array<{ start: number; duration: number; script: number; render: number }> }).__frames.filter((f) => f.start >= t - 20);
    const longest = frames.reduce((a, f) => (f.duration > a.duration ? f : a), { duration: 0, render: 0 });
    return { duration: longest.duration, render: longest.render };
  }, from);
}

async function baseline(browser: Browser, url: string): Promise<Run> {
  const page = await browser.newPage();
  await page.addInitScript(LONG_TASKS);
  await page.goto(url, { waitUntil: 'load' });
  const r = await page.evaluate(() => {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    let nodes = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      chars += (n.nodeValue ?? '').length;
      nodes++;
    }
    return { t0, ms: performance.now() - t0, chars, nodes };
  });
  await page.waitForTimeout(300);
  const longestTask = await longestTaskAfter(page, r.t0);
  await page.close();
  return { ms: r.ms, longestTask, marks: r.nodes };
}

async function peer(browser: Browser, url: string, markJs: string): Promise<Run> {
  const page = await browser.newPage();
  await page.addInitScript(LONG_TASKS);
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: markJs });
  const r = await page.evaluate(
    () =>
      new Promise<{ t0: number; ms: number; marks: number }>((resolve) => {
        const t0 = performance.now();
        let marks = 0;
        const Mark = (window as unknown as { Mark: new (el: Element) => { markRegExp(re: RegExp, o: object): void } }).Mark;
        new Mark(document.body).markRegExp(/\d+(?:[.,]\d+)*%?/g, {
          each: () => marks++,
          done: () => {
            // Until the wrapped page has been laid out and painted once: what the reader waits for.
            requestAnimationFrame(() => setTimeout(() => resolve({ t0, ms: performance.now() - t0, marks }), 0));
          },
        });
      }),
  );
  await page.waitForTimeout(300);
  const longestTask = await longestTaskAfter(page, r.t0);
  await page.close();
  return { ms: r.ms, longestTask, marks: r.marks };
}

async function ours(context: BrowserContext, url: string): Promise<Run & { navToLastMs: number; blocks: number; phases: Record<string, number> }> {
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('figure-check:scanned').length > 0, null, { timeout: 120_000, polling: 50 });
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => {
    const at = (name: string) => (performance.getEntriesByName(name).at(-1) as PerformanceMark | undefined)?.startTime;
    const scanned = performance.getEntriesByName('figure-check:scanned').at(-1) as PerformanceMark;
    const detail = scanned.detail as { figures: number; blocks: number; phases: Record<string, number> };
    return { start: at('figure-check:start')!, first: at('figure-check:first-mark'), end: scanned.startTime, detail, phases: detail.phases };
  });
  const longestTask = await longestTaskAfter(page, r.start);
  const frames = await framesAfter(page, r.start);
  await page.close();
  return { frames, phases: r.phases, ms: r.end - r.start, navToLastMs: r.end, firstMarkMs: r.first === undefined ? undefined : r.first - r.start, longestTask, marks: r.detail.figures, blocks: r.detail.blocks };
}

async function main(): Promise<void> {
  ensureBuilt();
  const html = generateNewsPage(5.2e6);
  const markJs = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/bench.html' ? html : '');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/bench.html`;

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const { context } = await launchWithExtension();

  const a: Run[] = [];
  const b: Run[] = [];
  const c: Array<Awaited<ReturnType<typeof ours>>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved rounds: all three see the same machine load.
    a.push(await baseline(browser, url));
    b.push(await peer(browser, url, markJs));
    c.push(await ours(context, url));
  }
  await context.close();
  await browser.close();
  server.close();

  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const task = (runs: Run[]) => {
    const worst = Math.max(...runs.map((r) => r.longestTask));
    return worst === 0 ? 'none ≥ 50 ms' : ms(worst);
  };
  const A = median(a.map((r) => r.ms));
  const B = median(b.map((r) => r.ms));
  const C = median(c.map((r) => r.ms));
  const gz = gzipSync(readFileSync(CONTENT_JS)).length;
  console.log(`page: ${(html.length / 1e6).toFixed(2)} MB of HTML, ${a[0]!.marks} text nodes, ${c[0]!.blocks} blocks`);
  console.log(`(a) baseline, TreeWalker reading all text:  ${ms(A)}   longest task ${task(a)}`);
  console.log(`(b) peer, mark.js wrapping ${b[0]!.marks} numbers: ${ms(B)} (until painted)   longest task ${task(b)}`);
  console.log(`(c) Figure Check, script start → last highlight registered: ${ms(C)} (${c[0]!.marks} figures; ${ms(median(c.map((r) => r.navToLastMs)))} from navigation)   longest task ${task(c)}`);
  console.log(`    time to first mark: ${ms(median(c.map((r) => r.firstMarkMs ?? NaN)))} after script start`);
  const worst = c.map((r) => r.frames!).reduce((a, f) => (f.duration > a.duration ? f : a));
  console.log(`    longest animation frame: ${ms(worst.duration)}, of which ${ms(worst.render)} rendering (the browser restyling for our sheet, painting highlights)`);
  const p = c[Math.floor(c.length / 2)]!.phases;
  const order = ['begin', 'discover', 'extract', 'pass1', 'pass2', 'plan', 'paint'];
  console.log(`    phases (one run): ${order.slice(1).map((k, i) => `${k} ${ms(p[k]! - p[order[i]!]!)}`).join(', ')}`);
  console.log(`ratios: c/a ${(C / A).toFixed(1)}×, c/b ${(C / B).toFixed(2)}× (medians of ${ROUNDS} interleaved rounds)`);
  console.log(`content script: ${(gz / 1024).toFixed(1)} kB gzipped (${(statSync(CONTENT_JS).size / 1024).toFixed(1)} kB raw)`);
}

await main();

import type { Page, Worker } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayWidth } from '../lib/text/display-width';
import { EXTENSION_PATH, launchWithExtension } from '../tests/e2e/fixtures';
import { startServer } from '../tests/e2e/server';

/**
 * `npm run demo`: the built extension at work in headless Chromium (no display needed). Opens the
 * seed articles and a few fixture pages from the local fixture server, waits for the marks, and
 * prints per page every figure as printed, its verdict, metric and official value, read from the
 * page's highlight registry and from each figure's card (visited with the "next figure" command,
 * as a keyboard user would). Writes a screenshot per page with one card open to out/demo/.
 *
 * It builds nothing: `bash scripts/demo.sh` sets up, builds, then runs this.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'out/demo');

const PAGES: Array<{ name: string; path: string }> = [
  { name: 'seed-000-xinhua', path: '/seed/000_9d474e672f3dc305.txt.html' },
  { name: 'seed-003-analysis', path: '/seed/003_04f13b9af865c5e5.txt.html' },
  { name: 'seed-004-news', path: '/seed/004_a020fb4f47a96c31.txt.html' },
  { name: 'en-07-opinion', path: '/fixtures/pages/en-07-opinion.html' },
  { name: 'en-09-newspaper-compute', path: '/fixtures/pages/en-09-newspaper-compute.html' },
  { name: 'en-13-seo-stale-report', path: '/fixtures/pages/en-13-seo-stale-report.html' },
  { name: 'zh-01-wire-cnnic', path: '/fixtures/pages/zh-01-wire-cnnic.html' },
  { name: 'zh-hant-01-hk-news', path: '/fixtures/pages/zh-hant-01-hk-news.html' },
];

const VERDICTS = ['exact', 'rounded', 'outdated', 'conflict'] as const;
const ICON: Record<string, string> = { exact: '✓', rounded: '≈', outdated: '⟲', conflict: '⚠' };
/** Which card to photograph: the most telling verdict on the page. */
const INTEREST: Record<string, number> = { conflict: 4, outdated: 3, rounded: 2, exact: 1 };
const CARD = 'figure-check-ui .card';

interface Row {
  text: string;
  verdict: string;
  metric: string;
  official: string;
  period: string;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - displayWidth(s)));

/**
 * The marks in document order, read from the page's side of the highlight registry. Written inline
 * (not tests/shared/page-side.ts) because tsx, which runs this script, wraps named inner functions in
 * an `__name` helper that does not exist in the page.
 */
async function marksInOrder(page: Page): Promise<Array<{ verdict: string; text: string }>> {
  return page.evaluate((verdicts) => {
    const all: Array<{ verdict: string; range: Range }> = [];
    for (const verdict of verdicts) {
      const h = CSS.highlights.get(`figure-check-${verdict}`);
      if (h) for (const range of h as unknown as Iterable<Range>) all.push({ verdict, range });
    }
    all.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return all.map(({ verdict, range }) => ({ verdict, text: range.toString().replace(/\s+/g, ' ').trim() }));
  }, VERDICTS as unknown as string[]);
}

async function waitForScan(page: Page): Promise<boolean> {
  try {
    await page.waitForFunction(() => performance.getEntriesByName('figure-check:scanned').length > 0, null, { timeout: 15_000, polling: 50 });
    return true;
  } catch {
    return false;
  }
}

async function nextFigure(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => (globalThis as unknown as { figureCheck: { runCommand(c: string): Promise<boolean> } }).figureCheck.runCommand('next-figure'));
}

async function readCard(page: Page): Promise<Omit<Row, 'verdict'> & { verdict: string }> {
  const card = page.locator(CARD);
  await card.waitFor({ state: 'visible', timeout: 5000 });
  const text = async (selector: string) => ((await card.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  return {
    text: await text('.page-value'),
    verdict: (await card.getAttribute('data-verdict')) ?? '?',
    metric: await text('.metric'),
    official: await text('.official-value'),
    period: await text('.period'),
  };
}

/** Hovers the figure as a reader would and photographs the page with its card open. */
async function photograph(page: Page, figureText: string, file: string): Promise<boolean> {
  const at = await page.evaluate(
    ([want, verdicts]) => {
      for (const v of verdicts) {
        const h = CSS.highlights.get(`figure-check-${v}`);
        if (!h) continue;
        for (const r of h as unknown as Iterable<Range>) {
          if (r.toString().replace(/\s+/g, ' ').trim() !== want) continue;
          r.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
          const b = r.getClientRects()[0]!;
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
      }
      return null;
    },
    [figureText, VERDICTS as unknown as string[]] as const,
  );
  if (!at) return false;
  await page.mouse.move(at.x, at.y);
  await page.locator(CARD).waitFor({ state: 'visible', timeout: 5000 });
  await page.screenshot({ path: file });
  return true;
}

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) {
    console.error(`No built extension at ${relative(root, EXTENSION_PATH)}: run \`npx wxt build\` first (or \`bash scripts/demo.sh\`).`);
    process.exit(1);
  }
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const { context, serviceWorker } = await launchWithExtension();
  const page = await context.newPage();
  let failures = 0;
  try {
    console.log(`Figure Check demo: ${PAGES.length} pages from ${server.url}, headless Chromium with the built extension\n`);
    for (const spec of PAGES) {
      await page.goto(server.url + spec.path);
      await page.bringToFront();
      const scanned = await waitForScan(page);
      if (!scanned) failures++;
      const marks = scanned ? await marksInOrder(page) : [];
      const counts = VERDICTS.map((v) => [v, marks.filter((m) => m.verdict === v).length] as const).filter(([, n]) => n > 0);
      console.log(`== ${spec.name}  ${spec.path}`);
      console.log(`   ${marks.length} figures marked${counts.length ? `: ${counts.map(([v, n]) => `${n} ${v}`).join(', ')}` : ''}${scanned ? '' : ' (no scan seen)'}`);

      // Visit every figure with the keyboard command and read its card.
      const rows: Row[] = [];
      for (let i = 0; i < marks.length; i++) {
        await nextFigure(serviceWorker);
        try {
          rows.push(await readCard(page));
        } catch {
          rows.push({ text: marks[i]!.text, verdict: marks[i]!.verdict, metric: '(no card)', official: '', period: '' });
          failures++;
        }
      }
      await page.keyboard.press('Escape');
      const textWidth = Math.max(12, ...rows.map((r) => displayWidth(r.text) + 2));
      const metricWidth = Math.max(12, ...rows.map((r) => displayWidth(r.metric) + 2));
      for (const [i, r] of rows.entries()) {
        const registry = marks[i]!;
        const agree = registry.verdict === r.verdict ? '' : `  (registry says ${registry.verdict})`;
        if (agree) failures++;
        console.log(`   ${ICON[r.verdict] ?? '?'} ${pad(r.verdict, 9)}${pad(r.text, textWidth)}${pad(r.metric, metricWidth)}${r.official} ${r.period}${agree}`);
      }

      const best = [...marks].sort((a, b) => (INTEREST[b.verdict] ?? 0) - (INTEREST[a.verdict] ?? 0))[0];
      if (best) {
        await page.mouse.move(1, 1);
        const file = join(OUT, `${spec.name}.png`);
        if (await photograph(page, best.text, file)) console.log(`   screenshot: ${relative(root, file)} (card for "${best.text}", ${best.verdict})`);
        await page.keyboard.press('Escape');
      }
      console.log('');
    }
  } finally {
    await context.close();
    await server.close();
  }
  if (failures > 0) {
    console.error(`${failures} problem(s): a page never scanned, or a figure without a matching card`);
    process.exit(1);
  }
}

await main();

import { test as base, expect, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { launchWithExtension } from './fixtures';
import { freshScan, lastScan, lines, readMarks, waitForMarks, waitForScan, type PageMark } from './registry';
import { startServer, type FixtureServer } from './server';

/**
 * Live pages (tests/e2e/pages/): figures that arrive late are marked within a fraction of a second,
 * edited figures are re-marked, removed ones lose their marks, frames and open shadow roots are
 * read, and a storm of mutations ends in one deferred rescan. After each change the marks equal
 * what a fresh full scan of the page as it now is finds (the CLI over its current HTML).
 * Latencies are reported as annotations, never asserted.
 */

const test = base.extend<{}, { shared: { context: BrowserContext; server: FixtureServer } }>({
  shared: [
    async ({}, use) => {
      const server = await startServer();
      const { context } = await launchWithExtension();
      await use({ context, server });
      await context.close();
      await server.close();
    },
    { scope: 'worker' },
  ],
});

const url = (server: FixtureServer, page: string) => `${server.url}/e2e/pages/${page}`;

/** Waits until the marks equal a fresh full scan of the page's current DOM, and returns them. */
async function expectFresh(target: Page | Frame, timeout = 3000): Promise<PageMark[]> {
  const expected = lines(await freshScan(target));
  const marks = await waitForMarks(target, (m) => JSON.stringify(lines(m)) === JSON.stringify(expected), timeout);
  expect(lines(marks), 'marks equal a fresh full scan').toEqual(expected);
  return marks;
}

/** Runs `change` in the page and waits for the rescan it causes; returns the latency (page clock). */
async function changeAndWait(page: Page, change: () => Promise<unknown>, expected: (marks: string[]) => boolean): Promise<number> {
  const t = await page.evaluate(() => performance.now());
  await change();
  const marks = await waitForMarks(page, (m) => expected(lines(m)), 3000);
  expect(expected(lines(marks)), `marks after the change: ${JSON.stringify(lines(marks))}`).toBe(true);
  const scan = await lastScan(page);
  const at = await page.evaluate(() => (performance.getEntriesByName('figure-check:scanned').at(-1) as PerformanceMark).startTime);
  expect(scan).toBeTruthy();
  return Math.round(at - t);
}

test.describe('live pages', () => {
  test('infinite scroll: stories appended after 500 ms and on scroll are marked', async ({ shared }, info) => {
    const page = await shared.context.newPage();
    await page.goto(url(shared.server, 'append.html'));
    await waitForScan(page);
    const t0 = await page.evaluate(() => performance.now());
    const marks = await waitForMarks(page, (m) => lines(m).includes('exact 602 million'), 3000);
    expect(lines(marks)).toEqual(['exact 1.125 billion', 'exact 602 million']);
    const at = await page.evaluate(() => (performance.getEntriesByName('figure-check:scanned').at(-1) as PerformanceMark).startTime);
    info.annotations.push({ type: 'latency', description: `late story marked ${Math.round(at - t0)} ms after the first scan (story appended at ~500 ms)` });

    const latency = await changeAndWait(
      page,
      () => page.mouse.wheel(0, 1500),
      (m) => m.includes('exact 80.1 percent'),
    );
    info.annotations.push({ type: 'latency', description: `story appended on scroll marked in ${latency} ms` });
    await page.mouse.wheel(0, 1500);
    await waitForMarks(page, (m) => m.length === 4);
    expect(lines(await expectFresh(page))).toEqual(['exact 1.125 billion', 'exact 602 million', 'exact 80.1 percent', 'outdated 249 million']);
    await page.close();
  });

  test('SPA navigation: history.pushState swaps the article, Back restores it', async ({ shared }, info) => {
    const page = await shared.context.newPage();
    await page.goto(url(shared.server, 'spa.html'));
    await waitForScan(page);
    expect(lines(await expectFresh(page))).toEqual(['exact 602 million', 'exact 1.125 billion']);

    const latency = await changeAndWait(
      page,
      () => page.click('a[data-story=rates]'),
      (m) => JSON.stringify(m) === JSON.stringify(['exact 80.1 percent', 'conflict 900 million']),
    );
    info.annotations.push({ type: 'latency', description: `article swapped by pushState re-marked in ${latency} ms` });
    expect(page.url()).toContain('story=rates');
    await expectFresh(page);

    await page.goBack();
    await waitForMarks(page, (m) => lines(m).includes('exact 602 million'));
    expect(lines(await expectFresh(page))).toEqual(['exact 602 million', 'exact 1.125 billion']);
    await page.close();
  });

  test('an edited figure is re-marked with its new verdict', async ({ shared }, info) => {
    const page = await shared.context.newPage();
    await page.goto(url(shared.server, 'edit.html'));
    await waitForScan(page);
    expect(lines(await readMarks(page))).toEqual(['exact 602 million', 'exact 80.1 percent']);

    // The text node replaced.
    let latency = await changeAndWait(
      page,
      () => page.evaluate(() => (window as unknown as { replaceFigure(t: string): void }).replaceFigure('515 million')),
      (m) => m.includes('outdated 515 million'),
    );
    info.annotations.push({ type: 'latency', description: `replaced figure re-marked in ${latency} ms` });
    expect(lines(await expectFresh(page))).toEqual(['outdated 515 million', 'exact 80.1 percent']);

    // The same text node edited in place (characterData): the live range must not keep stale text.
    latency = await changeAndWait(
      page,
      () => page.evaluate(() => (window as unknown as { editFigureData(t: string): void }).editFigureData('900 million')),
      (m) => m.includes('conflict 900 million'),
    );
    info.annotations.push({ type: 'latency', description: `figure edited in place re-marked in ${latency} ms` });
    expect(lines(await expectFresh(page))).toEqual(['conflict 900 million', 'exact 80.1 percent']);

    // An edit before the figure in the same text node moves it.
    await page.evaluate(() => (window as unknown as { editRateData(a: string, b: string): void }).editRateData('The internet', 'By December, the internet'));
    expect(lines(await expectFresh(page))).toEqual(['conflict 900 million', 'exact 80.1 percent']);
    await page.close();
  });

  test('a removed figure loses its mark', async ({ shared }) => {
    const page = await shared.context.newPage();
    await page.goto(url(shared.server, 'remove.html'));
    await waitForScan(page);
    expect(lines(await readMarks(page))).toEqual(['exact 602 million', 'exact 1.125 billion', 'exact 80.1 percent']);
    type Win = { removeParagraph(id: string): void; clearWords(id: string): void; detachText(id: string): void };
    await changeAndWait(page, () => page.evaluate(() => (window as unknown as Win).removeParagraph('users')), (m) => m.length === 2);
    expect(lines(await expectFresh(page))).toEqual(['exact 1.125 billion', 'exact 80.1 percent']);
    await changeAndWait(page, () => page.evaluate(() => (window as unknown as Win).clearWords('total')), (m) => m.length === 1);
    expect(lines(await expectFresh(page))).toEqual(['exact 80.1 percent']);
    await changeAndWait(page, () => page.evaluate(() => (window as unknown as Win).detachText('rate-figure')), (m) => m.length === 0);
    expect(await expectFresh(page)).toEqual([]);
    await page.close();
  });

  test('a same-origin iframe is read, live, and an opaque one is left alone', async ({ shared }) => {
    const page = await shared.context.newPage();
    await page.goto(url(shared.server, 'iframe.html'));
    await waitForScan(page);
    const frame = page.frame({ url: /iframe-inner\.html/ })!;
    expect(frame).toBeTruthy();
    expect(lines(await readMarks(page))).toEqual(['exact 1.125 billion']);
    const inner = await waitForMarks(frame, (m) => m.length > 0);
    expect(lines(inner)).toEqual(['exact 602 million']);
    // The data: frame is cross-origin to the page: no marks there, and no error either.
    const opaque = page.frames().find((f) => f.url().startsWith('data:'))!;
    expect(await opaque.evaluate(() => CSS.highlights.has('figure-check-exact'))).toBe(false);

    await frame.evaluate(() => (window as unknown as { addStory(t: string): void }).addStory('The number of generative AI users reached 249 million, the report said.'));
    const after = await waitForMarks(frame, (m) => m.length === 2);
    expect(lines(after)).toEqual(['exact 602 million', 'outdated 249 million']);
    expect(lines(after)).toEqual(lines(await freshScan(frame)));

    // The frame navigates: its new document is read too.
    await page.evaluate((src) => ((document.getElementById('embed') as HTMLIFrameElement).src = src), url(shared.server, 'edit.html'));
    const next = page.frame({ url: /edit\.html/ });
    await expect.poll(() => !!page.frame({ url: /edit\.html/ })).toBe(true);
    const navigated = await waitForMarks(next ?? page.frame({ url: /edit\.html/ })!, (m) => m.length === 2);
    expect(lines(navigated)).toEqual(['exact 602 million', 'exact 80.1 percent']);
    await page.close();
  });

  test('open shadow roots are read (nested and added later); closed ones cannot be', async ({ shared }) => {
    const page = await shared.context.newPage();
    await page.goto(url(shared.server, 'shadow.html'));
    await waitForScan(page);
    // Light DOM first, then each open shadow root (hosts in tree order, nested roots after).
    expect(lines(await readMarks(page))).toEqual(['exact 1.125 billion', 'exact 602 million', 'exact 80.1 percent']);

    await changeAndWait(
      page,
      () => page.evaluate(() => (document.getElementById('card') as HTMLElement & { addStory(t: string): void }).addStory('The number of generative AI users reached 249 million, the report said.')),
      (m) => m.includes('outdated 249 million'),
    );
    await changeAndWait(
      page,
      () => page.evaluate(() => (window as unknown as { addLateCard(): void }).addLateCard()),
      (m) => m.filter((l) => l === 'exact 602 million').length === 2,
    );
    expect((await readMarks(page)).length).toBe(6);
    await page.close();
  });

  test('a storm of 10,000 mutations ends in one deferred rescan', async ({ shared }, info) => {
    const page = await shared.context.newPage();
    await page.goto(url(shared.server, 'storm.html'));
    const first = await waitForScan(page);
    expect(lines(await readMarks(page))).toEqual(['exact 1.125 billion']);

    const latency = await changeAndWait(
      page,
      () => page.evaluate(() => (window as unknown as { storm(n: number): void }).storm(1)),
      (m) => m.includes('exact 602 million'),
    );
    await page.waitForTimeout(800);
    const after = (await lastScan(page))!;
    info.annotations.push({ type: 'latency', description: `storm of 10,000 nodes re-marked in ${latency} ms (${after.blocks} blocks)` });
    expect(after.scan - first.scan, 'rescans after one storm').toBe(1);
    expect(lines(await expectFresh(page))).toEqual(['exact 1.125 billion', 'exact 602 million']);

    // Two storms in a row still end in one rescan, and nothing stale stays.
    await page.evaluate(() => {
      const w = window as unknown as { storm(n: number): void };
      w.storm(2);
      setTimeout(() => w.storm(4), 50);
    });
    await waitForMarks(page, (m) => lines(m).includes('exact 80.1 percent'));
    await page.waitForTimeout(800);
    expect((await lastScan(page))!.scan - after.scan, 'rescans after two quick storms').toBe(1);
    expect(lines(await expectFresh(page))).toEqual(['exact 1.125 billion', 'exact 80.1 percent']);
    await page.close();
  });

  test('a page that never stops changing still gets rescanned', async ({ shared }, info) => {
    const page = await shared.context.newPage();
    await page.goto(url(shared.server, 'ticker.html'));
    await waitForMarks(page, (m) => m.length === 1, 5000);
    const latency = await changeAndWait(
      page,
      () => page.evaluate(() => (window as unknown as { addStory(t: string): void }).addStory('The number of generative AI users reached 602 million, the report said.')),
      (m) => m.includes('exact 602 million'),
    );
    info.annotations.push({ type: 'latency', description: `story added under a 30 ms ticker marked in ${latency} ms` });
    await page.close();
  });

  test('our own card never causes a rescan', async ({ shared }) => {
    const page = await shared.context.newPage();
    await page.goto(url(shared.server, 'edit.html'));
    const first = await waitForScan(page);
    const point = await page.evaluate(() => {
      const h = CSS.highlights.get('figure-check-exact') as unknown as Iterable<Range>;
      const rect = [...h][0]!.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await expect(page.locator('figure-check-ui')).toHaveCount(1, { timeout: 3000 });
    await page.mouse.move(5, 5);
    await page.waitForTimeout(1000);
    expect((await lastScan(page))!.scan).toBe(first.scan);
    await page.close();
  });
});

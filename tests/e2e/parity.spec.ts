import { test as base, expect, type BrowserContext } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from './fixtures';
import { collapse, readMarks, runCli, waitForScan, type CliFile } from './registry';
import { seedAsHtml, startServer, type FixtureServer } from './server';

/**
 * The extension and `figure-check --json` read the same HTML the same way: on every fixture page
 * and every seed article (served as HTML), the figures the CLI prints (text, verdict, in order) are
 * exactly the ranges in the page's highlight registry, read from the page's side.
 */

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const pages = readdirSync(join(FIXTURES, 'pages')).filter((f) => f.endsWith('.html')).sort();
const seeds = readdirSync(join(FIXTURES, 'seeds')).filter((f) => f.endsWith('.txt')).sort();

interface Case {
  name: string;
  url: (server: FixtureServer) => string;
  /** The HTML file the CLI reads: the very bytes the page is served from. */
  file: string;
}

// Seeds are served as generated HTML: the CLI reads the same generated HTML, written to a temp file.
const seedDir = mkdtempSync(join(tmpdir(), 'figure-check-seeds-'));
const cases: Case[] = [
  ...pages.map((f) => ({ name: `pages/${f}`, url: (s: FixtureServer) => `${s.url}/fixtures/pages/${f}`, file: join(FIXTURES, 'pages', f) })),
  ...seeds.map((f) => {
    const base = f.replace(/\.txt$/, '');
    const file = join(seedDir, `${base}.txt.html`);
    writeFileSync(file, seedAsHtml(readFileSync(join(FIXTURES, 'seeds', f), 'utf8'), base));
    return { name: `seed/${f}`, url: (s: FixtureServer) => `${s.url}/seed/${base}.txt.html`, file };
  }),
];

const test = base.extend<{}, { shared: { context: BrowserContext; server: FixtureServer; cli: Map<string, CliFile> } }>({
  shared: [
    async ({}, use) => {
      const server = await startServer();
      const { context } = await launchWithExtension();
      const cli = new Map(runCli(cases.map((c) => c.file)).map((r) => [r.file, r]));
      await use({ context, server, cli });
      await context.close();
      await server.close();
    },
    { scope: 'worker' },
  ],
});

test.describe('the content script and the CLI agree', () => {
  for (const c of cases) {
    test(c.name, async ({ shared }) => {
      const expected = shared.cli.get(c.file)!.figures.map((f) => ({ verdict: f.verdict, text: collapse(f.text) }));
      const page = await shared.context.newPage();
      await page.goto(c.url(shared.server));
      await waitForScan(page);
      const marks = await readMarks(page);
      expect(marks).toEqual(expected);
      await page.close();
    });
  }

  test('the cases cover every fixture page and seed', () => {
    expect(cases.length).toBe(pages.length + seeds.length);
    expect(pages.length).toBeGreaterThan(0);
    expect(seeds.length).toBeGreaterThan(0);
  });
});

import { parseHTML } from 'linkedom';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBlocks } from '../../lib/check/check-document';
import { checkInPhases } from '../../lib/check/check-in-phases';
import { createEngine } from '../../lib/check/engine';
import { bundledDataset } from '../../lib/data/dataset';
import { extractBlocks } from '../../lib/text/extract-dom';
import { generateNewsPage } from '../../scripts/bench-corpus';
import { seedAsHtml } from '../e2e/server';

/** The content script checks a page pass by pass, block by block; the CLI in one go. They must agree exactly. */

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const pages = readdirSync(join(FIXTURES, 'pages')).filter((f) => f.endsWith('.html'));
const seeds = readdirSync(join(FIXTURES, 'seeds')).filter((f) => f.endsWith('.txt'));
const documents: Array<[string, string]> = [
  ...pages.map((f): [string, string] => [f, readFileSync(join(FIXTURES, 'pages', f), 'utf8')]),
  ...seeds.map((f): [string, string] => [f, seedAsHtml(readFileSync(join(FIXTURES, 'seeds', f), 'utf8'), f)]),
];

const bodyOf = (html: string) => {
  const { document } = parseHTML(html);
  return document.body ?? document;
};

describe('checking in phases', () => {
  const engine = createEngine(bundledDataset);
  const summary = (fs: ReturnType<typeof checkBlocks>) => fs.map((f) => [f.block, f.start, f.end, f.text, f.metric.id, f.verdict, f.observation.asOf, f.why.rule, JSON.stringify(f.why.cues)]);

  it.each(documents)('finds what checkBlocks finds on %s', (_name, html) => {
    const blocks = extractBlocks(bodyOf(html));
    expect(summary(checkInPhases(blocks, engine))).toEqual(summary(checkBlocks(blocks, engine)));
  });

  it('finds what checkBlocks finds on the benchmark page', () => {
    const blocks = extractBlocks(bodyOf(generateNewsPage(3e5)));
    const expected = checkBlocks(blocks, engine);
    expect(expected.length).toBeGreaterThan(0);
    expect(summary(checkInPhases(blocks, engine))).toEqual(summary(expected));
  });
});

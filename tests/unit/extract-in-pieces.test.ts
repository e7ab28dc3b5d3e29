import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../lib/text/blocks';
import { extractBlocks } from '../../lib/text/extract-dom';
import { extractRun, piecesOf } from '../../lib/text/extract-in-pieces';
import { generateNewsPage } from '../../scripts/bench-corpus';
import { seedAsHtml } from '../e2e/server';

/** The content script extracts a page in pieces; the CLI in one go. They must agree exactly. */

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

const inPieces = <T>(root: unknown): TextBlock<T>[] => [...piecesOf(root)].flatMap((run) => extractRun<T>(run));

/** Blocks compared by text, heading flag and the identity of every segment's node. */
const shape = (blocks: TextBlock<unknown>[]) => blocks.map((b) => ({ text: b.text, heading: b.heading, tableRow: b.tableRow, segments: b.segments.map((s) => [s.start, s.end, s.sourceStart]) }));
function expectSameBlocks(a: TextBlock<unknown>[], b: TextBlock<unknown>[]) {
  expect(shape(a)).toEqual(shape(b));
  a.forEach((block, i) => block.segments.forEach((s, j) => expect(s.node).toBe(b[i]!.segments[j]!.node)));
}

describe('extraction in pieces', () => {
  it.each(documents)('gives the same blocks as extractBlocks on %s', (_name, html) => {
    const body = bodyOf(html);
    expectSameBlocks(inPieces(body), extractBlocks(body));
  });

  it('gives the same blocks on the benchmark page', () => {
    const body = bodyOf(generateNewsPage(3e5));
    expectSameBlocks(inPieces(body), extractBlocks(body));
  });

  it('keeps hidden and editable block elements inside their run, cells in their row, headings whole', () => {
    const body = bodyOf(
      '<body>lead <b>602</b><div hidden>x</div> million<div contenteditable>y</div> tail<h2>A <div>nested</div> head</h2><table><tr><td>a</td><td>b</td></tr></table>x<br>y<p></p>end</body>',
    );
    expectSameBlocks(inPieces(body), extractBlocks(body));
  });

  it('gives the same blocks on random trees', () => {
    const tags = ['p', 'div', 'span', 'b', 'h2', 'h3', 'li', 'ul', 'td', 'tr', 'table', 'br', 'script', 'code', 'section', 'em', 'figure-check-ui'];
    const attrs = ['', ' hidden', ' contenteditable', ' contenteditable="false"'];
    type Tree = string;
    const leaf = fc.constantFrom<Tree>('602 million', ' ', 'users', '\n  ', '42.8%', '');
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(fc.constantFrom(...tags), fc.constantFrom(...attrs), fc.array(tie('node'), { maxLength: 4 })).map(([t, a, kids]) => (t === 'br' ? '<br>' : `<${t}${a}>${kids.join('')}</${t}>`)),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), (parts) => {
        const body = bodyOf(`<!doctype html><html><body>${parts.join('')}</body></html>`);
        expectSameBlocks(inPieces(body), extractBlocks(body));
      }),
      { numRuns: 300 },
    );
  });
});

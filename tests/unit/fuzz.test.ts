import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkBlocks } from '../../lib/check/check-document';
import { createEngine } from '../../lib/check/engine';
import { bundledDataset } from '../../lib/data/dataset';
import { locate } from '../../lib/text/blocks';
import { extractBlocks } from '../../lib/text/extract-dom';
import { extractMarkdownBlocks, extractPlainTextBlocks } from '../../lib/text/extract-plain';

/**
 * Hostile input never breaks the engine: random Unicode and random HTML through extraction and
 * matching never throw, offsets stay in bounds and map back to the source, results are deterministic.
 */

const engine = createEngine(bundledDataset);

const newsy = fc.constantFrom(
  '602 million', '6.02亿人', '超过', 'generative AI users', '生成式人工智能用户规模达', '网民', 'internet users', '80.1%',
  '1.2万亿元', 'US$1.53 billion', 'more than doubled', '，', '。', '. ', ' ', '\n', '42个万卡智算集群', 'India', '2030', '(about',
  '千分之三', '25.2个百分点', '２５．２', '\u2028', '\u0000', '\uD800', '🙂', 'ǅ', 'İ',
);
const textArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(newsy, fc.string({ maxLength: 5 })), { maxLength: 40 }).map((parts) => parts.join('')),
);

const tag = fc.constantFrom('p', 'div', 'span', 'strong', 'b', 'h2', 'li', 'td', 'tr', 'table', 'script', 'style', 'pre', 'code', 'textarea', 'br', 'figure-check-ui', 'a', 'section');
const htmlArb: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    textArb.map((t) => t.replace(/[<&]/g, ' ')),
    fc.tuple(tag, fc.boolean(), fc.array(tie('node'), { maxLength: 4 })).map(([t, editable, kids]) => `<${t}${editable ? ' contenteditable="true"' : ''}>${kids.join('')}</${t}>`),
  ),
})).node as fc.Arbitrary<string>;

function summary(findings: ReturnType<typeof checkBlocks>) {
  return findings.map((f) => [f.block, f.start, f.end, f.metric.id, f.verdict]);
}

describe('fuzzing the engine', () => {
  it('random text: never throws, offsets in bounds, deterministic', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const blocks = extractPlainTextBlocks(text);
        const findings = checkBlocks(blocks, engine);
        for (const f of findings) {
          const block = blocks[f.block]!;
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(block.text.length);
          expect(f.start).toBeLessThan(f.end);
          const at = locate(block, f.start)!;
          expect(text.slice(at.offset, at.offset + f.end - f.start)).toBe(block.text.slice(f.start, f.end));
        }
        expect(summary(checkBlocks(extractPlainTextBlocks(text), engine))).toEqual(summary(findings));
      }),
      { numRuns: 400 },
    );
  });

  it('random Markdown: block offsets always map back to the same characters in the file', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(textArb, fc.constantFrom('# ', '**', '`', '[a](b)', '```\n', '- ', '| a | b |\n', '\n\n', '> ')), { maxLength: 30 }), (parts) => {
        const source = parts.join('');
        for (const block of extractMarkdownBlocks(source)) {
          for (const seg of block.segments) {
            expect(source.slice(seg.sourceStart, seg.sourceStart + seg.end - seg.start)).toBe(block.text.slice(seg.start, seg.end));
          }
        }
        checkBlocks(extractMarkdownBlocks(source), engine);
      }),
      { numRuns: 300 },
    );
  });

  it('random HTML: never throws, every segment maps to its text node, skipped elements never read', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
        const blocks = extractBlocks<Text>(document.body);
        for (const block of blocks) {
          for (const seg of block.segments) {
            expect(seg.node.nodeValue!.slice(seg.sourceStart, seg.sourceStart + seg.end - seg.start)).toBe(block.text.slice(seg.start, seg.end));
            for (let el = seg.node.parentElement; el; el = el.parentElement) {
              expect(['SCRIPT', 'STYLE', 'PRE', 'CODE', 'TEXTAREA', 'FIGURE-CHECK-UI']).not.toContain(el.tagName);
              expect(el.getAttribute('contenteditable')).not.toBe('true');
            }
          }
        }
        const findings = checkBlocks(blocks, engine);
        expect(summary(checkBlocks(extractBlocks(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body), engine))).toEqual(summary(findings));
      }),
      { numRuns: 300 },
    );
  });
});

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { locate } from '../../lib/text/blocks';
import { extractBlocks } from '../../lib/text/extract-dom';
import { extractMarkdownBlocks, extractPlainTextBlocks } from '../../lib/text/extract-plain';

const blocksOf = (html: string) => extractBlocks<Text>(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body);

describe('text extraction from a DOM', () => {
  it('joins a figure split across inline elements', () => {
    const [block] = blocksOf('<p>There were <strong>602</strong> million users and <b>6.02</b><span>亿</span>人.</p>');
    expect(block!.text).toBe('There were 602 million users and 6.02亿人.');
  });

  it('starts a new block at each block-level element and marks headings', () => {
    const blocks = blocksOf('<h2>AI users</h2><div>First <em>para</em></div><ul><li>one</li><li>two</li></ul><p>last</p>');
    expect(blocks.map((b) => [b.text, b.heading])).toEqual([
      ['AI users', true],
      ['First para', false],
      ['one', false],
      ['two', false],
      ['last', false],
    ]);
  });

  it('skips script, style, noscript, textarea, input, code, pre, contenteditable and hidden content', () => {
    const blocks = blocksOf(`<p>seen</p><script>var users = "602 million"</script><style>p{}</style><noscript>602 million</noscript>
      <textarea>602 million</textarea><input value="602 million"><code>602 million</code><pre>602 million</pre>
      <div contenteditable="true">602 million</div><div contenteditable="false">shown</div><p hidden>602 million</p>
      <figure-check-ui>602 million</figure-check-ui>`);
    expect(blocks.map((b) => b.text.trim())).toEqual(['seen', 'shown']);
  });

  it('keeps the cells of a table row in one block, separated by tabs', () => {
    const [row] = blocksOf('<table><tr><td>Generative AI users</td><td>602 million</td></tr></table>');
    expect(row!.text).toBe('Generative AI users\t602 million\t');
    expect(row!.tableRow).toBe(true);
  });

  it('maps every block offset back to its text node and offset', () => {
    const [block] = blocksOf('<p>Users: <strong>602</strong> million</p>');
    const at = block!.text.indexOf('602');
    const start = locate(block!, at)!;
    expect(start.node.nodeValue).toBe('602');
    expect(start.offset).toBe(0);
    const end = locate(block!, at + 3, true)!;
    expect(end.node.nodeValue).toBe('602');
    expect(end.offset).toBe(3);
    const million = locate(block!, block!.text.indexOf('million'))!;
    expect(million.node.nodeValue).toBe(' million');
    expect(million.offset).toBe(1);
  });

  it('survives a very deep tree without overflowing the stack', () => {
    const deep = `${'<span>'.repeat(20000)}deep 602 million${'</span>'.repeat(20000)}`;
    const blocks = blocksOf(`<p>${deep}</p>`);
    expect(blocks[0]!.text).toBe('deep 602 million');
  });
});

describe('text extraction from plain text and Markdown', () => {
  it('reads each line of plain text as a block with offsets into the file', () => {
    const src = 'Title of the piece\nChina had 1.125 billion internet users.\n\nSecond paragraph.';
    const blocks = extractPlainTextBlocks(src);
    expect(blocks.map((b) => b.text)).toEqual(['Title of the piece', 'China had 1.125 billion internet users.', 'Second paragraph.']);
    expect(blocks[0]!.heading).toBe(true);
    expect(blocks[1]!.heading).toBe(false);
    expect(locate(blocks[1]!, 10)!.offset).toBe(src.indexOf('1.125'));
  });

  it('drops Markdown markup but keeps offsets into the file', () => {
    const src = '# Generative AI\n\nUsers reached **602** million, says [CNNIC](https://www.cnnic.cn/).\n\n```\n999 million\n```\n- item with `1.2 trillion`\n';
    const blocks = extractMarkdownBlocks(src);
    expect(blocks.map((b) => [b.text, b.heading])).toEqual([
      ['Generative AI', true],
      ['Users reached 602 million, says CNNIC.', false],
      ['item with ', false],
    ]);
    const para = blocks[1]!;
    const at = para.text.indexOf('602');
    expect(locate(para, at)!.offset).toBe(src.indexOf('602'));
    expect(locate(para, para.text.indexOf('million'))!.offset).toBe(src.indexOf('million'));
  });
});

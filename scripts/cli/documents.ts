import { parseHTML } from 'linkedom';
import { locate, type TextBlock } from '../../lib/text/blocks';
import { extractBlocks } from '../../lib/text/extract-dom';
import { extractMarkdownBlocks, extractPlainTextBlocks } from '../../lib/text/extract-plain';

export type DocumentFormat = 'html' | 'markdown' | 'text';

/**
 * A document ready for checking. Offsets reported for it are offsets in `text`: the file itself
 * for plain text and Markdown, the page's extracted text (blocks separated by blank lines) for HTML.
 */
export interface LoadedDocument {
  format: DocumentFormat;
  blocks: TextBlock<unknown>[];
  text: string;
  /** Offset in `text` of a block offset. */
  offsetOf(block: number, offset: number, isEnd?: boolean): number;
}

export function detectFormat(name: string, content: string): DocumentFormat {
  if (/\.(x?html?|xht)$/i.test(name)) return 'html';
  if (/\.(md|markdown|mdown)$/i.test(name)) return 'markdown';
  if (/\.txt$/i.test(name)) return 'text';
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(content) || /<(p|div|article)[\s>]/i.test(content.slice(0, 4096)) ? 'html' : 'text';
}

export function loadDocument(name: string, content: string): LoadedDocument {
  const format = detectFormat(name, content);
  if (format === 'html') {
    const { document } = parseHTML(content);
    const blocks = extractBlocks<unknown>(document.body ?? document);
    const starts: number[] = [];
    let pos = 0;
    for (const b of blocks) {
      starts.push(pos);
      pos += b.text.length + 2;
    }
    return {
      format,
      blocks,
      text: blocks.map((b) => b.text).join('\n\n'),
      offsetOf: (block, offset) => starts[block]! + offset,
    };
  }
  const blocks = format === 'markdown' ? extractMarkdownBlocks(content) : extractPlainTextBlocks(content);
  return {
    format,
    blocks,
    text: content,
    offsetOf: (block, offset, isEnd = false) => {
      const where = locate(blocks[block]!, offset, isEnd);
      return where ? where.offset : -1;
    },
  };
}

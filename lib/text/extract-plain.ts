import type { TextBlock, TextSegment } from './blocks';

/**
 * Plain text and Markdown as blocks. The segments' `node` is null and `sourceStart` is the offset
 * in the file, so a figure's offsets map straight back to the file.
 */
export type FileBlock = TextBlock<null>;

const SENTENCE_END = /[.!?。！？:：;；"”’)）]\s*$/;

/** A short line without closing punctuation reads as a heading ("What Comes Next as Adoption Passes …"). */
function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 120 && !SENTENCE_END.test(t);
}

/** One block per non-empty line: wire copy and plain-text exports put one paragraph on a line. */
export function extractPlainTextBlocks(source: string): FileBlock[] {
  const blocks: FileBlock[] = [];
  let lineStart = 0;
  while (lineStart <= source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    const line = source.slice(lineStart, lineEnd);
    if (/\S/.test(line)) {
      blocks.push({
        text: line,
        heading: looksLikeHeading(line),
        segments: [{ start: 0, end: line.length, node: null, sourceStart: lineStart }],
      });
    }
    lineStart = lineEnd + 1;
  }
  return blocks;
}

class MarkdownBlock {
  text = '';
  segments: TextSegment<null>[] = [];
  heading = false;
  tableRow = false;

  keep(source: string, from: number, to: number): void {
    if (to <= from) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.sourceStart + (last.end - last.start) === from && last.end === this.text.length) {
      last.end += to - from; // contiguous with the previous piece: extend it
    } else {
      this.segments.push({ start: this.text.length, end: this.text.length + (to - from), node: null, sourceStart: from });
    }
    this.text += source.slice(from, to);
  }

  separator(sep: string): void {
    if (this.text.length > 0) this.text += sep;
  }
}

/**
 * Inline Markdown: emphasis markers and link targets are dropped, code spans and images skipped,
 * so "**602** million" reads "602 million" with offsets that still point into the file.
 */
function keepInline(block: MarkdownBlock, source: string, from: number, to: number): void {
  let i = from;
  let runStart = from;
  const flush = (end: number) => block.keep(source, runStart, end);
  while (i < to) {
    const ch = source[i]!;
    if (ch === '\\' && i + 1 < to) {
      flush(i);
      runStart = i + 1;
      i += 2;
      continue;
    }
    if (ch === '`') {
      const close = source.indexOf('`', i + 1);
      if (close > 0 && close < to) {
        flush(i);
        runStart = i = close + 1;
        continue;
      }
    }
    if (ch === '!' && source[i + 1] === '[') {
      const m = /^!\[[^\]]*\]\([^)]*\)/.exec(source.slice(i, to));
      if (m) {
        flush(i);
        runStart = i = i + m[0].length;
        continue;
      }
    }
    if (ch === '[') {
      const m = /^\[([^\]]*)\]\([^)]*\)/.exec(source.slice(i, to));
      if (m) {
        flush(i);
        keepInline(block, source, i + 1, i + 1 + m[1]!.length);
        runStart = i = i + m[0].length;
        continue;
      }
    }
    if (ch === '<') {
      const m = /^<\/?[A-Za-z][^>]*>/.exec(source.slice(i, to));
      if (m) {
        flush(i);
        runStart = i = i + m[0].length;
        continue;
      }
    }
    if (ch === '*' || (ch === '_' && !/\w/.test(source[i - 1] ?? '') ) || ch === '~') {
      flush(i);
      while (i < to && source[i] === ch) i++;
      runStart = i;
      continue;
    }
    i++;
  }
  flush(to);
}

export function extractMarkdownBlocks(source: string): FileBlock[] {
  const blocks: FileBlock[] = [];
  let current: MarkdownBlock | null = null;
  const finish = () => {
    if (current && /\S/.test(current.text)) {
      const block: FileBlock = { text: current.text, heading: current.heading, segments: current.segments };
      if (current.tableRow) block.tableRow = true;
      blocks.push(block);
    }
    current = null;
  };
  let fence: string | null = null;
  let offset = 0;
  const lines = source.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const lineStart = offset;
    offset += line.length + 1;
    const fenceMatch = /^\s{0,3}(```|~~~)/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1] === fence) fence = null;
      continue;
    }
    if (fenceMatch) {
      finish();
      fence = fenceMatch[1]!;
      continue;
    }
    if (!/\S/.test(line)) {
      finish();
      continue;
    }
    if (/^( {4}|\t)/.test(line) && !current) continue; // indented code block
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      finish();
      continue; // thematic break
    }
    const setext = /^\s{0,3}(=+|-+)\s*$/.test(line);
    if (setext && current) {
      (current as MarkdownBlock).heading = true;
      finish();
      continue;
    }
    let contentStart = lineStart;
    let rest = line;
    const quote = /^(\s{0,3}>\s?)+/.exec(rest);
    if (quote) {
      contentStart += quote[0].length;
      rest = rest.slice(quote[0].length);
    }
    const heading = /^\s{0,3}(#{1,6})\s+/.exec(rest);
    const listItem = /^\s*([-*+]|\d{1,9}[.)])\s+/.exec(rest);
    const tableRow = /^\s*\|/.test(rest);
    if (heading) {
      finish();
      current = new MarkdownBlock();
      current.heading = true;
      const end = rest.replace(/\s+#+\s*$/, '').length;
      keepInline(current, source, contentStart + heading[0].length, contentStart + end);
      finish();
      continue;
    }
    if (tableRow) {
      finish();
      if (/^\s*\|?[\s:|-]+\|?\s*$/.test(rest)) continue; // the header separator row
      current = new MarkdownBlock();
      current.tableRow = true;
      const cells = rest.split('|');
      let pos = contentStart;
      for (const cell of cells) {
        keepInline(current, source, pos, pos + cell.length);
        current.separator('\t');
        pos += cell.length + 1;
      }
      finish();
      continue;
    }
    if (listItem) {
      finish();
      current = new MarkdownBlock();
      keepInline(current, source, contentStart + listItem[0].length, contentStart + rest.length);
      continue;
    }
    if (!current) current = new MarkdownBlock();
    else current.separator(' ');
    keepInline(current, source, contentStart, contentStart + rest.length);
  }
  finish();
  return blocks;
}

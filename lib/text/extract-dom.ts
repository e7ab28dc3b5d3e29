import type { TextBlock, TextSegment } from './blocks';

/**
 * Block-level segmentation of a DOM, by tag name only (no computed styles), so that the CLI
 * (HTML parsed in Node) and the content script (the live page) see exactly the same blocks.
 * Inline elements are joined without separators: `<strong>602</strong> million` reads "602 million".
 */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL', 'LEGEND',
  'HTML',
]);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Cells of one table row stay in one block (a row reads "Generative AI users  602 million  Dec 2025"). */
const CELL_TAGS = new Set(['TD', 'TH']);

/** Never read: code, editable and hidden content, embedded documents, our own UI. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE', 'KBD', 'SAMP',
  'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK',
]);

export const OWN_ELEMENT_PREFIX = 'FIGURE-CHECK-';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/** The subset of the DOM that extraction reads; satisfied by browsers and by linkedom. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  nodeValue: string | null;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

export function isSkippedElement(el: { nodeName: string; getAttribute?(name: string): string | null; hasAttribute?(name: string): boolean }): boolean {
  const tag = el.nodeName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || tag.startsWith(OWN_ELEMENT_PREFIX)) return true;
  if (el.hasAttribute?.('hidden')) return true;
  const editable = el.getAttribute?.('contenteditable');
  return editable != null && editable.toLowerCase() !== 'false';
}

class BlockBuilder<N> {
  readonly blocks: TextBlock<N>[] = [];
  private parts: string[] = [];
  private length = 0;
  private segments: TextSegment<N>[] = [];
  private heading = false;
  private tableRow = false;
  private hasText = false;

  append(text: string, node: N): void {
    if (text.length === 0) return;
    this.segments.push({ start: this.length, end: this.length + text.length, node, sourceStart: 0 });
    this.parts.push(text);
    this.length += text.length;
    if (!this.hasText && /\S/.test(text)) this.hasText = true;
  }

  /** A separator that exists in no text node (between table cells, for <br>). */
  separator(sep: string): void {
    if (this.length === 0) return;
    this.parts.push(sep);
    this.length += sep.length;
  }

  markHeading(): void {
    this.heading = true;
  }

  markTableRow(): void {
    this.tableRow = true;
  }

  flush(): void {
    if (this.hasText) {
      const block: TextBlock<N> = { text: this.parts.join(''), heading: this.heading, segments: this.segments };
      if (this.tableRow) block.tableRow = true;
      this.blocks.push(block);
    }
    this.parts = [];
    this.length = 0;
    this.segments = [];
    this.heading = false;
    this.tableRow = false;
    this.hasText = false;
  }
}

/**
 * Splits the text under `root` (a Document, Element, DocumentFragment or ShadowRoot) into blocks.
 * Open shadow roots and iframes are not entered: the caller extracts those separately.
 */
export function extractBlocks<T = Text>(root: unknown): TextBlock<T>[] {
  const builder = new BlockBuilder<T>();
  const start = root as DomNode;
  // Iterative walk: deep pages must not overflow the stack.
  const stack: Array<{ node: DomNode; leaving: boolean }> = [];
  for (let child = start.firstChild; child; child = child.nextSibling) stack.push({ node: child, leaving: false });
  stack.reverse();
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_NODE) {
      builder.append(node.nodeValue ?? '', node as unknown as T);
      continue;
    }
    if (type !== ELEMENT_NODE) continue;
    const tag = node.nodeName.toUpperCase();
    if (leaving) {
      if (BLOCK_TAGS.has(tag)) builder.flush();
      else if (CELL_TAGS.has(tag)) {
        builder.separator('\t');
        builder.markTableRow();
      }
      continue;
    }
    if (isSkippedElement(node)) continue;
    if (tag === 'BR') {
      // U+2028 LINE SEPARATOR: a line break ends a sentence, unlike the newlines of HTML source.
      builder.separator('\u2028');
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      builder.flush();
      if (HEADING_TAGS.has(tag)) builder.markHeading();
    }
    stack.push({ node, leaving: true });
    const firstIndex = stack.length;
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push({ node: child, leaving: false });
    // Children were pushed in document order; reverse them in place so the first child is popped first.
    reverseFrom(stack, firstIndex);
  }
  builder.flush();
  return builder.blocks;
}

function reverseFrom<T>(arr: T[], from: number): void {
  for (let i = from, j = arr.length - 1; i < j; i++, j--) {
    const tmp = arr[i]!;
    arr[i] = arr[j]!;
    arr[j] = tmp;
  }
}

import type { TextBlock } from './blocks';
import { extractBlocks, isSkippedElement } from './extract-dom';

/**
 * `extractBlocks` cut into pieces, so a caller can spread the extraction of a large page over
 * several tasks: concatenating the blocks of every piece, in order, gives exactly
 * `extractBlocks(root)`.
 *
 * Why it is exact: extraction starts a new block on entering and on leaving a (visible) block
 * element, and a fresh builder is in the same state as one just flushed. So a root's children can
 * be cut before and after each such element, and a non-heading block element can be replaced by
 * its own children. Everything between the cuts (inline runs, headings) is handed to
 * `extractBlocks` itself, which stays the only definition of what a block is.
 *
 * Which tags start blocks is asked of `extractBlocks` too (a probe per tag name, cached), rather
 * than copied from it, so the pieces can never drift from the real extraction.
 */

/** The part of the DOM read here; browsers and linkedom both satisfy it. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  nodeValue: string | null;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

type Role = 'block' | 'heading' | 'inline';
const roleByTag = new Map<string, Role>();

function fakeText(text: string, next: DomNode | null): DomNode {
  return { nodeType: TEXT_NODE, nodeName: '#text', firstChild: null, nextSibling: next, nodeValue: text };
}

/** Asks extractBlocks how it treats a tag: `a<tag>h</tag>b` reads as one block, or as three. */
function probe(tag: string): Role {
  const after = fakeText('b', null);
  const inner = fakeText('h', null);
  const el: DomNode = { nodeType: ELEMENT_NODE, nodeName: tag, firstChild: inner, nextSibling: after, nodeValue: null, getAttribute: () => null, hasAttribute: () => false };
  const root = { firstChild: fakeText('a', el) };
  const blocks = extractBlocks<DomNode>(root);
  if (blocks.length !== 3) return 'inline';
  return blocks[1]!.heading ? 'heading' : 'block';
}

function roleOf(node: DomNode): Role {
  if (node.nodeType !== ELEMENT_NODE) return 'inline';
  const tag = node.nodeName.toUpperCase();
  let role = roleByTag.get(tag);
  if (role === undefined) {
    role = probe(tag);
    roleByTag.set(tag, role);
  }
  // A hidden or editable block element is skipped without starting a block: it stays in its run.
  if (role !== 'inline' && isSkippedElement(node)) return 'inline';
  return role;
}

/** Stands in for a node of a run so that the run ends where we cut it (its last node has no next sibling). */
interface Stand extends DomNode {
  real: DomNode;
}

function stand(node: DomNode, next: DomNode | null): Stand {
  return {
    real: node,
    nodeType: node.nodeType,
    nodeName: node.nodeName,
    firstChild: node.firstChild,
    nextSibling: next,
    nodeValue: node.nodeType === ELEMENT_NODE ? null : node.nodeValue,
    getAttribute: node.getAttribute ? (name: string) => node.getAttribute!(name) : undefined,
    hasAttribute: node.hasAttribute ? (name: string) => node.hasAttribute!(name) : undefined,
  };
}

/** Blocks of a run of sibling nodes, as if they were the only children of a root. */
export function extractRun<T>(nodes: readonly unknown[]): TextBlock<T>[] {
  let next: DomNode | null = null;
  for (let i = nodes.length - 1; i >= 0; i--) next = stand(nodes[i] as DomNode, next);
  const blocks = extractBlocks<T | Stand>({ firstChild: next });
  // Text nodes at the top of the run were read through their stand-ins: point the segments back at the real nodes.
  for (const block of blocks) {
    for (const seg of block.segments) {
      const node = seg.node as T | Stand;
      if (node && typeof node === 'object' && 'real' in node) seg.node = (node as Stand).real as T;
    }
  }
  return blocks as TextBlock<T>[];
}

/** White space and comments between block elements make no block: no need to hand them over. */
function hasContent(run: DomNode[]): boolean {
  for (const node of run) {
    if (node.nodeType === ELEMENT_NODE) return true;
    if (node.nodeType === TEXT_NODE && /\S/.test(node.nodeValue ?? '')) return true;
    if (node.nodeType === 4) return true;
  }
  return false;
}

/**
 * The pieces of `root` (a Document, Element, DocumentFragment or ShadowRoot), in document order:
 * each is a run of sibling nodes to give to `extractRun`. Lazy, so a caller can stop and resume.
 */
export function* piecesOf(root: unknown): Generator<unknown[], void, undefined> {
  // Each frame of the stack is the next child to look at in a container being walked.
  const stack: Array<DomNode | null> = [(root as DomNode).firstChild];
  let run: DomNode[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) {
      // The end of a container's children is a block boundary (leaving a block element).
      if (run.length > 0) {
        if (hasContent(run)) yield run;
        run = [];
      }
      continue;
    }
    stack.push(node.nextSibling);
    const role = roleOf(node);
    if (role === 'inline') {
      run.push(node);
      continue;
    }
    if (run.length > 0) {
      if (hasContent(run)) yield run;
      run = [];
    }
    if (role === 'heading') yield [node];
    else {
      // A block element reads like its children between two block boundaries: walk into it.
      // Pieces are yielded as the walk goes, so the run before it is already out.
      stack.push(node.firstChild);
    }
  }
}

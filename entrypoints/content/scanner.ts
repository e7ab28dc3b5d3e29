import type { Finding } from '../../lib/check/check-document';
import { documentGroupsOf, headingGroupsOf, linkBlock, scanBlock, type BlockScan } from '../../lib/check/check-in-phases';
import type { Engine } from '../../lib/check/engine';
import { locate, type TextBlock } from '../../lib/text/blocks';
import { isSkippedElement } from '../../lib/text/extract-dom';
import { extractRun, piecesOf } from '../../lib/text/extract-in-pieces';
import type { MarkedFigure } from './figure-ui';
import type { HighlightPainter, WantedMark } from './highlights';
import type { TaskClock } from './slicing';

/**
 * One scan of the page, spread over many short tasks: find the documents and roots to read, cut
 * them into blocks (the same blocks the CLI reads), run the engine's two passes over them, and
 * hand the marks to the painter, visible ones first.
 *
 * Rescans reuse the engine's work: pass 1 depends on a block's text alone, pass 2 also on the cue
 * groups of the heading above and of the whole document, so both are cached under those keys. A
 * rescan re-reads the DOM and re-links everything, and its result is by construction the one a
 * fresh full scan would give; only unchanged blocks are cheaper.
 */

/** A document to check on its own (the top one, each same-origin iframe's). */
export interface ScannedDocument {
  doc: Document;
  /** The roots read, in this order: the body, then every open shadow root (hosts in tree order, nested ones after). */
  roots: Node[];
  blocks: TextBlock<Text>[];
  /** Blocks [0, lightBlocks) are the body's, in tree order. */
  lightBlocks: number;
}

export interface Discovery {
  documents: ScannedDocument[];
  /** Open shadow roots of the page (to observe), and same-origin frames (to watch for loads). */
  shadowRoots: ShadowRoot[];
  frames: HTMLIFrameElement[];
}

export interface ScanOutcome {
  /** Page-clock times at which each phase ended (for the benchmark and the tests' annotations). */
  phases: Record<string, number>;
  figures: MarkedFigure[];
  blocks: number;
  documents: ScannedDocument[];
  discovery: Discovery;
}

const ELEMENT_FILTER = 1; // NodeFilter.SHOW_ELEMENT
const ACCEPT = 1;
const REJECT = 2;

/** FNV-1a: ids must not hold whole paragraphs. */
function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** A mark to paint, with the finding it shows. */
type Planned = WantedMark & { finding: Finding };

const keyOf = (groups: ReadonlySet<number>) => [...groups].sort().join(' ');

/**
 * The documents and roots to read. Walks elements only, skipping what extraction skips (so a
 * shadow root inside a hidden or editable subtree is not read either) and our own hosts; a
 * document in design mode is not read at all.
 */
export async function discover(top: Document, clock: TaskClock): Promise<Discovery> {
  const documents: ScannedDocument[] = [];
  const shadowRoots: ShadowRoot[] = [];
  const frames: HTMLIFrameElement[] = [];
  const docs: Document[] = [top];
  let visited = 0;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    const body = doc.body ?? doc.documentElement;
    if (!body) continue;
    if (doc.designMode === 'on') {
      // A rich-text editor's frame: the whole document is editable, like a contenteditable body.
      // Listed with nothing to read, so that marks it had before are removed.
      documents.push({ doc, roots: [], blocks: [], lightBlocks: 0 });
      continue;
    }
    const roots: Node[] = [body];
    const filter = (node: Node): number => {
      const el = node as Element;
      const tag = el.nodeName;
      if (tag === 'IFRAME' || tag === 'FRAME') {
        let inner: Document | null = null;
        try {
          inner = (el as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null; // cross-origin
        }
        frames.push(el as HTMLIFrameElement);
        if (inner && !docs.includes(inner)) docs.push(inner);
        return REJECT;
      }
      return isSkippedElement(el) ? REJECT : ACCEPT;
    };
    for (let r = 0; r < roots.length; r++) {
      const walker = doc.createTreeWalker(roots[r]!, ELEMENT_FILTER, filter);
      for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
        const shadow = el.shadowRoot;
        if (shadow) {
          roots.push(shadow);
          shadowRoots.push(shadow);
        }
        if ((++visited & 255) === 0) await clock.maybePause();
      }
    }
    documents.push({ doc, roots, blocks: [], lightBlocks: 0 });
  }
  return { documents, shadowRoots, frames };
}

/** Blocks of every root, in order, a piece (a paragraph, a run of inline nodes) at a time. */
export async function extract(scanned: ScannedDocument, clock: TaskClock): Promise<void> {
  const blocks: TextBlock<Text>[] = [];
  for (let r = 0; r < scanned.roots.length; r++) {
    for (const run of piecesOf(scanned.roots[r])) {
      const found = extractRun<Text>(run);
      for (const b of found) blocks.push(b);
      await clock.maybePause();
    }
    if (r === 0) scanned.lightBlocks = blocks.length;
  }
  scanned.blocks = blocks;
}

/**
 * The blocks of the body that intersect the viewport, as [first, end): a binary search over the
 * blocks' boxes, which follow document order on nearly every page. Only an ordering hint (what to
 * link and paint first), never a filter, so a page where it is wrong is only slower to paint.
 */
export function visibleBlocks(scanned: ScannedDocument): [number, number] {
  const { doc, blocks, lightBlocks } = scanned;
  const win = doc.defaultView;
  if (!win || lightBlocks === 0) return [0, 0];
  const range = doc.createRange();
  const rectOf = (b: number): DOMRect | undefined => {
    const node = blocks[b]!.segments[0]?.node;
    if (!node || !node.isConnected) return undefined;
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    return rect.width === 0 && rect.height === 0 ? undefined : rect;
  };
  let lo = 0;
  let hi = lightBlocks - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const rect = rectOf(mid);
    if (rect && rect.bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  const height = win.innerHeight;
  // A screenful is rarely more than a few hundred blocks; stop there on odd layouts.
  while (end < lightBlocks && end - lo < 400) {
    const rect = rectOf(end);
    if (rect && rect.top > height) break;
    end++;
  }
  return [lo, end];
}

export class Scanner {
  /** Pass 1 by block text, for non-heading [0] and heading [1] blocks; null: nothing to check. */
  private scans: [Map<string, BlockScan | null>, Map<string, BlockScan | null>] = [new Map(), new Map()];
  /** Pass 2 by document cue groups, then by heading groups + block text. */
  private links = new Map<string, Map<string, Finding[]>>();

  constructor(
    private readonly engine: Engine,
    private readonly painter: HighlightPainter,
  ) {}

  /**
   * Scans `top` and its same-origin frames and plans the marks (the painter's queue holds them,
   * visible first). Throws `Cancelled` when `clock` says the scan is no longer wanted.
   */
  async scan(top: Document, clock: TaskClock): Promise<ScanOutcome> {
    const phases: Record<string, number> = { begin: performance.now() };
    const discovery = await discover(top, clock);
    phases.discover = performance.now();
    const { documents } = discovery;
    for (const scanned of documents) await extract(scanned, clock);
    phases.extract = performance.now();

    const nextScans: typeof this.scans = [new Map(), new Map()];
    const nextLinks = new Map<string, Map<string, Finding[]>>();
    const wantedVisible: WantedMark[] = [];
    const wantedRest: WantedMark[] = [];
    const figuresInOrder: Array<{ id: string; finding: Finding; doc: Document }> = [];
    let blockCount = 0;

    for (let d = 0; d < documents.length; d++) {
      const { doc, blocks } = documents[d]!;
      blockCount += blocks.length;

      // Pass 1, cached by text. Also: which occurrence of its text each block is (for stable ids).
      const blockScans: Array<BlockScan | undefined> = new Array(blocks.length);
      const occurrence = new Uint32Array(blocks.length);
      const seenTexts = new Map<string, number>();
      for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b]!;
        const h = block.heading ? 1 : 0;
        let s = nextScans[h].get(block.text);
        if (s === undefined) {
          s = this.scans[h].get(block.text);
          if (s === undefined) s = scanBlock(block.text, block.heading, this.engine) ?? null;
          nextScans[h].set(block.text, s);
        }
        blockScans[b] = s ?? undefined;
        if (s && s.figures.length > 0) {
          const n = seenTexts.get(block.text) ?? 0;
          seenTexts.set(block.text, n + 1);
          occurrence[b] = n;
        }
        if ((b & 63) === 0) await clock.maybePause();
      }

      phases.pass1 = performance.now();
      // Context between the passes: the document's cue groups and each heading's.
      const documentGroups = documentGroupsOf(blockScans);
      const headings = headingGroupsOf(blocks, blockScans);
      const docKey = keyOf(documentGroups);
      const previous = this.links.get(docKey);
      let links = nextLinks.get(docKey);
      if (!links) nextLinks.set(docKey, (links = new Map()));
      const headingKeys = new Map<Set<number>, string>();

      // Pass 2, the visible blocks first. (Layout is read before our sheet is adopted: after, it would force a restyle.)
      const [v0, v1] = d === 0 ? visibleBlocks(documents[d]!) : [0, 0];
      const order: number[] = [];
      for (let b = v0; b < v1; b++) order.push(b);
      for (let b = 0; b < blocks.length; b++) if (b < v0 || b >= v1) order.push(b);
      const perBlock: Finding[][] = new Array(blocks.length);
      const wantedOf = new Map<number, Planned[]>();
      // Ids are stable while a figure's block text (and which occurrence of that text it is) and its place in it stay the same.
      const marksOf = (b: number): Planned[] => {
        let marks = wantedOf.get(b);
        if (marks) return marks;
        marks = [];
        const block = blocks[b]!;
        const found = perBlock[b] ?? [];
        const prefix = found.length > 0 ? `${d}:${hashText(block.text)}:${occurrence[b]}:` : '';
        for (const f of found) {
          const start = locate(block, f.start);
          const end = locate(block, f.end, true);
          if (start && end) marks.push({ id: `${prefix}${f.start}-${f.end}`, verdict: f.verdict, doc, start, end, finding: f });
        }
        wantedOf.set(b, marks);
        return marks;
      };
      const visibleCount = v1 - v0;
      for (let i = 0; i < order.length; i++) {
        const b = order[i]!;
        const scan = blockScans[b];
        if (scan && scan.figures.length > 0) {
          const block = blocks[b]!;
          const headingSet = headings[b]!;
          let hk = headingKeys.get(headingSet);
          if (hk === undefined) headingKeys.set(headingSet, (hk = keyOf(headingSet)));
          const key = `${hk}\u0000${block.heading ? 'h' : 'p'}${block.tableRow ? 't' : ''}\u0000${block.text}`;
          let found = links.get(key) ?? previous?.get(key);
          if (!found) found = linkBlock(block, b, scan, headingSet, documentGroups, this.engine);
          links.set(key, found);
          perBlock[b] = found.map((f) => (f.block === b ? f : { ...f, block: b }));
          // The sheet and registry entries come with the first figure: pages without any get neither.
          if (found.length > 0) this.painter.prepare(doc);
        }
        // The visible figures' verdicts are final once linked (the document's context is known
        // after pass 1): paint them now, before linking the rest of the page.
        if (i === visibleCount - 1) this.painter.paintNow(order.slice(0, visibleCount).flatMap(marksOf));
        await clock.maybePause();
      }

      phases.pass2 = performance.now();
      for (let b = 0; b < blocks.length; b++) {
        const marks = marksOf(b);
        for (const m of marks) figuresInOrder.push({ id: m.id, finding: m.finding, doc });
        if ((b & 255) === 0) await clock.maybePause();
      }
      for (const b of order) {
        const marks = marksOf(b);
        if (marks.length > 0) (b >= v0 && b < v1 ? wantedVisible : wantedRest).push(...marks);
      }
    }

    this.scans = nextScans;
    this.links = nextLinks;
    const painted = await this.painter.plan([...wantedVisible, ...wantedRest], wantedVisible.length, clock);
    const byId = new Map(painted.map((m) => [m.id, m]));
    const figures: MarkedFigure[] = [];
    for (const f of figuresInOrder) {
      const mark = byId.get(f.id);
      if (mark) figures.push({ id: f.id, finding: f.finding, range: mark.range, doc: f.doc });
    }
    phases.plan = performance.now();
    return { phases, figures, blocks: blockCount, documents, discovery };
  }
}

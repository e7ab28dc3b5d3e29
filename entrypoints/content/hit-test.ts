import type { MarkedFigure } from './figure-ui';

/**
 * Which of our figures is under a point? Highlights have no events, so we ask the browser:
 * 1. `CSS.highlights.highlightsFromPoint` (Chromium, Firefox 153+): nothing under the point is the
 *    common case and costs one call; otherwise only our ranges in the highlights found are checked.
 * 2. `caretPositionFromPoint` / `caretRangeFromPoint`: the text position under the point, then a
 *    binary search over our ranges (in document order) with `Range.comparePoint`.
 * 3. The ranges' client rects, one by one.
 * Every answer is confirmed against the range's rects, since caret positions snap to the nearest
 * character even in a margin.
 */

/** Pixels of slack around a figure's rects: the underline and descenders sit just below the text box. */
const SLACK = 2;

type HitResultLike = { highlight?: Highlight; ranges?: AbstractRange[] };
type HighlightRegistryWithHit = HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => Array<Highlight | HitResultLike> };

export interface FigureIndex {
  /** Figures of one document, in document order. */
  inDoc(doc: Document): readonly MarkedFigure[];
  byRange: Map<AbstractRange, MarkedFigure>;
}

export function indexFigures(figures: readonly MarkedFigure[]): FigureIndex {
  const perDoc = new Map<Document, MarkedFigure[]>();
  const byRange = new Map<AbstractRange, MarkedFigure>();
  for (const f of figures) {
    let list = perDoc.get(f.doc);
    if (!list) perDoc.set(f.doc, (list = []));
    list.push(f);
    byRange.set(f.range, f);
  }
  return { inDoc: (doc) => perDoc.get(doc) ?? [], byRange };
}

export function rectsContain(range: Range, x: number, y: number, slack = SLACK): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (r.width === 0 && r.height === 0) continue;
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return true;
  }
  return false;
}

/** The element under the point must belong to the figure's text: a sticky header over the text hides it. */
function notCovered(f: MarkedFigure, target: Element | null): boolean {
  if (!target) return true;
  try {
    return target.contains(f.range.startContainer) || f.range.intersectsNode(target);
  } catch {
    return true;
  }
}

function viaHighlights(doc: Document, x: number, y: number, figures: readonly MarkedFigure[], index: FigureIndex): MarkedFigure | undefined | null {
  const registry = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS?.highlights as HighlightRegistryWithHit | undefined;
  if (!registry || typeof registry.highlightsFromPoint !== 'function') return null;
  let hits: Array<Highlight | HitResultLike>;
  try {
    hits = registry.highlightsFromPoint(x, y);
  } catch {
    return null;
  }
  // Indexed loops only: Firefox content scripts cannot iterate some page-side objects (Xray wrappers).
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    // The spec's newer shape gives the ranges under the point; the older one gives only highlights.
    const ranges = (hit as HitResultLike).ranges;
    if (ranges && typeof ranges.length === 'number') {
      for (let j = 0; j < ranges.length; j++) {
        const r = ranges[j]!;
        // By identity, else by boundary points (a wrapper from another world need not be the same object).
        const f = index.byRange.get(r) ?? figures.find((g) => g.range.startContainer === r.startContainer && g.range.startOffset === r.startOffset && g.range.endOffset === r.endOffset);
        if (f && f.doc === doc) return f;
      }
      continue;
    }
    const highlight = ((hit as HitResultLike).highlight ?? hit) as Highlight;
    if (typeof highlight.has !== 'function') continue;
    for (const f of figures) {
      if (highlight.has(f.range) && rectsContain(f.range, x, y)) return f;
    }
  }
  return undefined;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
  }
  return undefined;
}

function viaCaret(doc: Document, x: number, y: number, figures: readonly MarkedFigure[]): MarkedFigure | undefined | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  let lo = 0;
  let hi = figures.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = figures[mid]!;
    let cmp: number;
    try {
      cmp = f.range.comparePoint(caret.node, caret.offset);
    } catch {
      return null; // another tree (a shadow root, a detached node): let the rects decide
    }
    if (cmp === 0) return rectsContain(f.range, x, y) ? f : undefined;
    if (cmp < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  // A caret just past the figure's last character: the pointer over its right half.
  const before = figures[lo - 1];
  return before && rectsContain(before.range, x, y) ? before : undefined;
}

function viaRects(x: number, y: number, figures: readonly MarkedFigure[]): MarkedFigure | undefined {
  return figures.find((f) => rectsContain(f.range, x, y));
}

/** The figure under (x, y) in `doc`'s viewport coordinates, or undefined. `target` is the element the pointer is over. */
export function figureAtPoint(doc: Document, x: number, y: number, index: FigureIndex, target: Element | null = null): MarkedFigure | undefined {
  const figures = index.inDoc(doc);
  if (figures.length === 0) return undefined;
  let found = viaHighlights(doc, x, y, figures, index);
  if (found === null) found = viaCaret(doc, x, y, figures);
  if (found === null) found = viaRects(x, y, figures);
  return found && notCovered(found, target) ? found : undefined;
}

import type { Verdict } from '../../lib/check/verdict';
import { HIGHLIGHT_CSS, VERDICTS, highlightName } from './highlight-styles';
import type { TaskClock } from './slicing';

/**
 * The page's marks, painted with the CSS Custom Highlight API: no node of the page is ever
 * touched. One registry entry per verdict per document (the top one and each same-origin iframe's
 * own registry), and one constructed style sheet per document.
 *
 * Rules kept here (see toolchain-notes.md): the registry and a Highlight are never iterated (Firefox
 * content scripts throw on it) and `CSS.highlights.clear()` is never called (it would wipe the
 * page's own highlights). What we registered is tracked in our own maps.
 */

export interface Point {
  node: Node;
  offset: number;
}

/** A mark to show: where, and with which verdict. */
export interface WantedMark {
  id: string;
  verdict: Verdict;
  doc: Document;
  start: Point;
  end: Point;
}

export interface PaintedMark {
  id: string;
  verdict: Verdict;
  doc: Document;
  range: Range;
}

interface DocumentMarks {
  win: Window & typeof globalThis;
  highlights: Map<Verdict, Highlight>;
  sheet: { remove(): void; ensure(): void };
}

/** Every page-visible change we make is one of these, applied a batch per frame. */
type Operation = { add: PaintedMark } | { remove: PaintedMark };

const STYLE_MARKER = 'data-figure-check';

/**
 * Our style sheet: a constructed sheet adopted by the document (it changes no node, so the page's
 * DOM stays byte-identical), or where that is refused, one <style data-figure-check> at the end
 * of <head>.
 */
function installSheet(doc: Document, win: Window & typeof globalThis): DocumentMarks['sheet'] {
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    const adopt = () => {
      const list = doc.adoptedStyleSheets;
      if (!list.includes(sheet)) doc.adoptedStyleSheets = [...list, sheet];
    };
    adopt();
    return {
      ensure: adopt,
      remove: () => {
        const list = doc.adoptedStyleSheets;
        if (list.includes(sheet)) doc.adoptedStyleSheets = list.filter((s) => s !== sheet);
      },
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute(STYLE_MARKER, '');
    style.textContent = HIGHLIGHT_CSS;
    const parent = () => doc.head ?? doc.documentElement;
    parent().append(style);
    return {
      ensure: () => {
        if (!style.isConnected) parent().append(style);
      },
      remove: () => style.remove(),
    };
  }
}

/** How many of `kept` (an ordered subset of `all`) come from the first `n` of `all`. */
function countBefore(all: readonly WantedMark[], kept: readonly WantedMark[], n: number): number {
  const firsts = new Set(all.slice(0, n));
  let count = 0;
  while (count < kept.length && firsts.has(kept[count]!)) count++;
  return count;
}

const sameRange = (range: Range, m: WantedMark) =>
  range.startContainer === m.start.node && range.startOffset === m.start.offset && range.endContainer === m.end.node && range.endOffset === m.end.offset;

export class HighlightPainter {
  private readonly docs = new Map<Document, DocumentMarks>();
  /** What is registered now, by figure id. */
  private readonly painted = new Map<string, PaintedMark>();
  /** Changes still to make, a batch per frame. */
  private batches: Operation[][] = [];
  private destroyed = false;

  /**
   * Measured in Chromium 156 on the 5 MB benchmark page, a frame in which a highlight changes costs
   * some 40 ms plus 5-10 µs per range registered (every registered range is re-validated; with
   * underlines, not backgrounds alone, most of it is the browser's compositing-inputs and pre-paint
   * walk) plus ~5 µs per range added in that frame. So the visible marks go first in a small batch
   * and the rest follow in batches of `maxBatch`: larger batches make the last frames longer,
   * smaller ones only add frames that each pay the fixed cost.
   */
  constructor(private readonly maxBatch = 2000) {}

  /**
   * Works out what to change so that exactly `wanted` is painted, and queues it: the first batch
   * removes stale marks and adds the first `firstCount` wanted marks (the visible ones), the next
   * batches add the rest. Marks whose range and verdict are unchanged keep their Range. Returns
   * every wanted mark with its range, in the order given.
   */
  async plan(all: readonly WantedMark[], firstCount: number, clock: TaskClock): Promise<PaintedMark[]> {
    const wanted = this.select(all);
    if (wanted !== all) firstCount = countBefore(all, wanted, firstCount);
    const additions: Operation[] = [];
    const next = new Map<string, PaintedMark>();
    const out: PaintedMark[] = [];
    let firstAdditions = 0;
    // What the queue still holds is not painted yet: plan against what is.
    this.batches = [];
    for (let i = 0; i < wanted.length; i++) {
      const w = wanted[i]!;
      const old = this.painted.get(w.id);
      let mark: PaintedMark;
      if (old && old.verdict === w.verdict && old.doc === w.doc && sameRange(old.range, w)) mark = old;
      else {
        const range = w.doc.createRange();
        try {
          range.setStart(w.start.node, w.start.offset);
          range.setEnd(w.end.node, w.end.offset);
        } catch {
          continue; // the text changed while the scan ran: the rescan that follows will place it
        }
        mark = { id: w.id, verdict: w.verdict, doc: w.doc, range };
        additions.push({ add: mark });
        if (i < firstCount) firstAdditions = additions.length;
      }
      next.set(w.id, mark);
      out.push(mark);
      if ((i & 127) === 0) await clock.maybePause();
    }
    const first: Operation[] = [];
    for (const [id, old] of this.painted) if (next.get(id) !== old) first.push({ remove: old });
    first.push(...additions.slice(0, firstAdditions));
    const batches = [first];
    for (let i = firstAdditions; i < additions.length; i += this.maxBatch) batches.push(additions.slice(i, i + this.maxBatch));
    this.batches = batches.filter((b) => b.length > 0);
    return out;
  }

  /**
   * Paints these marks at once (the visible ones, as soon as they are known), without removing
   * anything: the scan's full plan follows and keeps them.
   */
  paintNow(all: readonly WantedMark[]): void {
    for (const w of this.select(all)) {
      const old = this.painted.get(w.id);
      if (old && old.verdict === w.verdict && old.doc === w.doc && sameRange(old.range, w)) continue;
      const marks = this.marksOf(w.doc);
      if (!marks) return;
      const range = w.doc.createRange();
      try {
        range.setStart(w.start.node, w.start.offset);
        range.setEnd(w.end.node, w.end.offset);
      } catch {
        continue;
      }
      if (old) this.docs.get(old.doc)?.highlights.get(old.verdict)?.delete(old.range);
      const mark = { id: w.id, verdict: w.verdict, doc: w.doc, range };
      marks.highlights.get(w.verdict)!.add(range);
      this.painted.set(w.id, mark);
      this.added();
    }
  }

  /** Called once, when the first mark of this painter is registered (the `figure-check:first-mark` timing). */
  onFirstMark: (() => void) | undefined;

  private added(): void {
    if (!this.onFirstMark) return;
    const once = this.onFirstMark;
    this.onFirstMark = undefined;
    once();
  }

  /**
   * Which of the wanted marks to paint, in the same order (a subclass leaves out, for example, the
   * verdicts the reader chose not to mark). Called once per scan; the default paints them all.
   */
  protected select(wanted: readonly WantedMark[]): readonly WantedMark[] {
    return wanted;
  }

  get pending(): number {
    return this.batches.length;
  }

  /** Applies the next batch of queued changes; returns how many marks were added. */
  step(): number {
    const batch = this.batches.shift() ?? [];
    let added = 0;
    for (const op of batch) {
      if ('remove' in op) {
        const m = op.remove;
        this.docs.get(m.doc)?.highlights.get(m.verdict)?.delete(m.range);
        if (this.painted.get(m.id) === m) this.painted.delete(m.id);
      } else {
        const m = op.add;
        const marks = this.marksOf(m.doc);
        if (!marks) continue;
        const old = this.painted.get(m.id);
        if (old && old !== m) this.docs.get(old.doc)?.highlights.get(old.verdict)?.delete(old.range);
        marks.highlights.get(m.verdict)!.add(m.range);
        this.painted.set(m.id, m);
        this.added();
        added++;
      }
    }
    return added;
  }

  /** Re-registers our entries and sheet if the page dropped them (a `CSS.highlights.clear()`, a rewrite of adoptedStyleSheets). */
  reassert(): void {
    for (const [doc, marks] of this.docs) {
      if (!doc.defaultView) {
        this.docs.delete(doc);
        continue;
      }
      try {
        marks.sheet.ensure();
        for (const [verdict, h] of marks.highlights) {
          const name = highlightName(verdict);
          if (marks.win.CSS.highlights.get(name) !== h) marks.win.CSS.highlights.set(name, h);
        }
      } catch {
        // A frame navigating away, or a wrapper that refuses: the next scan tries again.
      }
    }
  }

  /** Forgets documents that are gone (a removed iframe) and their marks. */
  prune(alive: ReadonlySet<Document>): void {
    for (const doc of this.docs.keys()) if (!alive.has(doc)) this.docs.delete(doc);
    for (const [id, m] of this.painted) if (!alive.has(m.doc)) this.painted.delete(id);
  }

  /** Removes our registry entries (only if they are still ours) and style sheets. */
  destroy(): void {
    this.destroyed = true;
    this.batches = [];
    for (const marks of this.docs.values()) {
      try {
        for (const [verdict, h] of marks.highlights) {
          const name = highlightName(verdict);
          if (marks.win.CSS.highlights.get(name) === h) marks.win.CSS.highlights.delete(name);
        }
        marks.sheet.remove();
      } catch {
        // The frame is gone: nothing left to clean.
      }
    }
    this.docs.clear();
    this.painted.clear();
  }

  /**
   * Sets up a document's registry entries and style sheet as soon as it is known to have figures
   * (adopting a sheet restyles the whole document: on a large page, better while the scan is still
   * linking than in the frame of the first marks). Cheap when already done.
   */
  prepare(doc: Document): void {
    this.marksOf(doc);
  }

  private marksOf(doc: Document): DocumentMarks | undefined {
    let marks = this.docs.get(doc);
    if (marks) return marks;
    if (this.destroyed) return undefined; // a scan still finishing its slice after stop(): paint nothing
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    if (!win || !('highlights' in win.CSS) || typeof win.Highlight !== 'function') return undefined;
    const highlights = new Map<Verdict, Highlight>();
    for (const verdict of VERDICTS) {
      // The frame's own constructor: a highlight belongs to the registry of its document.
      const h = new win.Highlight();
      highlights.set(verdict, h);
      win.CSS.highlights.set(highlightName(verdict), h);
    }
    marks = { win, highlights, sheet: installSheet(doc, win) };
    this.docs.set(doc, marks);
    return marks;
  }
}

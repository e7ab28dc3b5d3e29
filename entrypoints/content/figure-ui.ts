import type { Finding } from '../../lib/check/check-document';

/**
 * The contract between the scanner (which finds figures and paints highlights) and the UI
 * (hover card, keyboard navigation). The scanner owns the page's highlights; the UI owns the
 * single host element <figure-check-ui> and everything inside its shadow root.
 */

export interface MarkedFigure {
  /** Stable across rescans while the figure's text and position in its block stay the same. */
  id: string;
  finding: Finding;
  /** Live range over the page's text nodes (never modified by us). */
  range: Range;
  /** The document the range lives in (the top document or a same-origin iframe's). */
  doc: Document;
}

export type UiLocale = 'en' | 'zh-CN';

export interface FigureUi {
  /** Called after every (re)scan with all figures currently marked, in document order. */
  update(figures: readonly MarkedFigure[]): void;
  /** Keyboard navigation: go to the next (1) or previous (-1) figure, scroll it into view, open its card. */
  step(direction: 1 | -1): void;
  /** Open the card of one figure (scrolls it into view). */
  open(id: string): void;
  /** Remove the host element and every listener. */
  destroy(): void;
}

/** Options of `createFigureUi` (entrypoints/content/ui.ts). All optional: `createFigureUi()` works. */
export interface FigureUiOptions {
  /** Ends the UI with its owner (e.g. WXT's `ctx.signal`): listeners removed, host element gone. */
  signal?: AbortSignal;
  /** Language of the card's own words; default: the browser's UI language. Numbers follow the page. */
  locale?: UiLocale;
  /** Hover delay before a card opens, in ms (default 350). */
  hoverDelayMs?: number;
}

import type { Verdict } from '../../lib/check/verdict';

/**
 * The look of the marks. Each verdict differs in the underline's style, not only its colour
 * (readers who cannot tell green from red still tell solid from wavy). Mid-lightness colours with
 * a translucent background read on white and on dark pages alike; the text colour is never changed.
 */

export const VERDICTS: readonly Verdict[] = ['exact', 'rounded', 'outdated', 'conflict'];

export const HIGHLIGHT_PREFIX = 'figure-check-';

export const highlightName = (verdict: Verdict): string => `${HIGHLIGHT_PREFIX}${verdict}`;

const LOOK: Record<Verdict, { line: string; thickness: string; rgb: string; background: number }> = {
  exact: { line: 'solid', thickness: '1.5px', rgb: '34 160 80', background: 0.08 },
  rounded: { line: 'dotted', thickness: '2px', rgb: '59 130 246', background: 0.08 },
  outdated: { line: 'dashed', thickness: '2px', rgb: '217 140 6', background: 0.1 },
  conflict: { line: 'wavy', thickness: '1.5px', rgb: '230 40 70', background: 0.16 },
};

/** One rule per verdict; every selector names `figure-check`, nothing else on the page is styled. */
export const HIGHLIGHT_CSS = VERDICTS.map((v) => {
  const { line, thickness, rgb, background } = LOOK[v];
  return `::highlight(${highlightName(v)}) { text-decoration-line: underline; text-decoration-style: ${line}; text-decoration-color: rgb(${rgb}); text-decoration-thickness: ${thickness}; text-underline-offset: 3px; text-decoration-skip-ink: none; background-color: rgb(${rgb} / ${background}); }`;
}).join('\n');

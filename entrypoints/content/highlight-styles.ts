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

/**
 * Whether this browser paints `text-decoration` in `::highlight()`. Firefox ESR 140 paints only
 * `color` and `background-color` there (no underline, no text-shadow), while getComputedStyle
 * reports the underline all the same, so it cannot be feature-detected; Firefox 153 paints it.
 * Firefox before 153 therefore gets the tint-only look below (harmless where a version in between
 * also draws the underline). Every other engine: true.
 */
export function highlightDecorationsPainted(userAgent: string = typeof navigator === 'undefined' ? '' : navigator.userAgent): boolean {
  const firefox = /\bFirefox\/(\d+)/.exec(userAgent);
  return !firefox || Number(firefox[1]) >= 153;
}

/** Where the underline is not painted, the tint carries the mark alone: about twice as strong, still readable under dark text. */
const TINT_ONLY_BACKGROUND: Record<Verdict, number> = { exact: 0.2, rounded: 0.2, outdated: 0.24, conflict: 0.3 };

/** One rule per verdict; every selector names `figure-check`, nothing else on the page is styled. */
export function highlightCss(decorationsPainted: boolean): string {
  return VERDICTS.map((v) => {
    const { line, thickness, rgb } = LOOK[v];
    const background = decorationsPainted ? LOOK[v].background : TINT_ONLY_BACKGROUND[v];
    return `::highlight(${highlightName(v)}) { text-decoration-line: underline; text-decoration-style: ${line}; text-decoration-color: rgb(${rgb}); text-decoration-thickness: ${thickness}; text-underline-offset: 3px; text-decoration-skip-ink: none; background-color: rgb(${rgb} / ${background}); }`;
  }).join('\n');
}

/**
 * The "underline only" mark style (options → Display): clears the tint. Where the underline is not
 * painted, that would leave nothing to see, so the mark keeps the normal light tint there instead.
 */
export function underlineOnlyCss(decorationsPainted: boolean): string {
  return VERDICTS.map((v) => `::highlight(${highlightName(v)}) { background-color: ${decorationsPainted ? 'transparent' : `rgb(${LOOK[v].rgb} / ${LOOK[v].background})`} !important; }`).join('\n');
}

export const HIGHLIGHT_CSS = highlightCss(highlightDecorationsPainted());

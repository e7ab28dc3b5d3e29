import { describe, expect, it } from 'vitest';
import { highlightCss, highlightDecorationsPainted, underlineOnlyCss } from '../../entrypoints/content/highlight-styles';

describe('highlight look per browser', () => {
  it('Firefox before 153 paints no text-decoration in ::highlight(): the tint carries the mark', () => {
    expect(highlightDecorationsPainted('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe(false);
    expect(highlightDecorationsPainted('Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0')).toBe(false);
    expect(highlightDecorationsPainted('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toBe(true);
    expect(highlightDecorationsPainted('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')).toBe(true);
  });

  it('the tint-only look is stronger, and "underline only" keeps a light tint there', () => {
    const alpha = (css: string, verdict: string) => Number(new RegExp(`highlight\\(figure-check-${verdict}\\)[^}]*background-color: rgb\\([\\d ]+/ ([\\d.]+)\\)`).exec(css)?.[1]);
    for (const v of ['exact', 'rounded', 'outdated', 'conflict']) {
      expect(alpha(highlightCss(false), v)).toBeGreaterThan(alpha(highlightCss(true), v));
      expect(alpha(underlineOnlyCss(false), v)).toBe(alpha(highlightCss(true), v));
    }
    expect(underlineOnlyCss(true)).toContain('background-color: transparent !important');
    expect(highlightCss(false)).toContain('text-decoration-line: underline'); // still asked for, where a version draws it
  });
});

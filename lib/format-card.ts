import type { Metric, Observation, Source } from './data/schema';
import type { UiLocale } from './format';

/**
 * Pure helpers for the figure card: which language a page is in, short publisher names, and the
 * geometry of the small chart of official values. No DOM, no browser APIs (shared with tests and CLI).
 */

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/** The page's language for numbers: its `lang` attribute, else Chinese characters in the figure itself. */
export function pageLocaleOf(lang: string | null | undefined, figureText: string): UiLocale {
  const l = (lang ?? '').trim().toLowerCase();
  if (l.startsWith('zh')) return 'zh-CN';
  if (l && l !== 'und') return 'en';
  return HAN.test(figureText) ? 'zh-CN' : 'en';
}

const TRADITIONAL_LANG = /^zh-(tw|hk|mo|hant)\b/i;
const TRADITIONAL_CHARS = /[億萬個點約]/;

/** Does the page write Chinese in Traditional script (zh-TW, zh-HK, zh-Hant, or 億/萬 in the figure)? */
export function isTraditionalPage(lang: string | null | undefined, figureText: string): boolean {
  const l = (lang ?? '').trim();
  if (TRADITIONAL_LANG.test(l)) return true;
  if (/^zh/i.test(l)) return TRADITIONAL_CHARS.test(figureText) && !/[亿万个点约]/.test(figureText);
  return !l && TRADITIONAL_CHARS.test(figureText);
}

const TO_TRADITIONAL: Record<string, string> = { 亿: '億', 万: '萬', 个: '個', 点: '點', 约: '約', 预: '預', 计: '計', 过: '過' };

/** A formatted Chinese value in Traditional script ("6.02亿" → "6.02億", "25.2个百分点" → "25.2個百分點"). */
export function toTraditionalValue(s: string): string {
  return s.replace(/[亿万个点约预计过]/g, (c) => TO_TRADITIONAL[c] ?? c);
}

/** "China Internet Network Information Center (CNNIC)" → "CNNIC"; names without an acronym stay whole. */
export function shortPublisher(name: string): string {
  const m = /\(([A-Z][A-Za-z&.]{1,11})(?:[,;][^)]*)?\)\s*$/.exec(name);
  return m ? m[1]! : name;
}

/** The source's title in the locale, falling back to English (some sources have no Chinese title). */
export function sourceTitle(source: Source, locale: UiLocale): string {
  return locale === 'zh-CN' ? (source.title.zh ?? source.title.en) : source.title.en;
}

export function sourcePublisher(source: Source, locale: UiLocale, short = false): string {
  if (locale === 'zh-CN') return source.publisher.zh;
  return short ? shortPublisher(source.publisher.en) : source.publisher.en;
}

/** Two observations are the same when period, value and source agree (objects may have been copied). */
export function sameObservation(a: Observation, b: Observation): boolean {
  return a.asOf === b.asOf && a.value === b.value && a.source === b.source;
}

/** The last day of a period ("2025" → 2025-12-31, "2025-06" → 2025-06-30), as a UTC timestamp. */
export function periodEndTime(period: string): number {
  const [y, m, d] = period.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return Date.UTC(y, 11, 31);
  if (d === undefined) return Date.UTC(y, m, 0);
  return Date.UTC(y, m - 1, d);
}

/** A value for an axis label, short: four significant digits at most ("602M", "1.125B", "6.02亿", "42.8%"). */
export function formatAxisValue(value: number, metric: Pick<Metric, 'kind' | 'currency'>, locale: UiLocale): string {
  const n = new Intl.NumberFormat(locale, {
    notation: Math.abs(value) >= 1e4 ? 'compact' : 'standard',
    compactDisplay: locale === 'en' ? 'short' : 'long',
    maximumSignificantDigits: 4,
  }).format(metric.kind === 'ratio' ? value * 1000 : value);
  switch (metric.kind) {
    case 'percent':
      return `${n}%`;
    case 'percentage-points':
      return locale === 'en' ? `${n} pp` : `${n}个百分点`;
    case 'ratio':
      return `${n}‰`;
    case 'currency':
      return locale === 'en' ? `${metric.currency ?? ''} ${n}`.trim() : `${n}${metric.currency === 'CNY' ? '元' : metric.currency === 'USD' ? '美元' : ''}`;
    case 'eflops':
      return `${n} EF`;
    default:
      return n;
  }
}

/** What the page's figure stands for in the metric's units: one value, or a band for a currency conversion. */
export interface PageValue {
  value: number;
  lo: number;
  hi: number;
}

export interface ChartPoint {
  x: number;
  y: number;
  observation: Observation;
  current: boolean;
  /** The observation that decided the verdict (the earlier one for `outdated`). */
  deciding: boolean;
}

export interface ChartModel {
  width: number;
  height: number;
  /** Plot area inside the axes. */
  plot: { left: number; right: number; top: number; bottom: number };
  points: ChartPoint[];
  /** The page's figure: a horizontal marker line at its value (a band for conversions) and a marker at the deciding point's x. */
  page?: { y: number; yLo: number; yHi: number; x: number };
  yMin: number;
  yMax: number;
  yMinAt: number;
  yMaxAt: number;
  firstPeriod: string;
  lastPeriod: string;
}

/**
 * Geometry of the chart of official values: x by the end of each observation's period, y by value,
 * the page's figure included in the y range so its marker is always inside the plot.
 */
export function chartModel(
  observations: readonly Observation[],
  current: Observation,
  deciding: Observation,
  page: PageValue | undefined,
  size: { width: number; height: number; left: number; right: number; top: number; bottom: number },
): ChartModel | undefined {
  if (observations.length === 0) return undefined;
  const sorted = [...observations].sort((a, b) => periodEndTime(a.asOf) - periodEndTime(b.asOf));
  const times = sorted.map((o) => periodEndTime(o.asOf));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const values = sorted.map((o) => o.value);
  if (page && Number.isFinite(page.lo) && Number.isFinite(page.hi)) values.push(page.lo, page.hi);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    const pad = Math.abs(hi) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const margin = (hi - lo) * 0.08;
  const yMin = lo >= 0 ? Math.max(0, lo - margin) : lo - margin;
  const yMax = hi + margin;
  const plot = { left: size.left, right: size.width - size.right, top: size.top, bottom: size.height - size.bottom };
  const xOf = (t: number) => (t1 === t0 ? (plot.left + plot.right) / 2 : plot.left + ((t - t0) / (t1 - t0)) * (plot.right - plot.left));
  const yOf = (v: number) => plot.bottom - ((v - yMin) / (yMax - yMin)) * (plot.bottom - plot.top);
  const points = sorted.map((o, i) => ({ x: xOf(times[i]!), y: yOf(o.value), observation: o, current: sameObservation(o, current), deciding: sameObservation(o, deciding) }));
  const decidingPoint = points.find((p) => p.deciding) ?? points.find((p) => p.current);
  return {
    width: size.width,
    height: size.height,
    plot,
    points,
    page: page && decidingPoint ? { y: yOf(page.value), yLo: yOf(page.lo), yHi: yOf(page.hi), x: decidingPoint.x } : undefined,
    yMin: lo,
    yMax: hi,
    yMinAt: yOf(lo),
    yMaxAt: yOf(hi),
    firstPeriod: sorted[0]!.asOf,
    lastPeriod: sorted[sorted.length - 1]!.asOf,
  };
}

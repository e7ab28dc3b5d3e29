import type { Metric, Observation } from '../data/schema';
import type { RecognisedNumber } from '../numbers/types';

/** The verdict rules of facts.md, applied to one figure and one metric. */

export type Verdict = 'exact' | 'rounded' | 'outdated' | 'conflict';

/** Media convert CNY and USD at rates in this band (facts.md): a conversion is consistent within it, never exact. */
export const CNY_PER_USD = { min: 6.8, max: 7.4 } as const;

/** The values a printed figure can stand for, in the metric's units. */
export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

export interface VerdictResult {
  verdict: Verdict;
  /** The observation that decided: the current one, or for `outdated` the earlier one the page matches. */
  observation: Observation;
  /** The figure was converted from another currency (at CNY_PER_USD). */
  converted: boolean;
  /** One line of the rule that applied, for "why this match". */
  rule: string;
}

/**
 * The interval of official values consistent with the page, with u the unit of the last printed
 * significant digit. A bare figure is also consistent when the official value truncates to it.
 */
export function pageInterval(value: number, unit: number, hedge: RecognisedNumber['hedge']): Interval {
  const half = unit / 2;
  switch (hedge) {
    case 'about':
      return { lo: value - half, hi: value + half, loOpen: false, hiOpen: false };
    case 'over':
    case 'none':
      return { lo: value - half, hi: value + unit, loOpen: false, hiOpen: true };
    case 'nearly':
    case 'under':
      return { lo: value - unit, hi: value + half, loOpen: true, hiOpen: false };
  }
}

function contains(iv: Interval, v: number): boolean {
  const eps = 1e-9 * Math.max(Math.abs(v), Math.abs(iv.lo), Math.abs(iv.hi), 1e-12);
  const aboveLo = iv.loOpen ? v > iv.lo + eps : v >= iv.lo - eps;
  const belowHi = iv.hiOpen ? v < iv.hi - eps : v <= iv.hi + eps;
  return aboveLo && belowHi;
}

/** Significant digits of an official value as printed in facts.md (trailing zeros of integers do not count). */
export function significantDigitsOf(v: number): number {
  let s = Math.abs(v).toPrecision(15).replace(/e.*$/, '');
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  const hadPoint = s.includes('.');
  let digits = s.replace('.', '').replace(/^0+/, '');
  if (!hadPoint) digits = digits.replace(/0+$/, '');
  return Math.max(1, digits.length);
}

const hedgeFamily = (h: string) => (h === 'over' || h === 'expected-over' ? 'over' : h === 'nearly' || h === 'under' ? h : 'plain');

/**
 * How the figure's kind meets the metric's: the factor into metric units, and the currency band.
 * undefined when they cannot be compared ("42 percent" is never a count).
 */
export function conversionTo(figure: RecognisedNumber, metric: Metric): { factor: number; band?: [number, number] } | undefined {
  const { kind } = figure;
  if (figure.multiplier) return metric.kind === 'percent' && isChangeMetric(metric) ? { factor: 1 } : undefined;
  if (kind === metric.kind) {
    if (kind !== 'currency') return { factor: 1 };
    if (figure.currency === metric.currency) return { factor: 1 };
    if (figure.currency === 'USD' && metric.currency === 'CNY') return { factor: 1, band: [CNY_PER_USD.min, CNY_PER_USD.max] };
    if (figure.currency === 'CNY' && metric.currency === 'USD') return { factor: 1, band: [1 / CNY_PER_USD.max, 1 / CNY_PER_USD.min] };
    return undefined;
  }
  if (kind === 'percent' && metric.kind === 'ratio') return { factor: 0.01 };
  if (kind === 'ratio' && metric.kind === 'percent') return { factor: 100 };
  return undefined;
}

/** A change metric (growth, rise in percentage points) has a comparison base. */
export function isChangeMetric(metric: Metric): boolean {
  return metric.kind === 'percentage-points' || metric.observations.some((o) => o.baseline !== undefined);
}

/** The interval of the figure expressed in the metric's units (currency conversions widen it by the rate band). */
export function figureInterval(figure: RecognisedNumber, metric: Metric): Interval | undefined {
  const conv = conversionTo(figure, metric);
  if (!conv) return undefined;
  const iv = pageInterval(figure.value * conv.factor, figure.unit * conv.factor, figure.hedge);
  if (!conv.band) return iv;
  return { lo: iv.lo * conv.band[0], hi: iv.hi * conv.band[1], loOpen: iv.loOpen, hiOpen: iv.hiOpen };
}

/** Observations ordered current first: latest period end, ties broken by the latest release. */
export function orderObservations(observations: Observation[], released: (sourceId: string) => string): Observation[] {
  const periodEnd = (p: string) => (p.length === 4 ? `${p}-12-31` : p.length === 7 ? `${p}-31` : p);
  return [...observations].sort((a, b) => {
    const byPeriod = periodEnd(b.asOf).localeCompare(periodEnd(a.asOf));
    return byPeriod !== 0 ? byPeriod : released(b.source).localeCompare(released(a.source));
  });
}

/**
 * The verdict for a figure already linked to `metric`. `observations` are ordered current first.
 * Returns undefined when the figure's kind cannot be compared with the metric.
 */
export function verdictFor(figure: RecognisedNumber, metric: Metric, observations: Observation[]): VerdictResult | undefined {
  const iv = figureInterval(figure, metric);
  const current = observations[0];
  if (!iv || !current) return undefined;
  const conv = conversionTo(figure, metric)!;
  const converted = conv.band !== undefined;
  if (contains(iv, current.value)) {
    const officialDigits = significantDigitsOf(current.value);
    const sameHedge = hedgeFamily(figure.hedge === 'about' ? 'none' : figure.hedge) === hedgeFamily(current.hedge === 'about' ? 'none' : current.hedge);
    const exactValue = Math.abs(figure.value * conv.factor - current.value) <= figure.unit * conv.factor / 2 + 1e-9 * Math.abs(current.value);
    if (!converted && !figure.multiplier && figure.significantDigits >= officialDigits && sameHedge && exactValue) {
      return { verdict: 'exact', observation: current, converted, rule: 'the current official value, with all its significant digits' };
    }
    const why = converted
      ? `consistent once converted at ${CNY_PER_USD.min}–${CNY_PER_USD.max} CNY per USD`
      : figure.significantDigits < officialDigits || !exactValue
        ? 'consistent with the current value, printed with fewer digits'
        : 'consistent with the current value, with a different hedge';
    return { verdict: 'rounded', observation: current, converted, rule: why };
  }
  for (const earlier of observations.slice(1)) {
    if (contains(iv, earlier.value)) {
      return { verdict: 'outdated', observation: earlier, converted, rule: `matches the earlier value as of ${earlier.asOf}` };
    }
  }
  return { verdict: 'conflict', observation: current, converted, rule: 'fits no official value, current or earlier' };
}

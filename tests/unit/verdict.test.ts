import { describe, expect, it } from 'vitest';
import type { Metric } from '../../lib/data/schema';
import type { RecognisedNumber } from '../../lib/numbers/types';
import { significantDigitsOf, verdictFor } from '../../lib/check/verdict';

const metric = (over: Partial<Metric>): Metric => ({
  id: 'm',
  name: { en: 'm', zh: 'm' },
  group: 'genai',
  kind: 'count',
  cues: [{ en: ['x'], zh: ['x'], zhHant: ['x'] }],
  observations: [],
  ...over,
});

const genaiUsers = metric({
  kind: 'count',
  observations: [
    { value: 6.02e8, asOf: '2025-12', source: 'cnnic-57', hedge: 'none', status: 'C2' },
    { value: 5.15e8, asOf: '2025-06', source: 'x', hedge: 'none', status: 'C2' },
    { value: 2.49e8, asOf: '2024-12', source: 'cnnic-55', hedge: 'none', status: 'C2' },
  ],
});

const fig = (value: number, unit: number, significantDigits: number, hedge: RecognisedNumber['hedge'] = 'none', extra: Partial<RecognisedNumber> = {}): RecognisedNumber => ({
  start: 0, end: 1, valueStart: 0, valueEnd: 1, value, unit, significantDigits, hedge, kind: 'count', ...extra,
});

const verdict = (f: RecognisedNumber, m: Metric = genaiUsers) => verdictFor(f, m, m.observations)?.verdict;

describe('verdict rules of facts.md', () => {
  it('"602 million" is exact, "600 million" and "over 600 million" are rounded', () => {
    expect(verdict(fig(6.02e8, 1e6, 3))).toBe('exact');
    expect(verdict(fig(6e8, 1e8, 1))).toBe('rounded');
    expect(verdict(fig(6e8, 1e8, 1, 'over'))).toBe('rounded');
    expect(verdict(fig(6.02e8, 1e6, 9))).toBe('exact'); // 602,000,000 printed in full
  });

  it('earlier values are outdated, values that fit nothing are conflicts', () => {
    expect(verdict(fig(2.49e8, 1e6, 3))).toBe('outdated');
    expect(verdict(fig(5.15e8, 1e6, 3))).toBe('outdated');
    expect(verdict(fig(7e8, 1e8, 1))).toBe('conflict');
  });

  it('"nearly 142%" is rounded for 141.7%, "42 percent" truncates 42.8%', () => {
    const growth = metric({ kind: 'percent', observations: [{ value: 141.7, asOf: '2025-12', source: 's', hedge: 'none', status: 'C2', baseline: '2024-12' }] });
    expect(verdict(fig(142, 1, 3, 'nearly', { kind: 'percent' }), growth)).toBe('rounded');
    expect(verdict(fig(141.7, 0.1, 4, 'none', { kind: 'percent' }), growth)).toBe('exact');
    expect(verdict(fig(100, 100, 1, 'over', { kind: 'percent', multiplier: true }), growth)).toBe('rounded');
    const rate = metric({ kind: 'percent', observations: [{ value: 42.8, asOf: '2025-12', source: 's', hedge: 'none', status: 'C2' }] });
    expect(verdict(fig(42, 1, 2, 'none', { kind: 'percent' }), rate)).toBe('rounded');
    expect(verdict(fig(42, 1, 2, 'about', { kind: 'percent' }), rate)).toBe('conflict');
    expect(verdict(fig(43, 1, 2, 'about', { kind: 'percent' }), rate)).toBe('rounded');
  });

  it('a source hedge is part of the value: "more than 6,000" for "over 6200" is rounded, "over 6,200" exact', () => {
    const firms = metric({ observations: [{ value: 6200, asOf: '2025', source: 'a', hedge: 'over', status: 'C2' }, { value: 4500, asOf: '2024-06', source: 'b', hedge: 'over', status: 'C2' }] });
    expect(verdict(fig(6000, 1000, 1, 'over'), firms)).toBe('rounded');
    expect(verdict(fig(6200, 100, 2, 'over'), firms)).toBe('exact');
    expect(verdict(fig(6200, 100, 2, 'none'), firms)).toBe('rounded');
    expect(verdict(fig(2.5e8, 1e7, 2, 'over'))).toBe('outdated'); // "at least 250 million" fits 249 million
  });

  it('a USD figure for a CNY metric is a conversion: rounded inside the 6.8–7.4 band, never exact', () => {
    const core = metric({ kind: 'currency', currency: 'CNY', observations: [{ value: 1.2e12, asOf: '2025', source: 'a', hedge: 'none', status: 'C2' }] });
    const usd = (v: number, u: number, d: number) => fig(v, u, d, 'about', { kind: 'currency', currency: 'USD' });
    expect(verdict(usd(171.39e9, 0.01e9, 5), core)).toBe('rounded');
    expect(verdict(usd(165e9, 1e9, 3), core)).toBe('rounded');
    expect(verdict(usd(120e9, 1e9, 3), core)).toBe('conflict');
    expect(verdict(fig(1.2e12, 1e11, 2, 'none', { kind: 'currency', currency: 'CNY' }), core)).toBe('exact');
    expect(verdict(fig(1.2e12, 1e11, 2, 'none', { kind: 'currency', currency: 'EUR' }), core)).toBeUndefined();
  });

  it('a percentage is compared with a ratio metric: "0.3 percent" is exact for 3 per thousand', () => {
    const defect = metric({ kind: 'ratio', observations: [{ value: 0.003, asOf: '2025', source: 'a', hedge: 'none', status: 'C2' }] });
    expect(verdict(fig(0.3, 0.1, 1, 'none', { kind: 'percent' }), defect)).toBe('exact');
    expect(verdict(fig(0.003, 0.001, 1, 'none', { kind: 'ratio' }), defect)).toBe('exact');
    expect(verdict(fig(0.5, 0.1, 1, 'none', { kind: 'percent' }), defect)).toBe('conflict');
  });

  it('counts significant digits as facts.md prints them', () => {
    expect([6.02e8, 1.125e9, 80.1, 0.003, 254000, 6200, 200, 1590, 1.525e9, 0.0005].map(significantDigitsOf)).toEqual([3, 4, 3, 1, 3, 2, 1, 3, 4, 1]);
  });
});

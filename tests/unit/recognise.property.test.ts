import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { recogniseNumbers } from '../../lib/numbers/recognise';
import type { RecognisedNumber } from '../../lib/numbers/types';

function close(actual: number, expected: number): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
}

/** Values shaped like the official statistics: 1–9999 times a power of ten (1e-3 … 1e12). */
const officialValue = fc
  .record({ m: fc.integer({ min: 1, max: 9999 }), e: fc.integer({ min: -3, max: 12 }) })
  .map(({ m, e }) => Number(`${m}e${e}`));
const knownValues = fc.constantFrom(6.02e8, 1.125e9, 4.838e6, 254000, 1.2e12, 1.525e9, 80.1, 42.8, 1590, 6000, 0.05);

const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
const FORMATS: Intl.NumberFormatOptions[] = [
  { notation: 'compact', compactDisplay: 'short', maximumSignificantDigits: 6 },
  { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 6 },
  { useGrouping: true, maximumFractionDigits: 6 },
];
const formatters = LOCALES.flatMap((locale) =>
  FORMATS.map((options) => ({ locale, options, format: new Intl.NumberFormat(locale, options) })),
);

/**
 * Printed forms that are deliberately not figures: a bare 4-digit integer 1900–2100 is a year,
 * and "4K" / "8K" are video resolutions.
 */
function excluded(printed: string): boolean {
  return /^(19\d\d|20\d\d|2100)$/.test(printed) || printed === '4K' || printed === '8K';
}

function sentence(locale: string, printed: string, which: number): string {
  if (locale === 'en') {
    return ['', 'Users reached ', 'By the end of the year, the total was '][which] + printed + ['', ' last year.', ', officials said.'][which];
  }
  return ['', '用户规模达', '截至年底，总数为'][which] + printed + ['', '，同比增长。', '。'][which];
}

function invariants(text: string, out: RecognisedNumber[]): void {
  let prevEnd = 0;
  for (const r of out) {
    expect(Number.isInteger(r.start) && Number.isInteger(r.end)).toBe(true);
    expect(r.start).toBeGreaterThanOrEqual(prevEnd);
    expect(r.start).toBeLessThanOrEqual(r.valueStart);
    expect(r.valueStart).toBeLessThan(r.valueEnd);
    expect(r.valueEnd).toBeLessThanOrEqual(r.end);
    expect(r.end).toBeLessThanOrEqual(text.length);
    expect(Number.isFinite(r.value)).toBe(true);
    expect(r.significantDigits).toBeGreaterThanOrEqual(1);
    expect(r.unit).toBeGreaterThan(0);
    prevEnd = r.end;
  }
}

const NUMERAL =
  /[0-9０-９零〇一二三四五六七八九十百千万亿两億萬兩]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|doubled|doubles|tripled|triples|trebled|quadrupled|quadruples|halved|翻番|翻倍/i;

/** Fragments that exercise the recogniser's edge cases when glued together at random. */
const FRAGMENTS = [
  '0', '1', '2', '6', '9', '02', '42', '600', '2025', '1,000', '.', ',', '，', '、', ' ', '\n', '-', '–', '/', ':', '(', ')', '（', '）',
  '%', '％', '‰', '‱', '+', '#', '$', '¥', '￥', '€', '£', 'US', 'HK', 'RMB', 'USD', 'x', 'K', 'M', 'B', 'T', 'k', 'm', 'bn', 'mn',
  'th', 's', 'G', 'v', 'GPT-', 'H', ' million', ' billion', ' thousand', ' trillion', '-thousand-', ' percent', ' per cent',
  ' percentage points', ' per thousand', ' per ten thousand', ' EFLOPS', ' yuan', ' dollars', 'more than ', 'over ', 'about ',
  'nearly ', 'less than ', 'the ', 'Passes ', 'doubled', 'doubles', 'tripled', 'halved', 'three ', 'ten-', 'one ', 'twenty-', 'five',
  '万', '亿', '萬', '億', '兆', '千', '百', '十', '一', '二', '两', '兩', '三', '零', '〇', '点', '點', '成', '倍', '番', '翻', '翻了',
  '个', '個', '人', '家', '卡', '元', '美元', '港元', '百分点', '个百分点', '百分之', '千分之', '万分之', '多', '余', '以上', '左右',
  '超过', '超', '逾', '约', '近', '最近', '不到', '年', '月', '日', '号', '第', '增长了', '百亿亿次/秒', '１', '６', '．',
  'ICP备', '\uD800', '\uDC00', '\u0000', '😀',
];
const mixed = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((a) => a.join(''));

describe('recogniseNumbers round-trips Intl.NumberFormat output', () => {
  it('gives back the value of any official-looking number formatted in en, zh-CN and zh-TW', () => {
    fc.assert(
      fc.property(
        fc.oneof(officialValue, knownValues),
        fc.constantFrom(...formatters),
        fc.integer({ min: 0, max: 2 }),
        (value, { locale, format }, which) => {
          const printed = format.format(value);
          fc.pre(!excluded(printed));
          const text = sentence(locale, printed, which);
          const out = recogniseNumbers(text);
          expect(out, `${JSON.stringify(text)} → ${JSON.stringify(out)}`).toHaveLength(1);
          const r = out[0]!;
          expect(close(r.value, value), `${JSON.stringify(text)}: ${r.value} ≠ ${value}`).toBe(true);
          expect(text.slice(r.start, r.end)).toBe(printed);
          expect(r.kind).toBe('count');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('round-trips every locale and format for the headline statistics', () => {
    for (const value of [6.02e8, 1.125e9, 4.838e6, 2.54e5, 1.2e12, 1.525e9, 4.2e7, 9.4e8, 1e12, 3.27e8]) {
      for (const { locale, format } of formatters) {
        const printed = format.format(value);
        const text = sentence(locale, printed, 1);
        const out = recogniseNumbers(text);
        expect(out, text).toHaveLength(1);
        expect(close(out[0]!.value, value), text).toBe(true);
      }
    }
  });
});

describe('recogniseNumbers is total and well-behaved on arbitrary input', () => {
  const arbitraries: [string, fc.Arbitrary<string>][] = [
    ['grapheme strings', fc.string({ unit: 'grapheme', maxLength: 80 })],
    ['binary strings', fc.string({ unit: 'binary', maxLength: 80 })],
    ['full-unicode strings', fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)), maxLength: 80 })],
    ['UTF-16 code-unit strings (lone surrogates)', fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 80 })],
    ['mixes of digits, scale words, units and hedges', mixed],
  ];
  for (const [name, arb] of arbitraries) {
    it(`never throws, keeps offsets in bounds, sorted and non-overlapping, and is deterministic (${name})`, () => {
      fc.assert(
        fc.property(arb, (text) => {
          const out = recogniseNumbers(text);
          invariants(text, out);
          expect(recogniseNumbers(text)).toEqual(out);
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('always prints a numeral inside valueStart..valueEnd', () => {
    fc.assert(
      fc.property(fc.oneof(mixed, fc.string({ unit: 'grapheme', maxLength: 60 })), (text) => {
        for (const r of recogniseNumbers(text)) {
          expect(text.slice(r.valueStart, r.valueEnd), text).toMatch(NUMERAL);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('copes with a large text without throwing', { timeout: 30000 }, () => {
    const chunk = 'China had 1.125 billion users（１１.２５億人）, 超过6亿 with 80.1% and 42个万卡集群; 京ICP备12345678号. ';
    const text = chunk.repeat(20000) + '\uD800';
    const out = recogniseNumbers(text);
    expect(out.length).toBe(20000 * 5);
    let prevEnd = 0;
    let bad = 0;
    for (const r of out) {
      if (!(r.start >= prevEnd && r.start <= r.valueStart && r.valueStart < r.valueEnd && r.valueEnd <= r.end && r.end <= text.length)) bad++;
      prevEnd = r.end;
    }
    expect(bad).toBe(0);
  });
});

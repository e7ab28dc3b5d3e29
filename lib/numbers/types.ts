/** What a recognised figure measures. Values are always in base units (see facts.md). */
export type FigureKind =
  | 'count' // persons, items, enterprises, base stations … (plain numbers)
  | 'percent' // 80.1 for 80.1 %
  | 'percentage-points' // 25.2 for "25.2 percentage points" / "25.2个百分点"
  | 'ratio' // 0.003 for "three per thousand" / "千分之三"
  | 'currency' // an amount of money; `currency` holds the ISO 4217 code
  | 'eflops'; // computing capacity in EFLOPS (百亿亿次/秒)

/**
 * How the page qualifies the figure.
 * over:   more than / over / exceeding / crossed / at least / 超过 / 逾 / 突破 / 多 / 以上
 * about:  about / approximately / around / some / 约 / 左右
 * nearly: nearly / almost / close to / 近 / 接近 / 将近
 * under:  less than / under / fewer than / 不到 / 不足
 */
export type Hedge = 'none' | 'about' | 'over' | 'nearly' | 'under';

export interface RecognisedNumber {
  /** Offsets (UTF-16, into the text given) of the whole figure as printed: hedge, numeral, scale word and unit. */
  start: number;
  end: number;
  /** Offsets of the numeral alone ("602" in "more than 602 million users"). */
  valueStart: number;
  valueEnd: number;
  /** The value in base units (602 million → 602000000; 80.1 % → 80.1; 3 ‰ → 0.003). */
  value: number;
  kind: FigureKind;
  /** ISO 4217 code when kind === 'currency' (CNY, USD, EUR, HKD, JPY, GBP …). */
  currency?: string;
  hedge: Hedge;
  /** Significant digits printed ("602 million" 3, "1.125 billion" 4, "6,000" 1, "0.05" 1, "42" 2). */
  significantDigits: number;
  /** u: the value of one unit of the last significant digit printed, in the same base units as `value`
   *  ("600 million" → 1e8, "602 million" → 1e6, "42.8 %" → 0.1, "6,000" → 1000). */
  unit: number;
  /** True for word multipliers ("doubled", "nearly tripled", "翻番", "翻了一番"): growth in percent (doubled = 100). */
  multiplier?: boolean;
}

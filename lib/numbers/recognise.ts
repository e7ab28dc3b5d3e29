/**
 * Number recogniser: finds figures (counts, money, percentages, ratios, EFLOPS) in English and
 * Chinese (Simplified and Traditional) text.
 *
 * Design, for speed on multi-megabyte pages:
 * - one pass of a global regex that only finds anchors (ASCII / full-width digits, Chinese numerals,
 *   翻, a few English number and multiplier words); everything else is a small hand-written parse
 *   around the anchor, reading code units through a 1:1 normalisation table (no copy of the text,
 *   no per-character allocation, no backtracking regexes);
 * - after a rejected anchor the scan skips the whole numeral run, after a figure it resumes at its end,
 *   so results are sorted and never overlap.
 * Offsets are UTF-16 offsets into the text given.
 */
import type { FigureKind, Hedge, RecognisedNumber } from './types';
import { NORM } from './normalise';
import { isZhNumeral, parseZhInt, zhDigit, zhUnit, U_BAI, U_QIAN, U_SHI, U_WAN, U_YI } from './chinese-numerals';

// ---------------------------------------------------------------------------------------------
// character codes

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const PLUS = 43;
const COMMA = 44;
const HYPHEN = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const PERCENT = 37;
const HASH = 35;
const DOLLAR = 36;
const LPAREN = 40;
const RPAREN = 41;
const UNDERSCORE = 95;
const AT = 64;
const TIMES = 0xd7; // ×
const YEN = 0xa5;
const POUND = 0xa3;
const EURO = 0x20ac;
const PERMILLE = 0x2030; // ‰
const PERMYRIAD = 0x2031; // ‱

const cp = (s: string): number => s.charCodeAt(0);
const Z_FAN = cp('翻');
const Z_FAN2 = cp('番');
const Z_BEI = cp('倍');
const Z_LE = cp('了');
const Z_DI = cp('第');
const Z_DUO = cp('多');
const Z_YU = cp('余');
const Z_KA = cp('卡');
const Z_FEN = cp('分');
const Z_ZHI = cp('之');
const Z_DIAN = cp('点');
const Z_GE = cp('个');
const Z_CHENG = cp('成');
const Z_CI = cp('次');
const Z_REN = cp('人');
const Z_ZHAO = cp('兆');
const Z_COMMA = cp('、');
const Z_NIAN = cp('年');
const Z_YUE = cp('月');
const Z_RI = cp('日');
const Z_HAO = cp('号');
const Z_SHI2 = cp('时');
const Z_SHU = cp('数');
const Z_JI = cp('几');
const Z_SHANG = cp('上');
const Z_HAO3 = cp('好');
const Z_BEI2 = cp('备');
const Z_ZHENG = cp('证');
const Z_BI = cp('币');
const Z_BIAO = cp('表');
const Z_TU = cp('图');

/** Classifiers / measure words that may follow a Chinese figure and belong to its span. */
const CLASSIFIERS = new Set<number>(
  Array.from('人个座家款户次部台项名位所条件种辆只张本篇份处套颗块枚架艘间栋场届批例起宗笔首片吨', cp),
);
/** After 千 these make it a unit prefix (千克, 千米, 千瓦 …), not a scale word. */
const QIAN_UNIT_AFTER = new Set<number>(Array.from('克米瓦卡字兆赫帕焦伏欧安', cp));
/** After 兆 these make it "mega" (兆瓦, 兆字节 …), not 10^12. */
const ZHAO_UNIT_AFTER = new Set<number>(Array.from('瓦赫字比位帕焦伏欧安', cp));
/** Single 约 preceded by these is part of a word (签约, 节约 …). */
const YUE_NOT_HEDGE = new Set<number>(Array.from('签节合预条契制违公邀相婚履毁', cp));
/** Single 近 preceded by these is part of a word (最近, 附近 …). */
const JIN_NOT_HEDGE = new Set<number>(Array.from('最附靠邻亲贴将接逼就', cp));

// ---------------------------------------------------------------------------------------------
// scanning state (the recogniser is not re-entrant; it is synchronous and sets these per call)

let S = '';
let L = 0;
let lastEnd = 0;
let OUT: RecognisedNumber[] = [];

/** Normalised code unit at i, 0 outside the text. */
function c(i: number): number {
  return i >= 0 && i < L ? (NORM[S.charCodeAt(i)] as number) : 0;
}
function isDigit(x: number): boolean {
  return x >= 48 && x <= 57;
}
function isAsciiLetter(x: number): boolean {
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
}
function isLetter(x: number): boolean {
  if (x < 128) return (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
  return (x >= 0xc0 && x <= 0x24f && x !== TIMES && x !== 0xf7) || (x >= 0x370 && x <= 0x52f);
}
function isSpace(x: number): boolean {
  return x === SPACE || x === TAB || x === LF || x === CR;
}
function lower(x: number): number {
  return x >= 65 && x <= 90 ? x + 32 : x;
}

/** Case-insensitive match of `pat` (lowercase / Simplified) at i; a space in pat matches 1–4 spaces. End or -1. */
function matchAt(i: number, pat: string): number {
  let k = i;
  for (let t = 0; t < pat.length; t++) {
    const pc = pat.charCodeAt(t);
    if (pc === SPACE) {
      let n = 0;
      while (n < 4 && isSpace(c(k))) {
        k++;
        n++;
      }
      if (n === 0) return -1;
      continue;
    }
    if (lower(c(k)) !== pc) return -1;
    k++;
  }
  return k;
}
/** Does pat (no spaces) end exactly at `end`? Start or -1. */
function matchBefore(end: number, pat: string): number {
  const st = end - pat.length;
  if (st < lastEnd) return -1;
  for (let t = 0; t < pat.length; t++) if (lower(c(st + t)) !== pat.charCodeAt(t)) return -1;
  return st;
}

const P10: number[] = [];
for (let i = 0, v = 1; i <= 22; i++, v *= 10) P10.push(v);
function pow10(e: number): number {
  if (e >= 0 && e <= 22) return P10[e] as number;
  if (e < 0 && e >= -22) return 1 / (P10[-e] as number);
  return Math.pow(10, e);
}
function scaleBy(m: number, e: number): number {
  if (e === 0) return m;
  if (e > 0 && e <= 22) return m * (P10[e] as number);
  if (e < 0 && e >= -22) return m / (P10[-e] as number);
  return Number(`${m}e${e}`);
}
function numDigits(m: number): number {
  let n = 1;
  while (n < 40 && m >= pow10(n)) n++;
  return n;
}

/** Skip a rejected ASCII numeral run: digits joined by . , : / - × */
function skipRun(p: number): number {
  let i = p;
  for (;;) {
    const x = c(i);
    if (isDigit(x)) i++;
    else if ((x === DOT || x === COMMA || x === COLON || x === SLASH || x === HYPHEN || x === TIMES) && isDigit(c(i + 1))) i += 2;
    else break;
  }
  return i > p ? i : p + 1;
}

/** Start of the word (ASCII letters, optional trailing '.') just before `end` after ≥1 space; -1 if none. */
let pwStart = -1;
let pwDot = false;
let memoEnd = -1;
let memoLastEnd = -1;
let memoWord: string | null = null;
let memoStart = -1;
let memoDot = false;
function prevWord(end: number): string | null {
  if (end === memoEnd && lastEnd === memoLastEnd) {
    pwStart = memoStart;
    pwDot = memoDot;
    return memoWord;
  }
  const w = prevWordUncached(end);
  memoEnd = end;
  memoLastEnd = lastEnd;
  memoWord = w;
  memoStart = pwStart;
  memoDot = pwDot;
  return w;
}
function prevWordUncached(end: number): string | null {
  let k = end;
  let n = 0;
  while (n < 4 && k > lastEnd && isSpace(c(k - 1))) {
    k--;
    n++;
  }
  if (n === 0) return null;
  return wordEndingAt(k);
}
function wordEndingAt(k: number): string | null {
  let we = k;
  pwDot = false;
  if (c(we - 1) === DOT) {
    we--;
    pwDot = true;
  }
  let ws = we;
  while (ws > lastEnd && we - ws < 24 && isAsciiLetter(c(ws - 1))) ws--;
  if (ws === we || isLetter(c(ws - 1)) || isDigit(c(ws - 1))) return null;
  pwStart = ws;
  return S.slice(ws, we).toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// currency prefixes

let curStart = -1;
let curCode: string | undefined;

const DOLLAR_PREFIX: [string, string][] = [
  ['us', 'USD'],
  ['hk', 'HKD'],
  ['nt', 'TWD'],
  ['a', 'AUD'],
  ['c', 'CAD'],
  ['s', 'SGD'],
];
const CODE_PREFIX: [string, string][] = [
  ['rmb', 'CNY'],
  ['cny', 'CNY'],
  ['usd', 'USD'],
  ['eur', 'EUR'],
  ['gbp', 'GBP'],
  ['hkd', 'HKD'],
  ['jpy', 'JPY'],
];

/** Currency symbol / code directly before p (optionally one space); sets curStart/curCode. */
function currencyBefore(p: number, allowSpace: boolean): boolean {
  for (let pass = 0; pass < 2; pass++) {
    let k = p;
    if (pass === 1) {
      if (!allowSpace || c(p - 1) !== SPACE) break;
      k = p - 1;
    }
    const x = c(k - 1);
    if (k - 1 < lastEnd) return false;
    if (x === DOLLAR) {
      for (let ti = 0; ti < DOLLAR_PREFIX.length; ti++) {
        const e_ = DOLLAR_PREFIX[ti]!;
        const pre = e_[0];
        const code = e_[1];
        const st = matchBefore(k - 1, pre);
        if (st >= 0 && !isLetter(c(st - 1)) && c(st) >= 65 && c(st) <= 90) {
          curStart = st;
          curCode = code;
          return true;
        }
      }
      const st = matchBefore(k - 1, 'u.s.');
      curStart = st >= 0 && !isLetter(c(st - 1)) ? st : k - 1;
      curCode = 'USD';
      return true;
    }
    if (x === YEN) {
      curStart = k - 1;
      curCode = 'CNY';
      return true;
    }
    if (x === EURO) {
      curStart = k - 1;
      curCode = 'EUR';
      return true;
    }
    if (x === POUND) {
      curStart = k - 1;
      curCode = 'GBP';
      return true;
    }
    if (isAsciiLetter(x)) {
      for (let ti = 0; ti < CODE_PREFIX.length; ti++) {
        const e_ = CODE_PREFIX[ti]!;
        const pre = e_[0];
        const code = e_[1];
        const st = matchBefore(k, pre);
        if (st >= 0 && !isLetter(c(st - 1)) && !isDigit(c(st - 1))) {
          curStart = st;
          curCode = code;
          return true;
        }
      }
      return false;
    }
    const st = matchBefore(k, '人民币');
    if (st >= 0) {
      curStart = st;
      curCode = 'CNY';
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// hedges before a figure

let hStart = -1;
let hKind: Hedge = 'none';

const EN_HEDGE = new Map<string, Hedge>([
  ['over', 'over'],
  ['exceeding', 'over'],
  ['exceeded', 'over'],
  ['exceeds', 'over'],
  ['exceed', 'over'],
  ['crossed', 'over'],
  ['crosses', 'over'],
  ['passed', 'over'],
  ['passes', 'over'],
  ['surpassed', 'over'],
  ['surpasses', 'over'],
  ['surpassing', 'over'],
  ['top', 'over'],
  ['tops', 'over'],
  ['topped', 'over'],
  ['topping', 'over'],
  ['above', 'over'],
  ['about', 'about'],
  ['approximately', 'about'],
  ['approx', 'about'],
  ['around', 'about'],
  ['roughly', 'about'],
  ['some', 'about'],
  ['estimated', 'about'],
  ['circa', 'about'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['under', 'under'],
  ['below', 'under'],
]);
const THE_VERBS = new Set([
  'passes',
  'passed',
  'crossed',
  'crosses',
  'surpassed',
  'surpasses',
  'tops',
  'topped',
  'topping',
  'exceeded',
  'exceeds',
  'exceed',
  'exceeding',
  'over',
  'above',
  'past',
  'broke',
  'breaks',
]);

function enHedge(q: number): boolean {
  const w = prevWord(q);
  if (w === null) return false;
  const ws = pwStart;
  if (pwDot && w !== 'approx') return false;
  let h: Hedge | undefined;
  let st = ws;
  switch (w) {
    case 'than': {
      const w2 = prevWord(ws);
      if (w2 === 'more') h = 'over';
      else if (w2 === 'less' || w2 === 'fewer') h = 'under';
      st = pwStart;
      break;
    }
    case 'least': {
      if (prevWord(ws) === 'at') h = 'over';
      st = pwStart;
      break;
    }
    case 'of': {
      const w2 = prevWord(ws);
      st = pwStart;
      if (w2 === 'upwards') h = 'over';
      else if (w2 === 'excess' && prevWord(st) === 'in') {
        h = 'over';
        st = pwStart;
      }
      break;
    }
    case 'to': {
      if (prevWord(ws) === 'close') h = 'nearly';
      st = pwStart;
      break;
    }
    case 'the': {
      const w2 = prevWord(ws);
      if (w2 !== null && THE_VERBS.has(w2)) h = 'over';
      st = pwStart;
      break;
    }
    default: {
      h = EN_HEDGE.get(w);
      if (h === undefined) return false;
      if (w === 'under' || w === 'over') {
        const w2 = prevWord(ws);
        if (w2 === 'just' || w2 === 'well' || w2 === 'slightly') {
          st = pwStart;
          if (w === 'under' && w2 === 'just') h = 'nearly';
        }
      } else if (w === 'exceed') {
        if (prevWord(ws) === 'to') {
          const s2 = pwStart;
          if (prevWord(s2) === 'expected') st = pwStart;
        }
      } else if (w === 'estimated') {
        if (prevWord(ws) === 'an') st = pwStart;
      }
    }
  }
  if (h === undefined || st < lastEnd) return false;
  hStart = st;
  hKind = h;
  return true;
}

const ZH_HEDGE3: [string, Hedge][] = [
  ['不少于', 'over'],
  ['不低于', 'over'],
  ['不超过', 'under'],
  ['不高于', 'under'],
];
const ZH_HEDGE2: [string, Hedge][] = [
  ['超过', 'over'],
  ['超出', 'over'],
  ['突破', 'over'],
  ['高于', 'over'],
  ['多于', 'over'],
  ['至少', 'over'],
  ['大约', 'about'],
  ['约合', 'about'],
  ['约有', 'about'],
  ['约为', 'about'],
  ['大概', 'about'],
  ['接近', 'nearly'],
  ['将近', 'nearly'],
  ['逼近', 'nearly'],
  ['近乎', 'nearly'],
  ['几乎', 'nearly'],
  ['不到', 'under'],
  ['不足', 'under'],
  ['低于', 'under'],
  ['少于', 'under'],
];
const ZH_CHAO = cp('超');
/** Last characters of every Chinese prefix hedge, to reject quickly. */
const ZH_HEDGE_LAST = new Set<number>(
  [...ZH_HEDGE3, ...ZH_HEDGE2].map(([w]) => w.charCodeAt(w.length - 1)).concat(Array.from('超逾约近', cp)),
);
const ZH_YU2 = cp('逾');
const ZH_YUE = cp('约');
const ZH_JIN = cp('近');

function zhHedge(q: number): boolean {
  let k = q;
  if (c(k - 1) === SPACE) k--;
  const x = c(k - 1);
  if (x < 0x3000 || !ZH_HEDGE_LAST.has(x)) return false;
  for (let ti = 0; ti < ZH_HEDGE3.length; ti++) {
    const e_ = ZH_HEDGE3[ti]!;
    const pat = e_[0];
    const h = e_[1];
    const st = matchBefore(k, pat);
    if (st >= 0) return setH(st, h);
  }
  for (let ti = 0; ti < ZH_HEDGE2.length; ti++) {
    const e_ = ZH_HEDGE2[ti]!;
    const pat = e_[0];
    const h = e_[1];
    const st = matchBefore(k, pat);
    if (st >= 0) return setH(st, h);
  }
  if (k - 1 < lastEnd) return false;
  const y = c(k - 2);
  if (x === ZH_CHAO || x === ZH_YU2) return setH(k - 1, 'over');
  if (x === ZH_YUE && !YUE_NOT_HEDGE.has(y)) return setH(k - 1, 'about');
  if (x === ZH_JIN && !JIN_NOT_HEDGE.has(y)) return setH(k - 1, 'nearly');
  return false;
}
function setH(st: number, h: Hedge): boolean {
  hStart = st;
  hKind = h;
  return true;
}

// ---------------------------------------------------------------------------------------------
// scale words

let rExp = 0;
let rEnd = 0;
let rEflops = false;

const EN_SCALES: [string, number][] = [
  ['hundred', 2],
  ['thousand', 3],
  ['million', 6],
  ['billion', 9],
  ['trillion', 12],
  ['mln', 6],
  ['bln', 9],
  ['trn', 12],
  ['mn', 6],
  ['bn', 9],
  ['tn', 12],
];

/** English scale words at j (after spaces, or glued): "million", "hundred million", "bn". Sets rExp/rEnd. */
function enScale(j: number): boolean {
  let k = j;
  if (isSpace(c(k))) {
    let n = 0;
    while (n < 3 && c(k) === SPACE) {
      k++;
      n++;
    }
    if (!isAsciiLetter(c(k))) return false;
  } else if (c(k) === HYPHEN && isAsciiLetter(c(k + 1))) {
    k++; // the 600-million mark (but not 600-million-user: see below)
  } else if (!isAsciiLetter(c(k))) return false;
  let e = 0;
  let end = -1;
  for (let count = 0; count < 3; count++) {
    let found = -1;
    let fe = 0;
    const first = lower(c(k));
    if (first !== 104 && first !== 116 && first !== 109 && first !== 98) break; // h t m b
    for (let ti = 0; ti < EN_SCALES.length; ti++) {
      const e_ = EN_SCALES[ti]!;
      const w = e_[0];
      const x = e_[1];
      const m = matchAt(k, w);
      if (m >= 0 && !isLetter(c(m))) {
        found = m;
        fe = x;
        break;
      }
    }
    if (found < 0) break;
    if (c(found) === HYPHEN && isLetter(c(found + 1))) return false; // "million-dollar", "ten-thousand-GPU"
    e += fe;
    end = found;
    if (c(found) !== SPACE) break;
    let k2 = found;
    let n = 0;
    while (n < 3 && c(k2) === SPACE) {
      k2++;
      n++;
    }
    k = k2;
  }
  if (end < 0) return false;
  rExp = e;
  rEnd = end;
  return true;
}

/** Chinese scale at k: [百千]? (万|亿|万亿|亿亿|兆)?, nonempty; not before 卡 (万卡 = ten-thousand-card). */
function zhScale(k: number): boolean {
  let i = k;
  let e = 0;
  const a = c(i);
  if (a === U_BAI && c(i + 1) !== Z_FEN) {
    e = 2;
    i++;
  } else if (a === U_QIAN && !QIAN_UNIT_AFTER.has(c(i + 1))) {
    e = 3;
    i++;
  }
  const b = c(i);
  if (b === U_WAN) {
    e += 4;
    i++;
    if (c(i) === U_YI) {
      e += 8;
      i++;
    }
  } else if (b === U_YI) {
    e += 8;
    i++;
    if (c(i) === U_YI) {
      e += 8;
      i++;
    }
  } else if (b === Z_ZHAO && !ZHAO_UNIT_AFTER.has(c(i + 1))) {
    e += 12;
    i++;
  }
  if (i === k) return false;
  if (c(i) === Z_KA) return false;
  rEflops = false;
  if (e === 18 && a === U_BAI && c(i) === Z_CI) {
    // 百亿亿次/秒 = EFLOPS
    i++;
    let m = matchAt(i, '浮点运算');
    if (m >= 0) i = m;
    m = matchAt(i, '/秒');
    if (m < 0) m = matchAt(i, '每秒');
    if (m >= 0) i = m;
    rEflops = true;
  }
  rExp = e;
  rEnd = i;
  return true;
}

// ---------------------------------------------------------------------------------------------
// units after a figure

const K_PCT = 1;
const K_PP = 2;
const K_R3 = 3;
const K_R4 = 4;
const K_R5 = 5;
const K_EF = 6;
const K_CUR = 7;

const EN_UNITS: [string, number, string?][] = [
  ['percentage points', K_PP],
  ['percentage point', K_PP],
  ['percentage-points', K_PP],
  ['percentage-point', K_PP],
  ['percent', K_PCT],
  ['per cent', K_PCT],
  ['per-cent', K_PCT],
  ['pct', K_PCT],
  ['ppts', K_PP],
  ['ppt', K_PP],
  ['pp', K_PP],
  ['points', K_PP], // "up 25.2 points" (percentage points in statistics reporting)
  ['pts', K_PP],
  ['per ten thousand', K_R4],
  ['per 10,000', K_R4],
  ['per 10000', K_R4],
  ['per hundred thousand', K_R5],
  ['per 100,000', K_R5],
  ['per 100000', K_R5],
  ['per thousand', K_R3],
  ['per mille', K_R3],
  ['per 1,000', K_R3],
  ['per 1000', K_R3],
  ['exaflops', K_EF],
  ['eflops', K_EF],
  ['exaflop/s', K_EF],
  ['eflop/s', K_EF],
  ['u.s. dollars', K_CUR, 'USD'],
  ['u.s. dollar', K_CUR, 'USD'],
  ['us dollars', K_CUR, 'USD'],
  ['us dollar', K_CUR, 'USD'],
  ['hong kong dollars', K_CUR, 'HKD'],
  ['hk dollars', K_CUR, 'HKD'],
  ['dollars', K_CUR, 'USD'],
  ['dollar', K_CUR, 'USD'],
  ['usd', K_CUR, 'USD'],
  ['yuan', K_CUR, 'CNY'],
  ['renminbi', K_CUR, 'CNY'],
  ['rmb', K_CUR, 'CNY'],
  ['cny', K_CUR, 'CNY'],
  ['euros', K_CUR, 'EUR'],
  ['euro', K_CUR, 'EUR'],
  ['eur', K_CUR, 'EUR'],
  ['yen', K_CUR, 'JPY'],
  ['jpy', K_CUR, 'JPY'],
  ['pounds sterling', K_CUR, 'GBP'],
  ['gbp', K_CUR, 'GBP'],
  ['hkd', K_CUR, 'HKD'],
];
const ZH_CURRENCY: [string, string][] = [
  ['美元', 'USD'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['欧元', 'EUR'],
  ['日元', 'JPY'],
  ['英镑', 'GBP'],
  ['人民币', 'CNY'],
  ['元', 'CNY'],
];
const EN_SUFFIX_HEDGE: [string, Hedge][] = [
  ['or more', 'over'],
  ['and above', 'over'],
  ['or above', 'over'],
  ['and over', 'over'],
  ['or higher', 'over'],
];
const ZH_SUFFIX_HEDGE: [string, Hedge][] = [
  ['以上', 'over'],
  ['以下', 'under'],
  ['以内', 'under'],
  ['左右', 'about'],
  ['上下', 'about'],
];
const SHANGXIA_NOT = new Set<number>(Array.from('游班文级楼层', cp));
const ZH_SUFFIX_FIRST = new Set<number>(ZH_SUFFIX_HEDGE.map(([w]) => w.charCodeAt(0)));
const ZH_CURRENCY_FIRST = new Set<number>(ZH_CURRENCY.map(([w]) => w.charCodeAt(0)));
/** EN_UNITS grouped by first letter. */
const EN_UNITS_BY_FIRST = new Map<number, [string, number, string?][]>();
for (const u of EN_UNITS) {
  const f = u[0].charCodeAt(0);
  const list = EN_UNITS_BY_FIRST.get(f);
  if (list) list.push(u);
  else EN_UNITS_BY_FIRST.set(f, [u]);
}

const GROWTH_VERBS = ['增长', '增加', '提高', '提升', '上升', '扩大', '增大'];

/** Is the figure starting at q (possibly after a Chinese hedge) the object of a growth verb (增长了近两倍)? */
function growthBefore(q: number): boolean {
  let k = q;
  const saveS = hStart;
  const saveK = hKind;
  if (zhHedge(k)) k = hStart;
  hStart = saveS;
  hKind = saveK;
  if (c(k - 1) === Z_LE) k--;
  for (const v of GROWTH_VERBS) if (matchBefore(k, v) >= 0) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// context rejections for bare numbers

const AM_PM = ['a.m.', 'p.m.', 'am', 'pm'];
const MONTHS = new Set([
  'jan',
  'january',
  'feb',
  'february',
  'mar',
  'march',
  'apr',
  'april',
  'may',
  'jun',
  'june',
  'jul',
  'july',
  'aug',
  'august',
  'sep',
  'sept',
  'september',
  'oct',
  'october',
  'nov',
  'november',
  'dec',
  'december',
]);
const NOT_FIGURE_BEFORE = new Set([
  'iphone',
  'ipad',
  'windows',
  'android',
  'ios',
  'macos',
  'pixel',
  'galaxy',
  'mate',
  'nova',
  'redmi',
  'version',
  'ver',
  'v',
  'article',
  'art',
  'chapter',
  'section',
  'sec',
  'page',
  'pages',
  'p',
  'figure',
  'fig',
  'table',
  'vol',
  'volume',
  'no',
  'nos',
  'number',
  'room',
  'level',
  'grade',
  'class',
  'step',
  'phase',
  'part',
  'episode',
  'season',
  'gen',
  'generation',
  'model',
  'series',
  'route',
  'flight',
  'gate',
  'platform',
  'paragraph',
  'para',
  'clause',
  'annex',
  'appendix',
  'item',
  'rule',
  'lesson',
  'unit',
  'act',
  'track',
  'ps',
  'xbox',
  'office',
  'iso',
  'ernie',
]);

const RANGE_SEP = new Set<number>([HYPHEN, 0x2014, 0x2015, 0x301c, 0x7e, cp('至'), cp('到')]);
/** "1—8月", "1至8月", "3-5日": a bare number that starts a date range. */
function dateRangeAfter(j: number): boolean {
  if (!RANGE_SEP.has(c(j))) return false;
  let k = j + 1;
  let n = 0;
  while (n < 4 && isDigit(c(k))) {
    k++;
    n++;
  }
  if (n === 0) {
    while (n < 4 && isZhNumeral(c(k))) {
      k++;
      n++;
    }
  }
  if (n === 0) return false;
  const x = c(k);
  return x === Z_NIAN || x === Z_YUE || x === Z_RI || x === Z_HAO;
}

function atLineStart(p: number): boolean {
  let k = p - 1;
  let n = 0;
  while (k >= 0 && n < 16) {
    const x = c(k);
    if (x === LF || x === CR) return true;
    if (x !== SPACE && x !== TAB) return false;
    k--;
    n++;
  }
  return k < 0;
}

/** Ordinal / numbering markers directly before p: 第, #, No. */
function ordinalBefore(p: number): boolean {
  let k = p;
  if (c(k - 1) === SPACE) k--;
  const x = c(k - 1);
  if (x === Z_DI || x === HASH) return true;
  if (x === Z_BEI2 || x === Z_ZHENG) {
    // 京ICP备12345678号, 京ICP证030173号, 沪公网安备 31010602000012号
    if (matchBefore(k - 1, 'icp') >= 0 || matchBefore(k - 1, '网安') >= 0) return true;
  }
  if (x === DOT) {
    const w = wordEndingAt(k);
    if (w === 'no' || w === 'nos') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// figure completion: scale, unit, suffix hedges, context checks, prefix hedges, emission

const SRC_ASCII = 0;
const SRC_ZH = 1;
const SRC_WORD = 2;

/**
 * Completes a figure whose numeral is s[vs, ve) with mantissa M (integer, fraction digits included),
 * `frac` fraction digits and scale exponent `exp`. Returns where to resume scanning.
 */
function finish(
  src: number,
  vs: number,
  ve: number,
  numEnd: number,
  M: number,
  frac: number,
  exp: number,
  scaled: boolean,
  single: boolean,
  plainDigits: number, // ASCII: number of integer digits when plain (no grouping, no fraction), else 0
  rejectTo: number,
): number {
  let j = numEnd;
  let kind: FigureKind = 'count';
  let unitKind = 0;
  let cur = curCode;
  let sufH: Hedge = 'none';
  let classifier = false;
  let mult = false;
  const glued = isLetter(c(numEnd));
  let gluedUsed = false;

  // ---- scale
  if (!scaled && src !== SRC_ZH && enScale(j)) {
    if (rEnd > j && isLetter(c(j))) gluedUsed = true;
    exp += rExp;
    j = rEnd;
    scaled = true;
  }
  if (src !== SRC_WORD) {
    const duo = c(j) === Z_DUO || c(j) === Z_YU;
    if (!scaled) {
      let k = j + (duo ? 1 : 0);
      if (!duo && src === SRC_ASCII && c(k) === SPACE) k++;
      if (zhScale(k)) {
        if (!rEflops) exp += rExp;
        j = rEnd;
        scaled = true;
        if (duo) sufH = 'over';
        if (rEflops) unitKind = K_EF;
        else if (c(j) === Z_DUO || c(j) === Z_YU) {
          sufH = 'over';
          j++;
        }
      } else if (duo) {
        sufH = 'over';
        j++;
      }
    } else if (duo) {
      sufH = 'over';
      j++;
    }
  }

  // ---- unit
  if (unitKind === 0) {
    const ks = c(j) === SPACE ? j + 1 : j;
    const u0 = c(ks);
    if (u0 === PERCENT) {
      unitKind = K_PCT;
      j = ks + 1;
    } else if (u0 === PERMILLE) {
      unitKind = K_R3;
      j = ks + 1;
    } else if (u0 === PERMYRIAD) {
      unitKind = K_R4;
      j = ks + 1;
    } else if (src !== SRC_ZH) {
      // English unit words: glued, after spaces, or after a hyphen (percent only)
      let kw = j;
      let hyph = false;
      if (c(kw) === HYPHEN && isAsciiLetter(c(kw + 1))) {
        kw++;
        hyph = true;
      } else {
        let n = 0;
        while (n < 3 && c(kw) === SPACE) {
          kw++;
          n++;
        }
      }
      if (isAsciiLetter(c(kw))) {
        const units = EN_UNITS_BY_FIRST.get(lower(c(kw)));
        for (let ti = 0; units !== undefined && ti < units.length; ti++) {
          const e_ = units[ti]!;
          const w = e_[0];
          const k = e_[1];
          const code = e_[2];
          if (hyph && k !== K_PCT && k !== K_PP) continue;
          if (k === K_CUR && cur !== undefined) continue;
          const m = matchAt(kw, w);
          if (m < 0 || isLetter(c(m)) || (isDigit(c(m - 1)) && (isDigit(c(m)) || (c(m) === COMMA && isDigit(c(m + 1))))))
            continue;
          unitKind = k;
          if (code !== undefined) cur = code;
          if (kw === numEnd) gluedUsed = true;
          j = m;
          break;
        }
      }
    }
    if (unitKind === 0 && src !== SRC_WORD) {
      const k = src === SRC_ASCII && c(j) === SPACE ? j + 1 : j;
      const x = c(k);
      let m: number;
      if ((x === Z_GE || x === U_BAI) && ((m = matchAt(k, '个百分点')) >= 0 || (m = matchAt(k, '百分点')) >= 0)) {
        unitKind = K_PP;
        j = m;
      } else if (x === Z_CHENG) {
        if (!scaled && cur === undefined && scaleBy(M, -frac) <= 10 && matchAt(k + 1, '不变') < 0) {
          unitKind = K_PCT;
          exp += 1;
          j = k + 1;
        }
      } else if (x === Z_BEI) {
        if (!scaled && growthBefore(curStart >= 0 ? curStart : vs)) {
          unitKind = K_PCT;
          exp += 2;
          mult = true;
          j = k + 1;
          if (c(j) === Z_DUO || c(j) === Z_YU) {
            sufH = 'over'; // 增长了两倍多
            j++;
          }
        }
      } else {
        {
          for (let ti = 0; ZH_CURRENCY_FIRST.has(x) && ti < ZH_CURRENCY.length; ti++) {
            const e_ = ZH_CURRENCY[ti]!;
            const w = e_[0];
            const code = e_[1];
            const e2 = matchAt(k, w);
            if (e2 >= 0 && (cur === undefined || cur === code)) {
              cur = code;
              unitKind = K_CUR;
              j = e2;
              if (code === 'CNY' && w === '元') {
                const e3 = matchAt(j, '人民币');
                if (e3 >= 0) j = e3;
              }
              break;
            }
          }
        }
        if (unitKind === 0 && k === j && CLASSIFIERS.has(x)) {
          classifier = true;
          j = k + 1;
          if (x === Z_REN && c(j) === Z_CI) j++;
        }
      }
    }
  }
  if (glued && !gluedUsed) return rejectTo; // 57th, 5G, 1990s, 10am …

  // ---- suffix hedges
  if (src !== SRC_WORD) {
    for (let ti = 0; ZH_SUFFIX_FIRST.has(c(j)) && ti < ZH_SUFFIX_HEDGE.length; ti++) {
      const e_ = ZH_SUFFIX_HEDGE[ti]!;
      const w = e_[0];
      const h = e_[1];
      const m = matchAt(j, w);
      if (m >= 0) {
        if (w === '上下' && SHANGXIA_NOT.has(c(m))) break;
        sufH = h;
        j = m;
        break;
      }
    }
  }
  if (sufH === 'none' && c(j) === PLUS && !isDigit(c(j + 1))) {
    sufH = 'over'; // 10万+, 600+
    j++;
  }
  if (sufH === 'none' && src !== SRC_ZH && c(j) === SPACE) {
    const f = lower(c(j + 1));
    if (f === 111 || f === 97) {
      for (let ti = 0; ti < EN_SUFFIX_HEDGE.length; ti++) {
        const e_ = EN_SUFFIX_HEDGE[ti]!;
        const w = e_[0];
        const h = e_[1];
        const m = matchAt(j + 1, w);
        if (m >= 0 && !isLetter(c(m))) {
          sufH = h;
          j = m;
          break;
        }
      }
    }
  }

  switch (unitKind) {
    case K_PCT:
      kind = 'percent';
      break;
    case K_PP:
      kind = 'percentage-points';
      break;
    case K_R3:
      kind = 'ratio';
      exp -= 3;
      break;
    case K_R4:
      kind = 'ratio';
      exp -= 4;
      break;
    case K_R5:
      kind = 'ratio';
      exp -= 5;
      break;
    case K_EF:
      kind = 'eflops';
      break;
  }
  if (kind === 'count' && cur !== undefined) kind = 'currency';
  if (kind !== 'currency') cur = undefined;

  // ---- context rejections
  const bare = kind === 'count' && !scaled && !classifier;
  if (ordinalBefore(curStart >= 0 ? curStart : vs)) return rejectTo;
  if (bare) {
    if (src === SRC_WORD) return rejectTo;
    const nx = c(j) === SPACE ? c(j + 1) : c(j);
    if (nx === Z_NIAN || nx === Z_YUE || nx === Z_RI || nx === Z_HAO || nx === Z_SHI2) return rejectTo;
    if (nx === Z_DIAN && !isDigit(c(j + 1)) && zhDigit(c(j + 1)) < 0) return rejectTo;
    if (c(vs - 1) === LPAREN && c(j) === RPAREN) return rejectTo; // (3), （二）
    if (dateRangeAfter(j)) return rejectTo; // 1—8月, 1至8月
    const pv = c(vs - 1);
    if ((pv === HYPHEN || pv === PLUS) && !isSpace(c(vs - 2)) && vs - 1 > 0 && !isDigit(c(vs - 2))) return rejectTo; // 号-1, GMT+8
    if (pv === Z_BIAO || pv === Z_TU) return rejectTo; // 表1, 图2
    if (src === SRC_ZH) {
      if (single) return rejectTo;
      if (frac === 0 && M < 100) return rejectTo;
      if (c(j) === Z_COMMA) return rejectTo; // 十二、
    } else if (plainDigits > 0) {
      if (plainDigits === 4 && M >= 1900 && M <= 2100) return rejectTo; // a year
      if (plainDigits >= 7) return rejectTo; // an ID
      if (
        plainDigits <= 3 &&
        atLineStart(vs) &&
        ((c(j) === DOT && !isDigit(c(j + 1))) || c(j) === RPAREN || c(j) === Z_COMMA)
      )
        return rejectTo; // list numbering
      if (curStart < 0) {
        const w = prevWord(vs);
        if (w !== null) {
          if (NOT_FIGURE_BEFORE.has(w)) return rejectTo;
          if (M <= 31 && MONTHS.has(w) && c(pwStart) <= 90) return rejectTo; // Feb. 5
        }
        if (M <= 31 && c(j) === SPACE && isAsciiLetter(c(j + 1))) {
          let k = j + 1;
          while (k - j < 12 && isAsciiLetter(c(k))) k++;
          const w2 = wordEndingAt(k);
          if (w2 !== null && c(j + 1) <= 90 && MONTHS.has(w2)) return rejectTo; // 5 December
        }
        if (c(j) === SPACE) {
          for (const w of AM_PM) {
            const e2 = matchAt(j + 1, w);
            if (e2 >= 0 && !isLetter(c(e2))) return rejectTo; // 10 am
          }
        }
      }
    }
  } else if (src === SRC_ZH && single && !scaled && kind !== 'percent' && kind !== 'percentage-points' && kind !== 'ratio') {
    return rejectTo; // 三个, 一家 …: single-character numerals need a scale or a percentage
  } else if (src === SRC_WORD && !scaled && kind !== 'percent' && kind !== 'percentage-points' && kind !== 'ratio') {
    return rejectTo; // English number words need a scale word, a percentage or a per-thousand
  }
  if (plainDigits >= 7 && !scaled && kind === 'count' && !classifier) return rejectTo;

  // ---- prefix hedge
  let start = curStart >= 0 ? curStart : vs;
  let hedge: Hedge = 'none';
  if (src !== SRC_WORD && zhHedge(start)) {
    hedge = hKind;
    start = hStart;
  } else if (src !== SRC_ZH && enHedge(start)) {
    hedge = hKind;
    start = hStart;
  }
  if (hedge === 'none') hedge = sufH;

  emit(start, j, vs, ve, M, frac, exp, kind, cur, hedge, mult);
  return j;
}

function emit(
  start: number,
  end: number,
  vs: number,
  ve: number,
  M: number,
  frac: number,
  exp: number,
  kind: FigureKind,
  cur: string | undefined,
  hedge: Hedge,
  mult: boolean,
): void {
  const value = scaleBy(M, exp - frac);
  if (!Number.isFinite(value)) return;
  let sig: number;
  let unit: number;
  const a = Math.abs(M);
  if (a === 0) {
    sig = 1;
    unit = pow10(exp - frac);
  } else if (frac > 0) {
    sig = numDigits(a);
    unit = pow10(exp - frac);
  } else {
    let m = a;
    let tz = 0;
    while (tz < 40 && m >= 10 && m % 10 === 0) {
      m = Math.round(m / 10);
      tz++;
    }
    sig = numDigits(m);
    unit = pow10(exp + tz);
  }
  const r: RecognisedNumber = {
    start,
    end,
    valueStart: vs,
    valueEnd: ve,
    value,
    kind,
    hedge,
    significantDigits: sig,
    unit,
  };
  if (cur !== undefined) r.currency = cur;
  if (mult) r.multiplier = true;
  OUT.push(r);
  lastEnd = end;
}

// ---------------------------------------------------------------------------------------------
// anchors

function digitCandidate(p: number): number {
  const prev = c(p - 1);
  if (isDigit(prev)) return skipRun(p);
  let i = p;
  let M = 0;
  let nInt = 0;
  let frac = 0;
  let grouped = false;
  while (isDigit(c(i))) {
    M = M * 10 + (c(i) - 48);
    nInt++;
    i++;
  }
  if (nInt <= 3) {
    while (c(i) === COMMA && isDigit(c(i + 1)) && isDigit(c(i + 2)) && isDigit(c(i + 3)) && !isDigit(c(i + 4))) {
      M = M * 1000 + (c(i + 1) - 48) * 100 + (c(i + 2) - 48) * 10 + (c(i + 3) - 48);
      nInt += 3;
      i += 4;
      grouped = true;
    }
  }
  if (c(i) === DOT && isDigit(c(i + 1))) {
    i++;
    while (isDigit(c(i))) {
      M = M * 10 + (c(i) - 48);
      frac++;
      i++;
    }
  }
  const ve = i;
  if (nInt + frac > 22) return skipRun(p);
  const nx = c(ve);
  const nx1 = c(ve + 1);
  // 1.2.3, 10:30, 2026/02/06, 1920x1080, 1920×1080
  if ((nx === DOT || nx === COLON || nx === SLASH || nx === TIMES) && isDigit(nx1)) return skipRun(p);
  if ((nx === 120 || nx === 88) && isDigit(nx1)) return skipRun(p);
  if ((prev === COLON || prev === SLASH || prev === TIMES || prev === DOT || prev === COMMA) && isDigit(c(p - 2))) return skipRun(p);
  // v.2, GPT-4, COVID-19, foo_1, a@1
  if ((prev === DOT || prev === HYPHEN) && isLetter(c(p - 2))) return skipRun(p);
  if (prev === UNDERSCORE || prev === AT) return skipRun(p);
  if (prev === SLASH && (isLetter(c(p - 2)) || c(p - 2) === SLASH || c(p - 2) === DOT)) return skipRun(p); // …/cnnic/57
  const plain = !grouped && frac === 0;
  const leadingZero = nInt > 1 && c(p) === 48; // 010, 030173, 06.00
  if (leadingZero && !plain) return skipRun(p);

  curStart = -1;
  curCode = undefined;
  if (isLetter(prev)) {
    // digits glued to letters: model names (H100, Qwen2.5) unless a currency code (RMB1.2)
    if (!isAsciiLetter(prev) || !currencyBefore(p, false)) return skipRun(p);
  } else if (prev === DOLLAR || prev === YEN || prev === EURO || prev === POUND || prev === SPACE || prev >= 0x3000) {
    currencyBefore(p, true);
  }

  // phone numbers, dates and year ranges written as digit groups
  if (plain) {
    let areaCode = false; // (010) 6552 1234, (02) 2345-6789
    {
      let k = prev === SPACE ? p - 2 : p - 1;
      if (c(k) === RPAREN) {
        k--;
        let n = 0;
        while (n < 5 && isDigit(c(k))) {
          k--;
          n++;
        }
        areaCode = n > 0 && c(k) === LPAREN;
      }
    }
    let g = 1;
    let total = nInt;
    let j = ve;
    let sep1 = 0;
    let len2 = 0;
    let anyHyphen = false;
    let lastLen = nInt;
    while (g < 12) {
      const sc = c(j);
      if ((sc === SPACE || sc === HYPHEN) && isDigit(c(j + 1))) {
        let k = j + 1;
        while (isDigit(c(k))) k++;
        const n = k - j - 1;
        if ((c(k) === DOT || c(k) === COMMA) && isDigit(c(k + 1))) break;
        if (g === 1) {
          sep1 = sc;
          len2 = n;
        }
        if (sc === HYPHEN) anyHyphen = true;
        lastLen = n;
        g++;
        total += n;
        j = k;
      } else break;
    }
    if (g >= 2) {
      if (
        (anyHyphen && g >= 3 && total >= 7) || // 2026-02-06, 400-810-8888
        (!anyHyphen && total >= 8 && lastLen === 4) || // 6552 1234, 010 6552 1234 (but not a table row 446 538 302)
        (g === 2 && sep1 === HYPHEN && len2 >= 7) || // 021-60000000
        prev === PLUS ||
        leadingZero ||
        areaCode
      )
        return j;
      if (g === 2 && sep1 === HYPHEN && nInt === 4 && M >= 1900 && M <= 2100 && (len2 === 2 || len2 === 4)) return j;
    }
    if (leadingZero || (areaCode && nInt >= 3)) return skipRun(p);
  }

  // compact scale letters glued to the digits: 254K, 602M, 1.1B, 1.2T; mn/bn/tn
  let exp = 0;
  let j = ve;
  let scaled = false;
  if (isAsciiLetter(nx)) {
    if (!isLetter(nx1)) {
      let e = 0;
      if (nx === 75 || nx === 107) e = 3;
      else if (nx === 77) e = 6;
      else if (nx === 66) e = 9;
      else if (nx === 84) e = 12;
      else if (nx === 109) e = 6; // 327m (British "million"; 5mm, 3min are rejected as glued letters)
      else if (curStart >= 0 && nx === 98) e = 9;
      if (e !== 0) {
        if (nx === 75 && plain && nInt === 1 && (M === 4 || M === 8) && curStart < 0) return skipRun(p); // 4K, 8K video
        if (c(ve + 1) === HYPHEN && isLetter(c(ve + 2))) {
          // 5M-strong: adjective, keep the plain number
        } else {
          exp = e;
          j = ve + 1;
          scaled = true;
        }
      }
    }
    if (!scaled && enScale(ve)) {
      exp = rExp;
      j = rEnd;
      scaled = true;
    }
  }
  const r = finish(SRC_ASCII, p, ve, j, M, frac, exp, scaled, false, plain ? nInt : 0, skipRun(p));
  curStart = -1;
  curCode = undefined;
  return r;
}

function zhCandidate(p: number): number {
  const a = c(p);
  if ((a === U_BAI || a === U_QIAN || a === U_WAN) && c(p + 1) === Z_FEN && c(p + 2) === Z_ZHI) return fractionCandidate(p);
  let runEnd = p;
  while (isZhNumeral(c(runEnd))) runEnd++;
  const prev = c(p - 1);
  if (isZhNumeral(prev) || prev === Z_DI || prev === Z_FAN) return runEnd;
  if (a === U_SHI && (prev === Z_SHU || prev === Z_JI || prev === Z_SHANG || prev === Z_CHENG || prev === Z_HAO3)) return runEnd;
  const skipTo = runEnd;
  // 四十二万卡: 万卡 (ten-thousand-card) never multiplies
  if (runEnd - p >= 2 && c(runEnd) === Z_KA && (c(runEnd - 1) === U_WAN || c(runEnd - 1) === U_QIAN)) runEnd--;
  if (runEnd - p === 1) {
    const n1 = c(runEnd);
    if (n1 !== Z_CHENG && n1 !== Z_BEI && n1 !== Z_DIAN && n1 !== Z_GE && n1 !== Z_DUO && n1 !== Z_YU) return skipTo;
  }
  const v = parseZhInt(S, p, runEnd);
  if (!(v >= 0)) return skipTo;
  let M = v;
  let frac = 0;
  let exp = 0;
  let scaled = false;
  for (let i = p; i < runEnd; i++) {
    const u = zhUnit(c(i));
    if (u >= 1e4) scaled = true;
  }
  let ve = runEnd;
  let j = runEnd;
  if (c(j) === Z_DIAN && zhDigit(c(j + 1)) >= 0 && !scaled) {
    let k = j + 1;
    let F = 0;
    while (frac < 20 && zhDigit(c(k)) >= 0) {
      F = F * 10 + zhDigit(c(k));
      frac++;
      k++;
    }
    M = v * pow10(frac) + F;
    ve = k;
    if (zhScale(k)) {
      exp = rExp;
      k = rEnd;
      scaled = true;
    } else if (isZhNumeral(c(k))) return k;
    j = k;
  } else if (scaled) {
    // 六亿: the numeral is 六, 亿 is the scale (when the scale only trails)
    let k = runEnd;
    while (k > p && zhUnit(c(k - 1)) >= 1e4) k--;
    let inner = false;
    for (let i = p; i < k; i++) if (zhUnit(c(i)) >= 1e4) inner = true;
    if (!inner && k > p) ve = k;
  }
  const single = runEnd - p === 1 && frac === 0;
  curStart = -1;
  curCode = undefined;
  if (prev === Z_BI || prev === YEN || prev === DOLLAR) currencyBefore(p, true);
  const r = finish(SRC_ZH, p, ve, j, M, frac, exp, scaled, single, 0, skipTo);
  curStart = -1;
  curCode = undefined;
  return r;
}

/** 百分之八十, 百分之四十二点八, 千分之三, 万分之五 (also with ASCII digits). */
function fractionCandidate(p: number): number {
  const d = c(p);
  let k = p + 3;
  let M = 0;
  let frac = 0;
  const vs = k;
  if (isDigit(c(k))) {
    while (isDigit(c(k)) && k - vs < 16) {
      M = M * 10 + (c(k) - 48);
      k++;
    }
    if (c(k) === DOT && isDigit(c(k + 1))) {
      k++;
      while (isDigit(c(k)) && frac < 16) {
        M = M * 10 + (c(k) - 48);
        frac++;
        k++;
      }
    }
  } else {
    let e = k;
    while (isZhNumeral(c(e))) e++;
    if (e === k) return p + 3;
    const v = parseZhInt(S, k, e);
    if (!(v >= 0)) return e;
    M = v;
    k = e;
    if (c(k) === Z_DIAN && zhDigit(c(k + 1)) >= 0) {
      k++;
      let F = 0;
      while (frac < 16 && zhDigit(c(k)) >= 0) {
        F = F * 10 + zhDigit(c(k));
        frac++;
        k++;
      }
      M = v * pow10(frac) + F;
    }
  }
  const ve = k;
  let sufH: Hedge = 'none';
  for (let ti = 0; ZH_SUFFIX_FIRST.has(c(k)) && ti < ZH_SUFFIX_HEDGE.length; ti++) {
    const e_ = ZH_SUFFIX_HEDGE[ti]!;
    const w = e_[0];
    const h = e_[1];
    const m = matchAt(k, w);
    if (m >= 0) {
      if (w === '上下' && SHANGXIA_NOT.has(c(m))) break;
      sufH = h;
      k = m;
      break;
    }
  }
  let start = p;
  let hedge: Hedge = sufH;
  if (zhHedge(p)) {
    start = hStart;
    hedge = hKind;
  }
  const kind: FigureKind = d === U_BAI ? 'percent' : 'ratio';
  const exp = d === U_BAI ? 0 : d === U_QIAN ? -3 : -4;
  emit(start, k, vs, ve, M, frac, exp, kind, undefined, hedge, false);
  return k;
}

/** 翻番, 翻倍, 翻了一番, 翻两番, 翻了近一番 → growth in percent. */
function fanCandidate(p: number): number {
  let k = p + 1;
  let vs = p;
  let ve: number;
  let n: number; // growth as a multiple of 100 %
  let hedge: Hedge = 'none';
  const a = c(k);
  if (a === Z_FAN2 || a === Z_BEI) {
    ve = k + 1;
    n = 1;
    k = k + 1;
  } else {
    if (c(k) === Z_LE) k++;
    const m2 = matchAt(k, '接近') >= 0 ? matchAt(k, '接近') : matchAt(k, '将近');
    if (m2 >= 0) {
      hedge = 'nearly';
      k = m2;
    } else if (c(k) === ZH_JIN) {
      hedge = 'nearly';
      k++;
    } else if (matchAt(k, '超过') >= 0) {
      hedge = 'over';
      k += 2;
    } else if (c(k) === ZH_CHAO) {
      hedge = 'over';
      k++;
    } else if (c(k) === ZH_YUE) {
      hedge = 'about';
      k++;
    }
    let d = zhDigit(c(k));
    if (d < 0 && isDigit(c(k)) && !isDigit(c(k + 1))) d = c(k) - 48;
    const unitCh = c(k + 1);
    if (d < 1 || d > 9 || (unitCh !== Z_FAN2 && unitCh !== Z_BEI)) return p + 1;
    vs = k;
    ve = k + 1;
    // 翻X番 = ×2^X; 翻了X倍 = +X×100 %
    n = unitCh === Z_FAN2 ? Math.pow(2, d) - 1 : d;
    k = k + 2;
  }
  let end = k;
  if (c(end) === Z_DUO) {
    if (hedge === 'none') hedge = 'over';
    end++;
  }
  let start = p;
  if (zhHedge(p)) {
    start = hStart;
    if (hedge === 'none') hedge = hKind;
  }
  emit(start, end, vs, ve, n, 0, 2, 'percent', undefined, hedge, true);
  return end;
}

const WORD_VALUES = new Map<string, number>([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);
const MULTIPLIER_WORDS = new Map<string, [number, number]>([
  // word → [mantissa, exponent]
  ['doubled', [1, 2]],
  ['doubles', [1, 2]],
  ['tripled', [2, 2]],
  ['triples', [2, 2]],
  ['trebled', [2, 2]],
  ['quadrupled', [3, 2]],
  ['quadruples', [3, 2]],
  ['halved', [-5, 1]],
]);

function wordCandidate(p: number, wEnd: number): number {
  let w = '';
  for (let i = p; i < wEnd; i++) w += String.fromCharCode(lower(c(i)));
  const mw = MULTIPLIER_WORDS.get(w);
  curStart = -1;
  curCode = undefined;
  if (mw !== undefined) {
    let start = p;
    let hedge: Hedge = 'none';
    if (enHedge(p)) {
      start = hStart;
      hedge = hKind;
    }
    emit(start, wEnd, p, wEnd, mw[0], 0, mw[1], 'percent', undefined, hedge, true);
    return wEnd;
  }
  let v = WORD_VALUES.get(w);
  if (v === undefined) return wEnd;
  let ve = wEnd;
  if (v >= 20 && c(ve) === HYPHEN && isAsciiLetter(c(ve + 1))) {
    let k = ve + 1;
    while (k - ve < 8 && isAsciiLetter(c(k))) k++;
    if (!isLetter(c(k))) {
      let u = '';
      for (let i = ve + 1; i < k; i++) u += String.fromCharCode(lower(c(i)));
      const uv = WORD_VALUES.get(u);
      if (uv !== undefined && uv < 10) {
        v += uv;
        ve = k;
      }
    }
  }
  return finish(SRC_WORD, p, ve, ve, v, 0, 0, false, false, 0, ve);
}

// ---------------------------------------------------------------------------------------------

/**
 * Anchors: a digit; a run of two or more Chinese numerals; a single Chinese numeral only before
 * 成 倍 点 个 多 余 (八成, 两倍, 六点零二亿, 两个百分点, 十多万); 百分之/千分之/万分之; 翻; English number and
 * multiplier words. Single numerals inside words (一个, 统一, 十分) are not even anchors.
 */
const ANCHOR =
  /[0-9\uFF10-\uFF19]|[零〇一二三四五六七八九十百千万亿两億萬兩]{2,}|[零〇一二三四五六七八九十两兩](?=[成倍点點个個多余餘])|[百千万萬]分之|翻|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|doubled|doubles|tripled|triples|trebled|quadrupled|quadruples|halved)\b/gi;

/**
 * Finds the figures in `text`. Results are sorted by start, never overlap, and carry UTF-16
 * offsets into `text`. Never throws.
 */
export function recogniseNumbers(text: string): RecognisedNumber[] {
  const out: RecognisedNumber[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  S = text;
  L = text.length;
  lastEnd = 0;
  memoEnd = -1;
  OUT = out;
  const re = ANCHOR;
  re.lastIndex = 0;
  try {
    let from = 0;
    while (re.test(text)) {
      const mEnd = re.lastIndex;
      let p = mEnd - 1;
      let x = c(p);
      if (isAsciiLetter(x)) {
        while (p > from && isAsciiLetter(c(p - 1))) p--;
      } else if (x === Z_ZHI) {
        p = mEnd - 3;
        x = c(p);
      } else if (!isDigit(x) && x !== Z_FAN) {
        while (p > from && isZhNumeral(c(p - 1))) p--;
        x = c(p);
      }
      let next: number;
      const n0 = out.length;
      try {
        if (isDigit(x)) next = digitCandidate(p);
        else if (x === Z_FAN) next = fanCandidate(p);
        else if (isAsciiLetter(x)) next = wordCandidate(p, mEnd);
        else next = zhCandidate(p);
      } catch {
        out.length = n0;
        lastEnd = n0 > 0 ? (out[n0 - 1] as RecognisedNumber).end : 0;
        next = mEnd;
      }
      re.lastIndex = next > p ? Math.min(next, L) : mEnd;
      from = re.lastIndex;
      if (from >= L) break;
    }
  } catch {
    // never throw: keep what was found
  }
  S = '';
  OUT = [];
  return out;
}

import { NORM } from './normalise';

/** Chinese numerals, on normalised (Simplified) code units. */

const D_LING = 0x96f6; // 零
const D_O = 0x3007; // 〇
const D_1 = 0x4e00; // 一
const D_2 = 0x4e8c; // 二
const D_LIANG = 0x4e24; // 两
const D_3 = 0x4e09; // 三
const D_4 = 0x56db; // 四
const D_5 = 0x4e94; // 五
const D_6 = 0x516d; // 六
const D_7 = 0x4e03; // 七
const D_8 = 0x516b; // 八
const D_9 = 0x4e5d; // 九
export const U_SHI = 0x5341; // 十
export const U_BAI = 0x767e; // 百
export const U_QIAN = 0x5343; // 千
export const U_WAN = 0x4e07; // 万
export const U_YI = 0x4ebf; // 亿

/** 0-9 for 零〇一二两三…九, else -1. */
export function zhDigit(c: number): number {
  switch (c) {
    case D_LING:
    case D_O:
      return 0;
    case D_1:
      return 1;
    case D_2:
    case D_LIANG:
      return 2;
    case D_3:
      return 3;
    case D_4:
      return 4;
    case D_5:
      return 5;
    case D_6:
      return 6;
    case D_7:
      return 7;
    case D_8:
      return 8;
    case D_9:
      return 9;
    default:
      return -1;
  }
}

/** 10, 100, 1000, 1e4, 1e8 for 十百千万亿, else 0. */
export function zhUnit(c: number): number {
  switch (c) {
    case U_SHI:
      return 10;
    case U_BAI:
      return 100;
    case U_QIAN:
      return 1000;
    case U_WAN:
      return 1e4;
    case U_YI:
      return 1e8;
    default:
      return 0;
  }
}

export function isZhNumeral(c: number): boolean {
  return zhDigit(c) >= 0 || zhUnit(c) > 0;
}

/**
 * Value of the structured Chinese integer numeral s[a, b) (normalised), e.g. 四十二 → 42,
 * 十一亿二千五百万 → 1125000000, 两千五 → 2500. NaN when the run is not a well-formed numeral:
 * digit strings (二〇二五), a leading 百/千/万/亿 (千万, 万一), consecutive digits (三五), disordered units.
 */
export function parseZhInt(s: string, a: number, b: number): number {
  let total = 0; // completed part, multiples of 1e8
  let wan = 0; // completed 万 section
  let sec = 0; // current section below 万
  let digit = -1; // pending digit
  let lastSmall = 0; // last small unit in the current section
  let lastUnit = 0;
  let zero = false;
  let prevDigit = false;
  for (let i = a; i < b; i++) {
    const c = NORM[s.charCodeAt(i)] as number;
    const d = zhDigit(c);
    if (d >= 0) {
      if (prevDigit) return NaN;
      if (d === 0) {
        if (i === a || lastUnit === 0) return NaN;
        zero = true;
        continue;
      }
      digit = d;
      prevDigit = true;
      continue;
    }
    const u = zhUnit(c);
    if (u === 0) return NaN;
    prevDigit = false;
    if (u < 1e4) {
      if (digit < 0) {
        // 十 may stand alone at the start of a section: 十一 = 11, 二百一十 = 210 (with 一), 一亿十万?
        if (u === 10 && (i === a || lastSmall === 0)) digit = 1;
        else return NaN;
      }
      if (lastSmall !== 0 && u >= lastSmall) return NaN;
      sec += digit * u;
      digit = -1;
      lastSmall = u;
      lastUnit = u;
      zero = false;
    } else if (u === 1e4) {
      const n = sec + (digit > 0 ? digit : 0);
      if (n === 0 || wan !== 0) return NaN;
      wan = n * 1e4;
      sec = 0;
      digit = -1;
      lastSmall = 0;
      lastUnit = u;
      zero = false;
    } else {
      const n = total + wan + sec + (digit > 0 ? digit : 0);
      if (n === 0) return NaN;
      total = n * 1e8;
      wan = 0;
      sec = 0;
      digit = -1;
      lastSmall = 0;
      lastUnit = u;
      zero = false;
    }
  }
  if (digit > 0 && lastUnit >= 100 && !zero) {
    // 两千五 = 2500, 一万二 = 12000, 三百六 = 360
    digit *= lastUnit / 10;
  }
  return total + wan + sec + (digit > 0 ? digit : 0);
}

/**
 * Sentence and clause bounds around a figure, found by scanning outwards from it. Only the
 * neighbourhood of each figure is ever scanned, never whole pages.
 */
export interface Span {
  start: number;
  end: number;
}

const ALWAYS_ENDS = new Set(['。', '！', '？', '!', '?', '\u2028', '\u2029']);
const CLAUSE_MARKS = new Set(['，', '、', '；', '：', ';', '—', '–']);
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'st', 'approx', 'est', 'gov', 'dept', 'e.g', 'i.e', 'u.s', 'u.k',
]);

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\u00a0' || ch === '\t' || ch === '\r' || ch === '\u3000';

/** Does the '.' at index i end a sentence? Not in 1.125, U.S. dollars, Feb. 5, Mr. Wang. */
function periodEndsSentence(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next === undefined) return true;
  if (!isSpace(next)) return /[\u3400-\u9fff"“'‘]/.test(next);
  let j = i + 2;
  while (isSpace(text[j])) j++;
  const after = text[j];
  if (after === undefined) return true;
  if (!/[A-Z0-9"“'‘(\u3400-\u9fff]/.test(after)) return false;
  let k = i - 1;
  while (k >= 0 && /[A-Za-z.]/.test(text[k]!)) k--;
  const word = text.slice(k + 1, i).toLowerCase();
  if (word.length === 1 || ABBREVIATIONS.has(word)) return false;
  return true;
}

function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i]!;
  if (ALWAYS_ENDS.has(ch)) return true;
  return ch === '.' && periodEndsSentence(text, i);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function isClauseEnd(text: string, i: number): boolean {
  const ch = text[i]!;
  if (CLAUSE_MARKS.has(ch)) return true;
  // Chinese headlines separate their parts with a space: "网民规模达11.25亿人 生成式人工智能用户突破6亿".
  if ((ch === ' ' || ch === '\u3000') && CJK.test(text[i - 1] ?? '') && CJK.test(text[i + 1] ?? '')) return true;
  if (ch === ',' || ch === ':') return !(isDigit(text[i - 1]) && isDigit(text[i + 1]));
  if (ch === '-' && text[i + 1] === '-') return true;
  return isSentenceEnd(text, i);
}

/** A run-on "sentence" longer than this (a hostile page, a table without punctuation) is cut: context stays local and scanning stays linear. */
const MAX_REACH = 600;

function around(text: string, from: number, to: number, isEnd: (text: string, i: number) => boolean): Span {
  let start = from;
  const minStart = Math.max(0, from - MAX_REACH);
  while (start > minStart && !isEnd(text, start - 1)) start--;
  let end = to;
  const maxEnd = Math.min(text.length, to + MAX_REACH);
  while (end < maxEnd && !isEnd(text, end)) end++;
  return { start, end: Math.min(text.length, end + 1) };
}

/** The sentence containing text[from, to). */
export function sentenceAround(text: string, from: number, to: number): Span {
  return around(text, from, to, isSentenceEnd);
}

/** The clause (between commas, semicolons, colons, dashes and sentence ends) containing text[from, to). */
export function clauseAround(text: string, from: number, to: number): Span {
  return around(text, from, to, isClauseEnd);
}

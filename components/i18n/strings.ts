import type { UiLocale } from '../../lib/format';

/**
 * The extension's own words in English and Simplified Chinese, shared by the card, the popup and
 * the options page. The language follows the browser's UI language (see `uiLocaleFrom`), while the
 * numbers on a card follow the page's language.
 */

export type { UiLocale };

export type VerdictKey = 'exact' | 'rounded' | 'outdated' | 'conflict';
export type CueLevel = 'clause' | 'sentence' | 'paragraph' | 'heading' | 'document' | 'none';

export interface Strings {
  appName: string;
  verdict: Record<VerdictKey, string>;
  verdictSummary: Record<VerdictKey, string>;
  onPage: string;
  official: string;
  /** "as of Dec 2025" / "截至2025年12月"; a bare year reads "in 2025" / "2025年". */
  asOf(period: string, isYear: boolean): string;
  matchesEarlier(value: string, period: string): string;
  conversion(min: string, max: string, range: string): string;
  source: string;
  released(date: string): string;
  evidence: string;
  evidenceC1: string;
  evidenceU(via: string): string;
  chartTitle: string;
  chartOfficial: string;
  chartCurrent: string;
  chartPage: string;
  chartLabel(points: string, page: string): string;
  why: string;
  level: Record<CueLevel, string>;
  rule: string;
  copy: string;
  copied: string;
  copyFailed: string;
  close: string;
  citation(parts: { name: string; value: string; period: string; publisher: string; title: string; released: string; url?: string }): string;
  /** The heading's accessible name: "Exact: Generative AI users". */
  dialogLabel(verdict: string, metric: string): string;
}

const en: Strings = {
  appName: 'Figure Check',
  verdict: { exact: 'Exact', rounded: 'Rounded', outdated: 'Outdated', conflict: 'Conflict' },
  verdictSummary: {
    exact: 'The current official figure, printed in full.',
    rounded: 'Consistent with the current official figure, but rounded, hedged or converted.',
    outdated: 'An earlier official figure: a newer one has been published.',
    conflict: 'Fits no official figure, current or earlier.',
  },
  onPage: 'On this page',
  official: 'Official',
  asOf: (period, isYear) => (isYear ? `in ${period}` : `as of ${period}`),
  matchesEarlier: (value, period) => `Matches the earlier official value ${value} (${period}).`,
  conversion: (min, max, range) => `Converted at ${min}–${max} CNY per USD: ${range}.`,
  source: 'Source',
  released: (date) => `released ${date}`,
  evidence: 'Evidence',
  evidenceC1: 'one published report',
  evidenceU: (via) => `${via}, not confirmed by the primary source`,
  chartTitle: 'Official values over time',
  chartOfficial: 'official values',
  chartCurrent: 'current',
  chartPage: 'this page',
  chartLabel: (points, page) => `Official values: ${points}. This page: ${page}.`,
  why: 'Why this match',
  level: {
    clause: 'same clause',
    sentence: 'same sentence',
    paragraph: 'same paragraph',
    heading: 'heading above',
    document: 'elsewhere on the page',
    none: 'not found',
  },
  rule: 'Rule',
  copy: 'Copy citation',
  copied: 'Copied',
  copyFailed: 'Could not copy',
  close: 'Close',
  citation: (p) => `${p.name}: ${p.value} (${p.period}). ${p.publisher}, ${p.title}, released ${p.released}.${p.url ? ` ${p.url}` : ''}`,
  dialogLabel: (verdict, metric) => `${verdict}: ${metric}`,
};

const zh: Strings = {
  appName: '数字核查',
  verdict: { exact: '准确', rounded: '约数', outdated: '过时', conflict: '不符' },
  verdictSummary: {
    exact: '与最新官方数据完全一致。',
    rounded: '与最新官方数据相符，但经过取整、概括或换算。',
    outdated: '这是较早的官方数据，已有更新的数据发布。',
    conflict: '与任何官方数据（最新或较早）都不相符。',
  },
  onPage: '本页数字',
  official: '官方数据',
  asOf: (period, isYear) => (isYear ? period : `截至${period}`),
  matchesEarlier: (value, period) => `与较早的官方数据${value}（${period}）一致。`,
  conversion: (min, max, range) => `按1美元兑${min}–${max}元人民币换算：${range}。`,
  source: '来源',
  released: (date) => `${date}发布`,
  evidence: '依据',
  evidenceC1: '仅见于一份公开报告',
  evidenceU: (via) => `仅见于媒体报道（${via}），未经原始来源证实`,
  chartTitle: '历次官方数据',
  chartOfficial: '官方数据',
  chartCurrent: '最新',
  chartPage: '本页数字',
  chartLabel: (points, page) => `官方数据：${points}。本页：${page}。`,
  why: '匹配依据',
  level: {
    clause: '同一分句',
    sentence: '同一句',
    paragraph: '同一段落',
    heading: '上方标题',
    document: '页面其他位置',
    none: '未找到',
  },
  rule: '规则',
  copy: '复制引用',
  copied: '已复制',
  copyFailed: '复制失败',
  close: '关闭',
  citation: (p) => `${p.name}：${p.value}（${p.period}）。${p.publisher}，${p.title}，${p.released}发布。${p.url ?? ''}`.trimEnd(),
  dialogLabel: (verdict, metric) => `${verdict}：${metric}`,
};

export const STRINGS: Record<UiLocale, Strings> = { en, 'zh-CN': zh };

/** The UI language from a BCP 47 tag ("zh-CN", "zh-Hans", "zh-TW" → Chinese; anything else → English). */
export function uiLocaleFrom(language: string | null | undefined): UiLocale {
  return (language ?? '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function stringsFor(locale: UiLocale): Strings {
  return STRINGS[locale];
}

/**
 * The engine's rule line (English, from lib/check/verdict.ts) in the UI language. Unknown rules
 * are shown as they are rather than dropped.
 */
export function ruleText(rule: string, locale: UiLocale, formatPeriod: (p: string) => string = (p) => p): string {
  const earlier = /^matches the earlier value as of (\S+)$/.exec(rule);
  if (locale === 'en') {
    const text = earlier ? `matches the earlier value as of ${formatPeriod(earlier[1]!)}` : rule;
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  if (earlier) return `与截至${formatPeriod(earlier[1]!)}的较早官方数据一致`;
  const converted = /^consistent once converted at ([\d.]+)–([\d.]+) CNY per USD$/.exec(rule);
  if (converted) return `按1美元兑${converted[1]}–${converted[2]}元人民币换算后一致`;
  const table: Record<string, string> = {
    'the current official value, with all its significant digits': '最新官方数据，有效数字完整',
    'consistent with the current value, printed with fewer digits': '与最新官方数据相符，有效数字较少',
    'consistent with the current value, with a different hedge': '与最新官方数据相符，但限定词（如“超过”“约”）不同',
    'fits no official value, current or earlier': '与最新及较早的官方数据均不符',
  };
  return table[rule] ?? rule;
}

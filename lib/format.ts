import type { Metric } from './data/schema';

/** Official values formatted for people, in English or Chinese ("602 million", "6.02亿", "42.8%"). */
export type UiLocale = 'en' | 'zh-CN';

const HEDGE_WORDS: Record<UiLocale, Record<string, string>> = {
  en: { over: 'over ', 'expected-over': 'expected to exceed ', about: 'about ', none: '' },
  'zh-CN': { over: '超过', 'expected-over': '预计超过', about: '约', none: '' },
};

function compact(value: number, locale: UiLocale): string {
  return new Intl.NumberFormat(locale, { notation: Math.abs(value) >= 1e5 ? 'compact' : 'standard', compactDisplay: 'long', maximumSignificantDigits: 6 }).format(value);
}

export function formatValue(value: number, metric: Pick<Metric, 'kind' | 'currency'>, locale: UiLocale, hedge = 'none'): string {
  const h = HEDGE_WORDS[locale][hedge] ?? '';
  switch (metric.kind) {
    case 'percent':
      return `${h}${compact(value, locale)}%`;
    case 'percentage-points':
      return locale === 'en' ? `${h}${compact(value, locale)} percentage points` : `${h}${compact(value, locale)}个百分点`;
    case 'ratio':
      return locale === 'en' ? `${h}${compact(value * 1000, locale)} per thousand` : `${h}千分之${compact(value * 1000, locale)}`;
    case 'currency': {
      const code = metric.currency ?? '';
      if (locale === 'en') return `${h}${code} ${compact(value, locale)}`;
      return `${h}${compact(value, locale)}${code === 'CNY' ? '元' : code === 'USD' ? '美元' : ` ${code}`}`;
    }
    case 'eflops':
      return `${h}${compact(value, locale)} EFLOPS`;
    default:
      return `${h}${compact(value, locale)}`;
  }
}

/** "2025-12" → "Dec 2025" / "2025年12月". */
export function formatPeriod(period: string, locale: UiLocale): string {
  const [y, m, d] = period.split('-');
  if (!m) return locale === 'en' ? y! : `${y}年`;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, d ? Number(d) : 1));
  const options: Intl.DateTimeFormatOptions = d ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

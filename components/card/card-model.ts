import type { Finding } from '../../lib/check/check-document';
import { conversionTo, CNY_PER_USD } from '../../lib/check/verdict';
import type { Observation, Source } from '../../lib/data/schema';
import { formatPeriod, formatValue as formatValueIn, type UiLocale } from '../../lib/format';
import { sameObservation, sourcePublisher, sourceTitle, toTraditionalValue, type PageValue } from '../../lib/format-card';
import { ruleText, stringsFor, type CueLevel, type Strings } from '../i18n/strings';

/**
 * Everything a card says, as plain strings, computed from one finding. The view only lays it out;
 * the demo and the tests read the same words. `ui` is the browser's language (the card's words),
 * `page` the page's language (the numbers, so the reader compares like with like).
 */

export interface CardSource {
  publisher: string;
  title: string;
  released: string;
  url?: string;
}

export interface CardModel {
  verdict: Finding['verdict'];
  verdictWord: string;
  summary: string;
  metricName: string;
  pageText: string;
  officialValue: string;
  period: string;
  earlier?: string;
  conversion?: string;
  source?: CardSource;
  evidence: string[];
  why: Array<{ level: string; terms: string[] }>;
  rule: string;
  citation: string;
  pageValue?: PageValue;
  strings: Strings;
}

const LEVEL_ORDER: CueLevel[] = ['clause', 'sentence', 'paragraph', 'heading', 'document'];

const isYear = (period: string) => /^\d{4}$/.test(period);

/** Three significant digits are enough to show where a converted figure lands. */
const round3 = (v: number) => Number(v.toPrecision(3));

function cardSource(source: Source | undefined, ui: UiLocale): CardSource | undefined {
  if (!source) return undefined;
  return {
    publisher: sourcePublisher(source, ui),
    title: sourceTitle(source, ui),
    released: formatPeriod(source.released, ui),
    url: source.url,
  };
}

function evidenceNote(observation: Observation, source: Source | undefined, ui: UiLocale, s: Strings): string | undefined {
  if (observation.status === 'C1') return s.evidenceC1;
  if (observation.status !== 'U') return undefined;
  const via = source?.via ?? (source ? `${ui === 'en' ? 'reported by ' : ''}${sourcePublisher(source, ui, true)}` : '');
  const text = s.evidenceU(via);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The page's figure in the metric's units: a value, widened to a band when it was converted from another currency. */
export function pageValueOf(finding: Pick<Finding, 'figure' | 'metric'>): PageValue | undefined {
  const conv = conversionTo(finding.figure, finding.metric);
  if (!conv) return undefined;
  const value = finding.figure.value * conv.factor;
  if (!conv.band) return { value, lo: value, hi: value };
  return { value: value * ((conv.band[0] + conv.band[1]) / 2), lo: value * conv.band[0], hi: value * conv.band[1] };
}

export function citationLine(finding: Pick<Finding, 'metric' | 'current' | 'currentSource'>, ui: UiLocale): string {
  const s = stringsFor(ui);
  const { metric, current, currentSource } = finding;
  const name = ui === 'en' ? metric.name.en : metric.name.zh;
  const value = formatValueIn(current.value, metric, ui, current.hedge);
  const period = formatPeriod(current.asOf, ui);
  if (!currentSource) return ui === 'en' ? `${name}: ${value} (${period}).` : `${name}：${value}（${period}）。`;
  return s.citation({
    name,
    value,
    period,
    publisher: sourcePublisher(currentSource, ui, true),
    title: sourceTitle(currentSource, ui),
    released: currentSource.released,
    url: currentSource.url,
  });
}

/**
 * `page` is the language numbers are written in on the page; `traditional` says the page writes
 * Chinese in Traditional script (億, 萬, 個百分點), so the official value reads the same way.
 */
export function cardModel(finding: Finding, ui: UiLocale, page: UiLocale, traditional = false): CardModel {
  const s = stringsFor(ui);
  const formatValue: typeof formatValueIn = (value, metric, locale, hedge) => {
    const text = formatValueIn(value, metric, locale, hedge);
    return traditional && locale === 'zh-CN' ? toTraditionalValue(text) : text;
  };
  const { metric, current, observation, verdict } = finding;

  let earlier: string | undefined;
  if (verdict === 'outdated' && !sameObservation(observation, current)) {
    earlier = s.matchesEarlier(formatValue(observation.value, metric, page, observation.hedge), formatPeriod(observation.asOf, ui));
  }

  let conversion: string | undefined;
  const conv = conversionTo(finding.figure, metric);
  const pageValue = pageValueOf(finding);
  if (conv?.band && pageValue) {
    const range = `${formatValue(round3(pageValue.lo), metric, page)} – ${formatValue(round3(pageValue.hi), metric, page)}`;
    conversion = s.conversion(String(CNY_PER_USD.min), String(CNY_PER_USD.max), range);
  }

  const evidence: string[] = [];
  for (const [obs, src] of [
    [current, finding.currentSource],
    [observation, finding.source],
  ] as const) {
    const note = evidenceNote(obs, src, ui, s);
    if (note && !evidence.includes(note)) evidence.push(note);
  }

  const why: CardModel['why'] = [];
  for (const level of LEVEL_ORDER) {
    const here = finding.why.cues.filter((c) => c.level === level);
    if (here.length === 0) continue;
    // "(heading)"-style entries mean a cue group was found at that level without a single word to show.
    const terms = [...new Set(here.map((c) => c.term).filter((t) => !/^\(.*\)$/.test(t)))];
    why.push({ level: s.level[level], terms });
  }

  return {
    verdict,
    verdictWord: s.verdict[verdict],
    summary: s.verdictSummary[verdict],
    metricName: ui === 'en' ? metric.name.en : metric.name.zh,
    pageText: finding.text,
    officialValue: formatValue(current.value, metric, page, current.hedge),
    period: s.asOf(formatPeriod(current.asOf, ui), isYear(current.asOf)),
    earlier,
    conversion,
    source: cardSource(finding.currentSource, ui),
    evidence,
    why,
    rule: ruleText(finding.why.rule, ui, (p) => formatPeriod(p, ui)),
    citation: citationLine(finding, ui),
    pageValue,
    strings: s,
  };
}

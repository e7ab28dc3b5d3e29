import { describe, expect, it } from 'vitest';
import { cardModel, citationLine } from '../../components/card/card-model';
import { ruleText, uiLocaleFrom } from '../../components/i18n/strings';
import type { Finding } from '../../lib/check/check-document';
import { bundledDataset } from '../../lib/data/dataset';
import type { Metric, Source } from '../../lib/data/schema';
import { chartModel, isTraditionalPage, pageLocaleOf, shortPublisher, toTraditionalValue } from '../../lib/format-card';
import type { RecognisedNumber } from '../../lib/numbers/types';

const metric = (id: string): Metric => bundledDataset.metrics.find((m) => m.id === id)!;
const source = (id: string): Source => bundledDataset.sources.find((s) => s.id === id)!;

function finding(id: string, figure: Partial<RecognisedNumber>, over: Partial<Finding> = {}): Finding {
  const m = metric(id);
  const current = m.observations[0]!;
  return {
    block: 0,
    start: 0,
    end: 1,
    text: 'x',
    figure: { start: 0, end: 1, valueStart: 0, valueEnd: 1, value: current.value, unit: 1, significantDigits: 3, hedge: 'none', kind: m.kind, ...figure },
    metric: m,
    verdict: 'exact',
    observation: current,
    current,
    source: source(current.source),
    currentSource: source(current.source),
    why: { cues: [{ term: 'generative AI', level: 'clause' }, { term: 'users', level: 'clause' }, { term: '(heading)', level: 'heading' }], rule: 'the current official value, with all its significant digits' },
    ...over,
  };
}

describe('the card says the right things', () => {
  it('cites the current official value in one line', () => {
    expect(citationLine(finding('genai-users', {}), 'en')).toBe(
      "Generative AI users: 602 million (Dec 2025). CNNIC, The 57th Statistical Report on China's Internet Development, released 2026-02-05. https://www.cnnic.cn/",
    );
    expect(citationLine(finding('genai-users', {}), 'zh-CN')).toBe(
      '生成式人工智能用户规模：6.02亿（2025年12月）。中国互联网络信息中心，第57次《中国互联网络发展状况统计报告》，2026-02-05发布。https://www.cnnic.cn/',
    );
  });

  it('writes the official value in the page language, the words in the browser language', () => {
    const m = cardModel(finding('genai-users', {}), 'zh-CN', 'en');
    expect(m.officialValue).toBe('602 million');
    expect(m.period).toBe('截至2025年12月');
    expect(m.verdictWord).toBe('准确');
    expect(cardModel(finding('genai-users', {}), 'en', 'zh-CN').officialValue).toBe('6.02亿');
    expect(cardModel(finding('genai-users', {}), 'en', 'zh-CN', true).officialValue).toBe('6.02億');
  });

  it('groups the cue words by where they were found', () => {
    const m = cardModel(finding('genai-users', {}), 'en', 'en');
    expect(m.why).toEqual([
      { level: 'same clause', terms: ['generative AI', 'users'] },
      { level: 'heading above', terms: [] },
    ]);
  });

  it('names the earlier value an outdated figure matches', () => {
    const m = metric('genai-users');
    const earlier = m.observations.find((o) => o.asOf === '2024-12')!;
    const card = cardModel(finding('genai-users', { value: 2.49e8 }, { verdict: 'outdated', observation: earlier, source: source(earlier.source), why: { cues: [], rule: 'matches the earlier value as of 2024-12' } }), 'en', 'en');
    expect(card.earlier).toBe('Matches the earlier official value 249 million (Dec 2024).');
    expect(card.rule).toBe('Matches the earlier value as of Dec 2024');
  });

  it('gives the rate band of a currency conversion', () => {
    const card = cardModel(finding('ai-core-industry', { value: 1.7139e11, kind: 'currency', currency: 'USD', hedge: 'about' }, { verdict: 'rounded' }), 'en', 'en');
    expect(card.conversion).toBe('Converted at 6.8–7.4 CNY per USD: CNY 1.17 trillion – CNY 1.27 trillion.');
  });

  it('says when the evidence is thin', () => {
    expect(cardModel(finding('genai-use-answering', {}), 'en', 'en').evidence).toEqual(['one published report']);
    const u = cardModel(finding('genai-services-registered-2025', {}), 'en', 'en').evidence[0]!;
    expect(u).toMatch(/^Reported by China Daily.*not confirmed by the primary source$/);
    expect(cardModel(finding('genai-users', {}), 'en', 'en').evidence).toEqual([]);
  });
});

describe('helpers', () => {
  it('reads the page language from lang, else from the figure', () => {
    expect(pageLocaleOf('en-GB', '6.02亿')).toBe('en');
    expect(pageLocaleOf('zh-Hans', '602 million')).toBe('zh-CN');
    expect(pageLocaleOf('', '6.02亿人')).toBe('zh-CN');
    expect(pageLocaleOf(null, '602 million')).toBe('en');
    expect(isTraditionalPage('zh-HK', '6.02億')).toBe(true);
    expect(isTraditionalPage('zh-CN', '6.02亿')).toBe(false);
    expect(isTraditionalPage('', '483.8萬個')).toBe(true);
    expect(toTraditionalValue('25.2个百分点')).toBe('25.2個百分點');
  });

  it('shortens publishers with an acronym', () => {
    expect(shortPublisher('China Internet Network Information Center (CNNIC)')).toBe('CNNIC');
    expect(shortPublisher('Ministry of Industry and Information Technology (MIIT)')).toBe('MIIT');
    expect(shortPublisher('China Netcasting Services Association')).toBe('China Netcasting Services Association');
  });

  it('follows the UI language', () => {
    expect(uiLocaleFrom('zh-CN')).toBe('zh-CN');
    expect(uiLocaleFrom('zh-TW')).toBe('zh-CN');
    expect(uiLocaleFrom('en-US')).toBe('en');
    expect(uiLocaleFrom('de')).toBe('en');
    expect(ruleText('fits no official value, current or earlier', 'zh-CN')).toBe('与最新及较早的官方数据均不符');
    expect(ruleText('something new', 'zh-CN')).toBe('something new');
  });

  it('places the chart points by period and keeps the page figure inside the plot', () => {
    const m = metric('genai-users');
    const size = { width: 330, height: 96, left: 58, right: 10, top: 8, bottom: 18 };
    const model = chartModel(m.observations, m.observations[0]!, m.observations[0]!, { value: 7e8, lo: 7e8, hi: 7e8 }, size)!;
    expect(model.points.map((p) => p.observation.asOf)).toEqual(['2024-06', '2024-12', '2025-06', '2025-12']);
    expect(model.points.at(-1)!.current).toBe(true);
    expect(model.points[0]!.x).toBe(58);
    expect(model.points.at(-1)!.x).toBe(320);
    expect(model.page!.y).toBeGreaterThanOrEqual(size.top);
    expect(model.page!.y).toBeLessThan(model.points.at(-1)!.y); // 700 million sits above 602 million
  });
});

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkBlocks } from '../../lib/check/check-document';
import { createEngine } from '../../lib/check/engine';
import { bundledDataset } from '../../lib/data/dataset';
import { extractBlocks } from '../../lib/text/extract-dom';
import { extractPlainTextBlocks } from '../../lib/text/extract-plain';

const engine = createEngine(bundledDataset);

/** [figure as printed, metric, verdict] for every finding in a text (one paragraph per line) or HTML. */
function check(text: string): Array<[string, string, string]> {
  const blocks = text.trimStart().startsWith('<') ? extractBlocks(parseHTML(`<html><body>${text}</body></html>`).document.body) : extractPlainTextBlocks(text);
  return checkBlocks(blocks, engine).map((f) => [f.text, f.metric.id, f.verdict]);
}

describe('linking figures to metrics, with verdicts', () => {
  it('links right, loose, old and wrong figures in English', () => {
    expect(check('By December, the country counted 1.125 billion internet users.')).toEqual([['1.125 billion', 'internet-users', 'exact']]);
    expect(check('Generative AI now has more than 600 million users in China.')).toEqual([['more than 600 million', 'genai-users', 'rounded']]);
    expect(check('China had 249 million generative AI users, the survey found.')).toEqual([['249 million', 'genai-users', 'outdated']]);
    expect(check('China now has 700 million generative AI users, officials said.')).toEqual([['700 million', 'genai-users', 'conflict']]);
  });

  it('links figures in Simplified and Traditional Chinese, and full-width digits', () => {
    expect(check('截至去年底，我国网民规模达11.25亿人，互联网普及率达80.1%。')).toEqual([
      ['11.25亿人', 'internet-users', 'exact'],
      ['80.1%', 'internet-penetration', 'exact'],
    ]);
    expect(check('報告指出，生成式人工智慧用戶規模達6.02億人，普及率為42.8%。')).toEqual([
      ['6.02億人', 'genai-users', 'exact'],
      ['42.8%', 'genai-penetration', 'exact'],
    ]);
    expect(check('生成式人工智能用户规模达６.０２亿人。')).toEqual([['６.０２亿人', 'genai-users', 'exact']]);
  });

  it('splits a Chinese headline at its space: each part keeps its own subject', () => {
    expect(check('<h1>我国网民规模达11.25亿人 生成式人工智能用户突破6亿</h1>')).toEqual([
      ['11.25亿人', 'internet-users', 'exact'],
      ['突破6亿', 'genai-users', 'rounded'],
    ]);
  });

  it('reads a figure split across inline elements', () => {
    expect(check('<p>The number of generative AI users reached <strong>602</strong> million.</p>')).toEqual([['602 million', 'genai-users', 'exact']]);
  });

  it('a conversion into another currency inherits the metric and is rounded, never exact', () => {
    expect(check("The core AI industry reached 1.2 trillion yuan (roughly $170 billion) last year.")).toEqual([
      ['1.2 trillion yuan', 'ai-core-industry', 'exact'],
      ['roughly $170 billion', 'ai-core-industry', 'rounded'],
    ]);
  });

  it('does not read "42 ten-thousand-GPU clusters" as 420,000', () => {
    expect(check('The country has built 42 ten-thousand-GPU computing clusters.')).toEqual([['42', 'ai-gpu-clusters-10k', 'exact']]);
    expect(check('全国已建成42个万卡智算集群。')).toEqual([['42个', 'ai-gpu-clusters-10k', 'exact']]);
  });
});

describe('never crying wolf', () => {
  it('says nothing about other countries’ figures', () => {
    expect(check('India had 900 million internet users last year.')).toEqual([]);
    expect(check('美国生成式人工智能用户约2亿人。')).toEqual([]);
  });

  it('says nothing about forecasts for later years', () => {
    expect(check('Generative AI users are expected to exceed 1 billion by 2030.')).toEqual([]);
    expect(check('业内预计，到2030年我国生成式人工智能用户规模有望突破10亿。')).toEqual([]);
  });

  it('never calls a figure dated to a period the catalogue lacks a conflict', () => {
    expect(check('In 2019, China had 854 million internet users.')).toEqual([]);
  });

  it('does not take a change in a count for the count itself', () => {
    expect(check('Internet users increased by 17 million in 2025.')).toEqual([]);
    expect(check('网民规模较2024年12月增加1700万人。')).toEqual([]);
  });

  it('does not link a figure with no cue in its own clause', () => {
    expect(check('Generative AI is spreading fast. Tencent said it has 602 million monthly visitors.')).toEqual([]);
    expect(check('The firm invested 600 million yuan in a new data centre for AI.')).toEqual([]);
  });

  it('never accuses a table cell: column headers decide what it means', () => {
    expect(check('<table><tr><th>Internet users</th><td>1.125 bn</td><td>1.3 bn</td></tr></table>')).toEqual([['1.125 bn', 'internet-users', 'exact']]);
  });

  it('is deterministic and the same for a whole document or its parts joined', () => {
    const page = 'China had 1.125 billion internet users.\nGenerative AI users reached 602 million.';
    expect(check(page)).toEqual(check(page));
  });
});

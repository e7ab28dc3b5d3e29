import { describe, expect, it } from 'vitest';
import { CueIndex } from '../../lib/check/cues';
import { bundledDataset } from '../../lib/data/dataset';

const index = new CueIndex(bundledDataset);
const terms = (text: string) => index.scan(text).map((h) => text.slice(h.start, h.end));
const categories = (text: string) => index.scan(text).flatMap((h) => h.info.categories);

describe('cue words', () => {
  it('finds English terms whole-word, case-insensitively, with plurals and possessives', () => {
    expect(terms('Generative AI Users rose')).toEqual(expect.arrayContaining(['Generative AI', 'Users']));
    expect(terms('the AIs said')).not.toContain('said');
    expect(categories("India's internet users")).toContain('foreign');
  });

  it('matches hyphenated and spaced forms alike', () => {
    expect(terms('a year-on-year increase')).toEqual(terms('a year on year increase').map((t) => t.replace(/ /g, '-')));
  });

  it('keeps short acronyms case-sensitive: "told us" is not the US', () => {
    expect(categories('officials told us on Monday')).not.toContain('foreign');
    expect(categories('the US market')).toContain('foreign');
    expect(categories('the U.S. market')).toContain('foreign');
  });

  it('hides the words inside an organisation name: "Internet" in CNNIC is no cue', () => {
    expect(terms('the China Internet Network Information Center said')).toEqual([]);
    expect(terms('中国互联网络信息中心发布报告')).not.toContain('互联网');
  });

  it('finds Chinese terms in Simplified and Traditional script, and Chinese terms starting with Latin letters', () => {
    expect(terms('生成式人工智能用户规模')).toContain('生成式人工智能');
    expect(terms('生成式人工智慧用戶規模')).toContain('生成式人工智慧');
    expect(terms('我国ai产业规模')).toContain('ai产业');
    expect(terms('60岁及以上网民')).toContain('60岁');
  });
});

import { describe, it, expect } from 'vitest';
import { recogniseNumbers } from '../../lib/numbers/recognise';
import type { FigureKind, Hedge, RecognisedNumber } from '../../lib/numbers/types';

function close(actual: number, expected: number): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
}

interface Row {
  /** Sentence the figure appears in. */
  text: string;
  /** The whole figure as printed: text.slice(start, end). */
  span: string;
  value: number;
  kind?: FigureKind;
  currency?: string;
  hedge?: Hedge;
  sig?: number;
  u?: number;
  multiplier?: boolean;
  /** text.slice(valueStart, valueEnd), when worth checking. */
  numeral?: string;
}

function find(text: string, span: string): RecognisedNumber {
  const all = recogniseNumbers(text);
  const hit = all.find((r) => text.slice(r.start, r.end) === span);
  if (!hit) {
    const got = all.map((r) => `${JSON.stringify(text.slice(r.start, r.end))}=${r.value}`).join(', ');
    throw new Error(`no figure ${JSON.stringify(span)} in ${JSON.stringify(text)}; got [${got}]`);
  }
  return hit;
}

function check(row: Row): void {
  const r = find(row.text, row.span);
  expect(close(r.value, row.value), `value ${r.value} ≠ ${row.value}`).toBe(true);
  expect(r.kind).toBe(row.kind ?? (row.currency ? 'currency' : 'count'));
  expect(r.currency).toBe(row.currency);
  expect(r.hedge).toBe(row.hedge ?? 'none');
  if (row.sig !== undefined) expect(r.significantDigits).toBe(row.sig);
  if (row.u !== undefined) expect(close(r.unit, row.u), `unit ${r.unit} ≠ ${row.u}`).toBe(true);
  expect(r.multiplier ?? false).toBe(row.multiplier ?? false);
  if (row.numeral !== undefined) expect(row.text.slice(r.valueStart, r.valueEnd)).toBe(row.numeral);
  expect(r.start).toBeLessThanOrEqual(r.valueStart);
  expect(r.valueStart).toBeLessThan(r.valueEnd);
  expect(r.valueEnd).toBeLessThanOrEqual(r.end);
}

function table(title: string, rows: Row[]): void {
  describe(title, () => {
    for (const row of rows) {
      const extras = [row.kind, row.currency, row.hedge && row.hedge !== 'none' ? `hedge ${row.hedge}` : '']
        .filter(Boolean)
        .join(', ');
      it(`reads "${row.span}" as ${row.value}${extras ? ` (${extras})` : ''}`, () => check(row));
    }
  });
}

/** No figure overlaps the (first) occurrence of `sub` in `text`. */
function expectNoFigureIn(text: string, sub: string): void {
  const at = text.indexOf(sub);
  expect(at, `${sub} not in text`).toBeGreaterThanOrEqual(0);
  const end = at + sub.length;
  const hits = recogniseNumbers(text).filter((r) => r.start < end && r.end > at);
  expect(hits.map((r) => `${text.slice(r.start, r.end)}=${r.value}`)).toEqual([]);
}

// -----------------------------------------------------------------------------------------------

table('English counts and scale words', [
  { text: 'China had 1.125 billion internet users.', span: '1.125 billion', value: 1.125e9, sig: 4, u: 1e6, numeral: '1.125' },
  { text: 'Generative AI reached 602 million users.', span: '602 million', value: 6.02e8, sig: 3, u: 1e6, numeral: '602' },
  { text: 'The service now has 600 million users.', span: '600 million', value: 6e8, sig: 1, u: 1e8 },
  { text: 'Users rose to 602mn last year.', span: '602mn', value: 6.02e8, sig: 3, u: 1e6 },
  { text: 'Spending hit 1.2tn in 2025.', span: '1.2tn', value: 1.2e12, sig: 2, u: 1e11 },
  { text: 'The unit made 1.2bn in sales.', span: '1.2bn', value: 1.2e9, sig: 2, u: 1e8 },
  { text: 'The app has 602M users.', span: '602M', value: 6.02e8, sig: 3, u: 1e6 },
  { text: 'Internet users: 1.1B.', span: '1.1B', value: 1.1e9, sig: 2 },
  { text: 'The digital economy is worth 1.2T.', span: '1.2T', value: 1.2e12, sig: 2 },
  { text: 'There are 254K AI firms.', span: '254K', value: 254000, sig: 3, u: 1000 },
  { text: 'Users grew to 0.602 billion.', span: '0.602 billion', value: 6.02e8, sig: 3, u: 1e6 },
  { text: 'A total of 602,000,000 people use AI.', span: '602,000,000', value: 6.02e8, sig: 3, u: 1e6 },
  { text: 'There are 254,000 AI companies.', span: '254,000', value: 254000, sig: 3, u: 1000 },
  { text: 'More than 6,000 firms took part.', span: 'More than 6,000', value: 6000, hedge: 'over', sig: 1, u: 1000 },
  { text: 'The country has 42 such clusters.', span: '42', value: 42, sig: 2, u: 1 },
  { text: 'Regulators registered 446 services.', span: '446', value: 446, sig: 3, u: 1 },
  { text: 'She cited two million users.', span: 'two million', value: 2e6, sig: 1, u: 1e6, numeral: 'two' },
  { text: 'That is some 2,025 people.', span: 'some 2,025', value: 2025, hedge: 'about' },
  { text: 'Users crossed the 600-million mark.', span: 'crossed the 600-million', value: 6e8, hedge: 'over' },
  { text: 'It lists 600+ apps.', span: '600+', value: 600, hedge: 'over' },
  { text: 'GenAI users top 600 million.', span: 'top 600 million', value: 6e8, hedge: 'over' },
  { text: 'Online education users: 327m.', span: '327m', value: 3.27e8, sig: 3, u: 1e6 },
  { text: 'Shanghai offered 5 mln yuan.', span: '5 mln yuan', value: 5e6, currency: 'CNY' },
]);

table('English money', [
  { text: 'Revenue reached US$1.53 billion.', span: 'US$1.53 billion', value: 1.53e9, currency: 'USD', sig: 3, u: 1e7 },
  { text: 'Revenue reached $1.53bn.', span: '$1.53bn', value: 1.53e9, currency: 'USD' },
  { text: 'Revenue reached USD 1.53 billion.', span: 'USD 1.53 billion', value: 1.53e9, currency: 'USD' },
  { text: 'It earned 1.53 billion U.S. dollars.', span: '1.53 billion U.S. dollars', value: 1.53e9, currency: 'USD' },
  { text: 'It earned 1.53 billion US dollars.', span: '1.53 billion US dollars', value: 1.53e9, currency: 'USD' },
  { text: 'It earned 1.53 billion dollars.', span: '1.53 billion dollars', value: 1.53e9, currency: 'USD' },
  { text: 'The core AI industry is worth RMB1.2 trillion.', span: 'RMB1.2 trillion', value: 1.2e12, currency: 'CNY' },
  { text: 'The core AI industry is worth RMB 1.2 trillion.', span: 'RMB 1.2 trillion', value: 1.2e12, currency: 'CNY' },
  { text: 'The core AI industry is worth CNY 1.2 trillion.', span: 'CNY 1.2 trillion', value: 1.2e12, currency: 'CNY' },
  { text: 'The core AI industry is worth 1.2 trillion yuan.', span: '1.2 trillion yuan', value: 1.2e12, currency: 'CNY', sig: 2, u: 1e11 },
  { text: 'The core AI industry is worth 1.2 trillion renminbi.', span: '1.2 trillion renminbi', value: 1.2e12, currency: 'CNY' },
  { text: 'The core AI industry is worth ¥1.2 trillion.', span: '¥1.2 trillion', value: 1.2e12, currency: 'CNY' },
  { text: 'The core AI industry is worth ￥1.2 trillion.', span: '￥1.2 trillion', value: 1.2e12, currency: 'CNY' },
  { text: 'Europe plans €5 billion for chips.', span: '€5 billion', value: 5e9, currency: 'EUR' },
  { text: 'Europe plans 5 billion euros for chips.', span: '5 billion euros', value: 5e9, currency: 'EUR' },
  { text: 'The UK pledged £3 million.', span: '£3 million', value: 3e6, currency: 'GBP' },
  { text: 'Hong Kong set aside HK$3 billion.', span: 'HK$3 billion', value: 3e9, currency: 'HKD' },
  {
    text: 'The market is expected to exceed 1.2 trillion yuan.',
    span: 'expected to exceed 1.2 trillion yuan',
    value: 1.2e12,
    currency: 'CNY',
    hedge: 'over',
  },
  { text: 'Investment was more than $4 trillion.', span: 'more than $4 trillion', value: 4e12, currency: 'USD', hedge: 'over' },
]);

table('English percentages, ratios and EFLOPS', [
  { text: 'Penetration climbed to 80.1 percent.', span: '80.1 percent', value: 80.1, kind: 'percent', sig: 3, u: 0.1 },
  { text: 'Penetration climbed to 80.1%.', span: '80.1%', value: 80.1, kind: 'percent', sig: 3, u: 0.1 },
  { text: 'Penetration climbed to 80.1 per cent.', span: '80.1 per cent', value: 80.1, kind: 'percent' },
  { text: 'Penetration climbed to 80.1 pct.', span: '80.1 pct', value: 80.1, kind: 'percent' },
  { text: 'A striking 141.7-percent increase.', span: '141.7-percent', value: 141.7, kind: 'percent', sig: 4, u: 0.1 },
  { text: 'Up 25.2 percentage points from 2024.', span: '25.2 percentage points', value: 25.2, kind: 'percentage-points', sig: 3, u: 0.1 },
  { text: 'Up 25.2 percentage point.', span: '25.2 percentage point', value: 25.2, kind: 'percentage-points' },
  { text: 'Up 25.2 ppts on the year.', span: '25.2 ppts', value: 25.2, kind: 'percentage-points' },
  { text: 'Penetration is up 25.2 points from a year earlier.', span: '25.2 points', value: 25.2, kind: 'percentage-points' },
  { text: 'The rate was three per thousand.', span: 'three per thousand', value: 0.003, kind: 'ratio', sig: 1, u: 0.001 },
  { text: 'The rate was 3 per 1,000 users.', span: '3 per 1,000', value: 0.003, kind: 'ratio', sig: 1, u: 0.001 },
  { text: 'The rate was 3‰ of users.', span: '3‰', value: 0.003, kind: 'ratio', sig: 1, u: 0.001 },
  { text: 'It fell to five per ten thousand.', span: 'five per ten thousand', value: 0.0005, kind: 'ratio', sig: 1, u: 0.0001 },
  { text: 'It fell to 5 per 10,000 users.', span: '5 per 10,000', value: 0.0005, kind: 'ratio', u: 0.0001 },
  { text: 'It fell to 5‱.', span: '5‱', value: 0.0005, kind: 'ratio', u: 0.0001 },
  { text: 'It fell to 0.05 percent.', span: '0.05 percent', value: 0.05, kind: 'percent', sig: 1, u: 0.01 },
  { text: 'Prices rose ten percent.', span: 'ten percent', value: 10, kind: 'percent', sig: 1, u: 10 },
  { text: 'Capacity reached 1,590 EFLOPS.', span: '1,590 EFLOPS', value: 1590, kind: 'eflops', sig: 3, u: 10 },
  { text: 'Capacity reached 1590 exaflops.', span: '1590 exaflops', value: 1590, kind: 'eflops' },
  { text: 'Capacity reached 1590EFLOPS.', span: '1590EFLOPS', value: 1590, kind: 'eflops' },
]);

table('English word multipliers', [
  { text: 'Users doubled in a year.', span: 'doubled', value: 100, kind: 'percent', multiplier: true, sig: 1, u: 100 },
  { text: 'Users more than doubled in a year.', span: 'more than doubled', value: 100, kind: 'percent', multiplier: true, hedge: 'over' },
  { text: 'Revenue tripled.', span: 'tripled', value: 200, kind: 'percent', multiplier: true },
  { text: 'Revenue nearly tripled.', span: 'nearly tripled', value: 200, kind: 'percent', multiplier: true, hedge: 'nearly' },
  { text: 'Output quadrupled.', span: 'quadrupled', value: 300, kind: 'percent', multiplier: true },
  { text: 'Costs halved.', span: 'halved', value: -50, kind: 'percent', multiplier: true },
  { text: 'GenAI user base more than doubles.', span: 'more than doubles', value: 100, kind: 'percent', multiplier: true, hedge: 'over' },
]);

table('English hedges', [
  { text: 'It has more than 600 million users.', span: 'more than 600 million', value: 6e8, hedge: 'over', numeral: '600' },
  { text: 'It has over 600 million users.', span: 'over 600 million', value: 6e8, hedge: 'over' },
  { text: 'It has exceeding 600 million users.', span: 'exceeding 600 million', value: 6e8, hedge: 'over' },
  { text: 'Users exceeded 600 million.', span: 'exceeded 600 million', value: 6e8, hedge: 'over' },
  { text: 'Users exceeds 600 million.', span: 'exceeds 600 million', value: 6e8, hedge: 'over' },
  { text: 'Users may exceed 600 million.', span: 'exceed 600 million', value: 6e8, hedge: 'over' },
  { text: 'Users crossed 600 million.', span: 'crossed 600 million', value: 6e8, hedge: 'over' },
  { text: 'Users crosses 600 million.', span: 'crosses 600 million', value: 6e8, hedge: 'over' },
  { text: 'Users passed 900 million.', span: 'passed 900 million', value: 9e8, hedge: 'over' },
  { text: 'Users passes 900 million.', span: 'passes 900 million', value: 9e8, hedge: 'over' },
  { text: 'Users surpassed 900 million.', span: 'surpassed 900 million', value: 9e8, hedge: 'over' },
  { text: 'Capacity tops 1,590 EFLOPS.', span: 'tops 1,590 EFLOPS', value: 1590, kind: 'eflops', hedge: 'over' },
  { text: 'Capacity topped 1,590 EFLOPS.', span: 'topped 1,590 EFLOPS', value: 1590, kind: 'eflops', hedge: 'over' },
  { text: 'Penetration is above 80 percent.', span: 'above 80 percent', value: 80, kind: 'percent', hedge: 'over' },
  { text: 'At least 5 million people.', span: 'At least 5 million', value: 5e6, hedge: 'over' },
  { text: 'Upwards of 3 million people.', span: 'Upwards of 3 million', value: 3e6, hedge: 'over' },
  { text: 'Spending in excess of 4 million yuan.', span: 'in excess of 4 million yuan', value: 4e6, currency: 'CNY', hedge: 'over' },
  { text: 'It has about 730 million users.', span: 'about 730 million', value: 7.3e8, hedge: 'about' },
  { text: 'It has approximately 730 million users.', span: 'approximately 730 million', value: 7.3e8, hedge: 'about' },
  { text: 'It has approx. 730 million users.', span: 'approx. 730 million', value: 7.3e8, hedge: 'about' },
  { text: 'It has around 730 million users.', span: 'around 730 million', value: 7.3e8, hedge: 'about' },
  { text: 'It has roughly 730 million users.', span: 'roughly 730 million', value: 7.3e8, hedge: 'about' },
  { text: 'It has some 940 million users.', span: 'some 940 million', value: 9.4e8, hedge: 'about' },
  { text: 'It has an estimated 300 million users.', span: 'an estimated 300 million', value: 3e8, hedge: 'about' },
  { text: 'It has estimated 300 million users.', span: 'estimated 300 million', value: 3e8, hedge: 'about' },
  { text: 'It has nearly 1.13 billion users.', span: 'nearly 1.13 billion', value: 1.13e9, hedge: 'nearly' },
  { text: 'It has almost 1.13 billion users.', span: 'almost 1.13 billion', value: 1.13e9, hedge: 'nearly' },
  { text: 'It has close to 1,600 EFLOPS.', span: 'close to 1,600 EFLOPS', value: 1600, kind: 'eflops', hedge: 'nearly' },
  { text: 'It has just under 9 million users.', span: 'just under 9 million', value: 9e6, hedge: 'nearly' },
  { text: 'It has less than 30% share.', span: 'less than 30%', value: 30, kind: 'percent', hedge: 'under' },
  { text: 'It has fewer than 10 million users.', span: 'fewer than 10 million', value: 1e7, hedge: 'under' },
  { text: 'It has under 10 million users.', span: 'under 10 million', value: 1e7, hedge: 'under' },
  { text: 'Share fell below 30%.', span: 'below 30%', value: 30, kind: 'percent', hedge: 'under' },
  { text: 'Generative AI Passes the 600 Million Mark', span: 'Passes the 600 Million', value: 6e8, hedge: 'over' },
  { text: 'MORE THAN 600 MILLION USERS', span: 'MORE THAN 600 MILLION', value: 6e8, hedge: 'over' },
]);

table('Chinese figures with Arabic digits', [
  { text: '生成式人工智能用户规模达6.02亿人。', span: '6.02亿人', value: 6.02e8, sig: 3, u: 1e6, numeral: '6.02' },
  { text: '生成式人工智慧用戶規模達6.02 億人。', span: '6.02 億人', value: 6.02e8, sig: 3, u: 1e6 },
  { text: '我国网民规模达11.25亿。', span: '11.25亿', value: 1.125e9, sig: 4, u: 1e6 },
  { text: '5G基站总数达483.8万座。', span: '483.8万座', value: 4.838e6, sig: 4, u: 1000 },
  { text: '人工智能核心产业规模达1.2万亿元。', span: '1.2万亿元', value: 1.2e12, currency: 'CNY', sig: 2, u: 1e11 },
  { text: '微短剧海外市场收入达15.25亿美元。', span: '15.25亿美元', value: 1.525e9, currency: 'USD', sig: 4, u: 1e6 },
  { text: '港股成交额约1亿港元。', span: '约1亿港元', value: 1e8, currency: 'HKD', hedge: 'about' },
  { text: '核心产业规模约合1700亿美元。', span: '约合1700亿美元', value: 1.7e11, currency: 'USD', hedge: 'about' },
  { text: '企业数量达25.4万户。', span: '25.4万户', value: 254000, sig: 3, u: 1000 },
  { text: '企業數量達25.4萬戶。', span: '25.4萬戶', value: 254000 },
  { text: '算力总规模达1590百亿亿次/秒。', span: '1590百亿亿次/秒', value: 1590, kind: 'eflops', numeral: '1590' },
  { text: '算力总规模达1590EFLOPS。', span: '1590EFLOPS', value: 1590, kind: 'eflops' },
  { text: '普及率提升25.2个百分点。', span: '25.2个百分点', value: 25.2, kind: 'percentage-points', sig: 3, u: 0.1 },
  { text: '普及率提升25.2個百分點。', span: '25.2個百分點', value: 25.2, kind: 'percentage-points' },
  { text: '互联网普及率达80.1%。', span: '80.1%', value: 80.1, kind: 'percent', sig: 3, u: 0.1 },
  { text: '互联网普及率达80.1％。', span: '80.1％', value: 80.1, kind: 'percent' },
  { text: '占比为3‰。', span: '3‰', value: 0.003, kind: 'ratio' },
  { text: '用户规模达６.０２亿。', span: '６.０２亿', value: 6.02e8, sig: 3, numeral: '６.０２' },
  { text: '增长了1.5倍。', span: '1.5倍', value: 150, kind: 'percent', multiplier: true },
  { text: '总收入达人民币 1.2万亿元。', span: '人民币 1.2万亿元', value: 1.2e12, currency: 'CNY' },
  { text: '文章阅读 10万+。', span: '10万+', value: 1e5, hedge: 'over' },
  { text: '规模达4.57 亿。', span: '4.57 亿', value: 4.57e8 },
]);

table('Chinese numerals', [
  { text: '用户规模达六点零二亿。', span: '六点零二亿', value: 6.02e8, sig: 3, u: 1e6, numeral: '六点零二' },
  { text: '用户规模超六亿。', span: '超六亿', value: 6e8, hedge: 'over', sig: 1, u: 1e8 },
  { text: '共建成四十二个智算集群。', span: '四十二个', value: 42, sig: 2 },
  { text: '大约两千家企业参与。', span: '大约两千家', value: 2000, hedge: 'about' },
  { text: '价格指数为一百四十一点七。', span: '一百四十一点七', value: 141.7, sig: 4, u: 0.1 },
  { text: '网民规模达十一亿二千五百万。', span: '十一亿二千五百万', value: 1.125e9, sig: 4, u: 1e6 },
  { text: '近八成网民使用过生成式人工智能。', span: '近八成', value: 80, kind: 'percent', hedge: 'nearly', sig: 1, u: 10 },
  { text: '约三成用户付费。', span: '约三成', value: 30, kind: 'percent', hedge: 'about' },
  { text: '七成以上的企业已部署。', span: '七成以上', value: 70, kind: 'percent', hedge: 'over' },
  { text: '普及率超过百分之八十。', span: '超过百分之八十', value: 80, kind: 'percent', hedge: 'over', sig: 1, u: 10 },
  { text: '占比为百分之四十二点八。', span: '百分之四十二点八', value: 42.8, kind: 'percent', sig: 3, u: 0.1 },
  { text: '不良率控制在千分之三。', span: '千分之三', value: 0.003, kind: 'ratio', sig: 1, u: 0.001 },
  { text: '差错率低于万分之五。', span: '低于万分之五', value: 0.0005, kind: 'ratio', hedge: 'under', u: 0.0001 },
  { text: '普及率提高两个百分点。', span: '两个百分点', value: 2, kind: 'percentage-points' },
  { text: '带动十多万人就业。', span: '十多万人', value: 1e5, hedge: 'over' },
  { text: '投资一千多亿元。', span: '一千多亿元', value: 1e11, currency: 'CNY', hedge: 'over' },
  { text: '网民规模达十一亿二千五百万人。', span: '十一亿二千五百万人', value: 1.125e9 },
]);

table('Chinese hedges', [
  { text: '用户超过6亿。', span: '超过6亿', value: 6e8, hedge: 'over' },
  { text: '用戶超過6億。', span: '超過6億', value: 6e8, hedge: 'over' },
  { text: '用户逾6亿。', span: '逾6亿', value: 6e8, hedge: 'over' },
  { text: '用户突破6亿。', span: '突破6亿', value: 6e8, hedge: 'over' },
  { text: '发布了200多个大模型。', span: '200多个', value: 200, hedge: 'over' },
  { text: '有6000多家企业。', span: '6000多家', value: 6000, hedge: 'over' },
  { text: '有200余家企业。', span: '200余家', value: 200, hedge: 'over' },
  { text: '有200餘家企業。', span: '200餘家', value: 200, hedge: 'over' },
  { text: '用户达到6亿以上。', span: '6亿以上', value: 6e8, hedge: 'over' },
  { text: '用户约6亿。', span: '约6亿', value: 6e8, hedge: 'about' },
  { text: '用戶約6億。', span: '約6億', value: 6e8, hedge: 'about' },
  { text: '用户大约6亿。', span: '大约6亿', value: 6e8, hedge: 'about' },
  { text: '用户6亿左右。', span: '6亿左右', value: 6e8, hedge: 'about' },
  { text: '用户6亿上下。', span: '6亿上下', value: 6e8, hedge: 'about' },
  { text: '用户近6亿。', span: '近6亿', value: 6e8, hedge: 'nearly' },
  { text: '用户接近6亿。', span: '接近6亿', value: 6e8, hedge: 'nearly' },
  { text: '用户将近6亿。', span: '将近6亿', value: 6e8, hedge: 'nearly' },
  { text: '用戶將近6億。', span: '將近6億', value: 6e8, hedge: 'nearly' },
  { text: '用户逼近6亿。', span: '逼近6亿', value: 6e8, hedge: 'nearly' },
  { text: '用户不到6亿。', span: '不到6亿', value: 6e8, hedge: 'under' },
  { text: '用户不足6亿。', span: '不足6亿', value: 6e8, hedge: 'under' },
  { text: '用户在6亿以下。', span: '6亿以下', value: 6e8, hedge: 'under' },
  { text: '收入200多万元。', span: '200多万元', value: 2e6, currency: 'CNY', hedge: 'over' },
]);

table('Chinese word multipliers', [
  { text: '用户规模实现翻番。', span: '翻番', value: 100, kind: 'percent', multiplier: true, sig: 1, u: 100 },
  { text: '用户规模翻了一番。', span: '翻了一番', value: 100, kind: 'percent', multiplier: true },
  { text: '收入翻两番。', span: '翻两番', value: 300, kind: 'percent', multiplier: true },
  { text: '收入增长了近两倍。', span: '近两倍', value: 200, kind: 'percent', multiplier: true, hedge: 'nearly' },
  { text: '收入增长了两倍多。', span: '两倍多', value: 200, kind: 'percent', multiplier: true, hedge: 'over' },
  { text: '用户增長逾一倍。', span: '逾一倍', value: 100, kind: 'percent', multiplier: true, hedge: 'over' },
  { text: '收入实现翻倍。', span: '翻倍', value: 100, kind: 'percent', multiplier: true },
  { text: '用户规模翻了一倍多。', span: '翻了一倍多', value: 100, kind: 'percent', multiplier: true, hedge: 'over' },
]);

// -----------------------------------------------------------------------------------------------

describe('scale words used as adjectives do not multiply', () => {
  it('does not read 42 ten-thousand-GPU clusters as 420,000', () => {
    const text = 'China has built 42 ten-thousand-GPU clusters.';
    const all = recogniseNumbers(text);
    expect(all.some((r) => r.value === 420000)).toBe(false);
    check({ text, span: '42', value: 42 });
    expect(all).toHaveLength(1);
  });
  it('does not read 42个万卡智算集群 as 420,000', () => {
    const text = '全国已建成42个万卡智算集群。';
    const all = recogniseNumbers(text);
    expect(all.some((r) => r.value === 420000)).toBe(false);
    check({ text, span: '42个', value: 42 });
    expect(all).toHaveLength(1);
  });
  it('never multiplies by 万卡 (10万卡集群 is 10)', () => {
    const all = recogniseNumbers('建设10万卡集群。');
    expect(all.map((r) => r.value)).toEqual([10]);
  });
  it('reads a 1,000-strong team as 1000', () => {
    check({ text: 'A 1,000-strong team built it.', span: '1,000', value: 1000 });
  });
  it('reads a 10,000-GPU cluster as 10000', () => {
    check({ text: 'It runs on a 10,000-GPU cluster.', span: '10,000', value: 10000 });
  });
  it('does not turn million-dollar or billion-parameter into figures', () => {
    expect(recogniseNumbers('A million-dollar deal for billion-parameter models.')).toEqual([]);
  });
  it('does not read a bare English number word as a figure', () => {
    expect(recogniseNumbers('One of the three firms, and one more.')).toEqual([]);
  });
});

describe('dates and years are not figures', () => {
  const cases: [string, string][] = [
    ['The report was released in 2025.', '2025'],
    ['Users grew in 2024 to new highs.', '2024'],
    ['截至2025年底，网民规模稳定。', '2025年'],
    ['截至2025年12月，网民规模稳定。', '2025年12月'],
    ['数据截至12月。', '12月'],
    ['报告于5日发布。', '5日'],
    ['BEIJING, Feb. 5 (Xinhua) -- The report was out.', 'Feb. 5'],
    ['As of December 2025, adoption rose.', 'December 2025'],
    ['Published 2026-02-06 by the desk.', '2026-02-06'],
    ['Published 2026/02/06 by the desk.', '2026/02/06'],
    ['Published 02/06/2026 by the desk.', '02/06/2026'],
    ['报告发布于二〇二五年。', '二〇二五年'],
    ['The 2024-25 season was strong.', '2024-25'],
    ['The 1990s were different.', '1990s'],
    ['2025年1—8月，收入增长。', '2025年1—8月'],
    ['On 5 December the report came out.', '5 December'],
  ];
  for (const [text, sub] of cases) {
    it(`does not read "${sub}" as a figure`, () => expectNoFigureIn(text, sub));
  }
});

describe('times, phone numbers, licences and IDs are not figures', () => {
  const cases: [string, string][] = [
    ['The briefing starts at 10:30 in Beijing.', '10:30'],
    ['Call +86 10 1234 5678 for details.', '+86 10 1234 5678'],
    ['联系电话：010-12345678。', '010-12345678'],
    ['客服热线：400-810-8888。', '400-810-8888'],
    ['Tel: (010) 6552 1234.', '(010) 6552 1234'],
    ['客服專線：(02) 2345-6789', '(02) 2345-6789'],
    ['联系电话：010-5881 3000', '010-5881 3000'],
    ['京ICP备12345678号', '京ICP备12345678号'],
    ['京ICP备12345678号-1　京公网安备', '京ICP备12345678号-1'],
    ['京ICP证030173号', '京ICP证030173号'],
    ['沪公网安备 31010602000012号', '沪公网安备 31010602000012号'],
    ['Order ID 12345678 was shipped.', '12345678'],
    ['Last updated 11:48 GMT+8.', 'GMT+8'],
    ['See https://data.example.org/cnnic/57 for data.', '/cnnic/57'],
  ];
  for (const [text, sub] of cases) {
    it(`does not read "${sub}" as a figure`, () => expectNoFigureIn(text, sub));
  }
});

describe('ordinals and list numbering are not figures', () => {
  const cases: [string, string][] = [
    ['The 57th report was released.', '57th'],
    ['The 1st, 2nd and 3rd reports.', '1st, 2nd and 3rd'],
    ['第57次《中国互联网络发展状况统计报告》', '第57次'],
    ['第五十七次统计报告', '第五十七次'],
    ['It ranked No. 5 worldwide.', 'No. 5'],
    ['It ranked #5 worldwide.', '#5'],
    ['Issue #214 of the digest.', '#214'],
    ['1. Users keep growing', '1.'],
    ['Intro\n2) Users keep growing', '2)'],
    ['Intro\n(3) Users keep growing', '(3)'],
    ['一、总体情况', '一、'],
    ['（二）发展状况', '（二）'],
    ['表1：核心指标对比', '表1'],
  ];
  for (const [text, sub] of cases) {
    it(`does not read "${sub}" as a figure`, () => expectNoFigureIn(text, sub));
  }
});

describe('version and model names are not figures', () => {
  const cases: [string, string][] = [
    ['Released as v2.1 today.', 'v2.1'],
    ['Compared with GPT-4 on tests.', 'GPT-4'],
    ['Alibaba released Qwen2.5 models.', 'Qwen2.5'],
    ['Exports of the H100 were curbed.', 'H100'],
    ['China has the largest 5G network.', '5G'],
    ['Streams in 4K resolution.', '4K'],
    ['The 2nd-gen chip ships soon.', '2nd-gen'],
    ['Sales of the iPhone 16 slowed.', 'iPhone 16'],
    ['It runs on Windows 11 only.', 'Windows 11'],
    ['A 1920x1080 display.', '1920x1080'],
    ['Certified to ISO 9001 standards.', 'ISO 9001'],
  ];
  for (const [text, sub] of cases) {
    it(`does not read "${sub}" as a figure`, () => expectNoFigureIn(text, sub));
  }
});

describe('Chinese numerals inside words are not figures', () => {
  const cases: [string, string][] = [
    ['这是一个统一的平台。', '一个统一'],
    ['一些企业万一出现问题。', '一些企业万一'],
    ['千万不要忽视风险。', '千万'],
    ['这十分重要。', '十分'],
    ['三五成群，一成不变。', '三五成群，一成不变'],
    ['数十亿的投入，几十万的用户。', '数十亿的投入，几十万'],
    ['最近6个月表现平稳。', '最近'],
  ];
  for (const [text, sub] of cases) {
    it(`does not read "${sub}" as a figure`, () => expectNoFigureIn(text, sub));
  }
  it('does not take 近 in 最近 as a hedge', () => {
    const r = find('最近6个月表现平稳。', '6个');
    expect(r.hedge).toBe('none');
  });
});

describe('durations and ages may be returned as plain counts', () => {
  it('returns 30 minutes as a count of 30', () => {
    check({ text: 'The call lasted 30 minutes.', span: '30', value: 30 });
  });
  it('returns 5 years as a count of 5', () => {
    check({ text: 'It took 5 years.', span: '5', value: 5 });
  });
  it('does not crash on aged 60 and above', () => {
    const all = recogniseNumbers('Internet use among people aged 60 and above rose.');
    expect(all.every((r) => r.value === 60)).toBe(true);
  });
});

describe('general guarantees', () => {
  it('keeps a table row of numbers separated by spaces (it is not a phone number)', () => {
    expect(recogniseNumbers('Rows: 446 538 302 254.').map((r) => r.value)).toEqual([446, 538, 302, 254]);
  });
  it('does not take a bare Chinese numeral with a classifier as a figure (一个, 三家)', () => {
    expect(recogniseNumbers('这是一个平台，有三家企业。')).toEqual([]);
  });
  it('returns an empty list for empty or figure-free text', () => {
    expect(recogniseNumbers('')).toEqual([]);
    expect(recogniseNumbers('No figures here at all.')).toEqual([]);
  });
  it('returns several figures in one sentence, sorted and non-overlapping', () => {
    const text =
      'China had 1.125 billion internet users, with penetration at 80.1 percent; generative AI users reached 602 million, up 141.7 percent, while 42 clusters were built.';
    const all = recogniseNumbers(text);
    expect(all.map((r) => text.slice(r.start, r.end))).toEqual([
      '1.125 billion',
      '80.1 percent',
      '602 million',
      '141.7 percent',
      '42',
    ]);
    for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
  });
  it('keeps offsets into the original text with full-width and Traditional characters', () => {
    const text = '網民規模達１１.２５億人，普及率８０.１％。';
    const all = recogniseNumbers(text);
    expect(all.map((r) => text.slice(r.start, r.end))).toEqual(['１１.２５億人', '８０.１％']);
    expect(close(all[0]!.value, 1.125e9)).toBe(true);
    expect(close(all[1]!.value, 80.1)).toBe(true);
  });
  it('handles lone surrogates and control characters without throwing', () => {
    expect(() => recogniseNumbers('\uD800 6亿 \uDC00 \u0000 5 million \uFFFF')).not.toThrow();
    const all = recogniseNumbers('\uD800 6亿 \uDC00 \u0000 5 million \uFFFF');
    expect(all.map((r) => r.value)).toEqual([6e8, 5e6]);
  });
});

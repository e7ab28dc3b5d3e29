import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDocument } from '../../scripts/cli/documents';
import { matchLabels, runCli, type Label, type LabelMatch } from '../e2e/registry';
import { seedAsHtml } from '../e2e/server';

/**
 * The end-to-end scenarios, shared by both browsers: which pages, which marks, which card text,
 * which popup, badge and options text. Chromium's Playwright specs (tests/e2e/) and Firefox's
 * node:test suite (tests/firefox/) both import them, so the two browsers are held to the same
 * expectations; only how each browser is driven differs.
 */

export const VERDICTS = ['exact', 'rounded', 'outdated', 'conflict'] as const;
export type Verdict = (typeof VERDICTS)[number];

// ---- pages (paths on the fixture server, tests/e2e/server.ts) ----------------------------------

/** A seed article (CNNIC's 57th report): many exact figures, including "602 million". */
export const SEED_PAGE = '/seed/000_9d474e672f3dc305.txt.html';
/** One figure of each verdict: 2 exact, 1 rounded, 1 outdated, 1 conflict. */
export const VERDICTS_PAGE = '/e2e/pages/sites-verdicts.html';
export const VERDICTS_PAGE_COUNTS: Record<Verdict, number> = { exact: 2, rounded: 1, outdated: 1, conflict: 1 };
/** A plain article with a few exact and rounded figures. */
export const PLAIN_PAGE = '/e2e/pages/card-plain.html';
/** A labelled fixture page with all four verdicts (the marks screenshot). */
export const ALL_VERDICTS_PAGE = '/fixtures/pages/en-07-opinion.html';

// ---- labelled documents: exactly the labelled marks ---------------------------------------------

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export interface LabelDoc {
  file: string;
  lang: string;
  figures: Label[];
}

export interface LabelledDocument {
  doc: LabelDoc;
  /** The file the CLI reads (a seed article as the HTML the server sends). */
  file: string;
  /** Its path on the fixture server. */
  path: string;
}

/** Every labelled document (tests/fixtures/seeds.json, pages.json), in label-file order. */
export function labelledDocuments(): LabelledDocument[] {
  let seedDir: string | undefined;
  return (['seeds.json', 'pages.json'] as const).flatMap((set) =>
    (JSON.parse(readFileSync(join(FIXTURES, set), 'utf8')) as { documents: LabelDoc[] }).documents.map((doc) => {
      if (doc.file.startsWith('seeds/')) {
        const base = doc.file.slice('seeds/'.length).replace(/\.txt$/, '');
        seedDir ??= mkdtempSync(join(tmpdir(), 'figure-check-marks-'));
        const file = join(seedDir, `${base}.txt.html`);
        writeFileSync(file, seedAsHtml(readFileSync(join(FIXTURES, doc.file), 'utf8'), base));
        return { doc, file, path: `/seed/${base}.txt.html` };
      }
      return { doc, file: join(FIXTURES, doc.file), path: `/fixtures/${doc.file}` };
    }),
  );
}

/** What the CLI gets wrong on each document, by the same matching: the engine's known errors (keyed by `file`). */
export function cliMatches(documents: readonly LabelledDocument[]): Map<string, LabelMatch> {
  const results = runCli(documents.map((d) => d.file));
  return new Map(
    results.map((r, i) => {
      const { doc, file } = documents[i]!;
      const text = loadDocument(file, readFileSync(file, 'utf8')).text;
      return [file, matchLabels(text, r.figures.map((f) => ({ start: f.start, end: f.end, verdict: f.verdict, text: f.text })), doc.figures)];
    }),
  );
}

export interface MarksJudgement {
  /** Labels without a matching mark, that the CLI does find (fail). */
  missed: string[];
  /** Marks no label asks for, that the CLI does not print (fail). */
  extra: string[];
  /** The engine's own errors, the same in the page and the CLI (reported, not failed, unless strict). */
  engine: string[];
}

/**
 * The page's marks against a document's labels. The engine's own misses are not the subject of
 * the end-to-end tests (`npm run eval` scores the engine; parity.spec.ts proves page and CLI
 * agree): a label the CLI also misses, or an extra figure the CLI also prints, goes to `engine`
 * instead of failing, unless `strict` (FIGURE_CHECK_STRICT_LABELS=1). Anything the page gets wrong
 * that the CLI gets right fails.
 */
export function judgeMarks(doc: LabelDoc, got: LabelMatch, engine: LabelMatch, strict: boolean): MarksJudgement {
  const engineMissed = new Set(engine.missed.map((m) => m.label));
  const engineExtra = engine.extra.map((s) => `${s.verdict} "${s.text}"`);
  const missed = got.missed.filter((m) => strict || !engineMissed.has(m.label));
  const extra = got.extra
    .map((s) => `${s.verdict} "${s.text}"`)
    .filter((s) => {
      if (strict) return true;
      const i = engineExtra.indexOf(s);
      if (i < 0) return true;
      engineExtra.splice(i, 1);
      return false;
    });
  const notes: string[] = [];
  for (const m of got.missed.filter((m) => !missed.includes(m))) {
    const l = doc.figures[m.label]!;
    notes.push(`missed "${l.text}" (${l.metric}, ${l.accept.join('/')})${m.found ? `, found ${m.found}` : ''} — the CLI misses it too`);
  }
  const allExtra = got.extra.map((s) => `${s.verdict} "${s.text}"`);
  for (const s of allExtra.filter((s) => !extra.includes(s))) notes.push(`extra mark ${s} — the CLI prints it too`);
  return {
    missed: missed.map((m) => {
      const l = doc.figures[m.label]!;
      return `"${l.text}" (${l.accept.join('/')})${m.found ? ` — found ${m.found}` : ''}`;
    }),
    extra,
    engine: notes,
  };
}

export const STRICT_LABELS = process.env.FIGURE_CHECK_STRICT_LABELS === '1';

// ---- the card -------------------------------------------------------------------------------------

/** HOVER_OPEN_DELAY_MS in entrypoints/content/ui.ts: no card before the pointer has rested this long. */
export const HOVER_DELAY_MS = 350;

export interface CardScenario {
  page: string;
  /** Text of the marked figure to open (a substring of the range's text). */
  figure: string;
  verdict: Verdict;
  /** Card fields (by class) and their exact text. */
  fields: Record<string, string>;
  /** Card fields (by class) that contain these texts. */
  contains: Record<string, string[]>;
  /** The source link, if the card has one. */
  link?: { text: string; href: string };
  /** Buttons by accessible name. */
  buttons: string[];
}

/** An English page, English UI: value, period, source and release date. */
export const CARD_EN: CardScenario = {
  page: SEED_PAGE,
  figure: '602 million',
  verdict: 'exact',
  fields: {
    verdict: 'Exact',
    metric: 'Generative AI users',
    'page-value': '602 million',
    'official-value': '602 million',
    period: 'as of Dec 2025',
    released: 'released Feb 5, 2026',
  },
  contains: { source: ['CNNIC'], why: ['same clause'] },
  link: { text: "The 57th Statistical Report on China's Internet Development", href: 'https://www.cnnic.cn/' },
  buttons: ['Copy citation', 'Close'],
};

/** What "Copy citation" puts on the clipboard for CARD_EN's figure. */
export const CITATION_EN =
  "Generative AI users: 602 million (Dec 2025). CNNIC, The 57th Statistical Report on China's Internet Development, released 2026-02-05. https://www.cnnic.cn/";

/** A Chinese page, Chinese UI: Chinese words and Chinese numbers. */
export const CARD_ZH: CardScenario = {
  page: '/fixtures/pages/zh-01-wire-cnnic.html',
  figure: '6.02亿',
  verdict: 'exact',
  fields: { verdict: '准确', metric: '生成式人工智能用户规模', 'official-value': '6.02亿', period: '截至2025年12月' },
  contains: { source: ['中国互联网络信息中心', '第57次《中国互联网络发展状况统计报告》', '2026年2月5日发布'] },
  buttons: ['复制引用', '关闭'],
};

/** The same English page with the Chinese UI: Chinese words, the official value as the page writes numbers. */
export const CARD_ZH_UI_EN_PAGE: CardScenario = {
  page: SEED_PAGE,
  figure: '602 million',
  verdict: 'exact',
  fields: { verdict: '准确', 'official-value': '602 million', period: '截至2025年12月' },
  contains: { why: ['匹配依据'] },
  buttons: ['复制引用', '关闭'],
};

/** A card's fields that differ from the scenario, as readable lines (empty: all as expected). */
export function cardMismatches(scenario: CardScenario, card: { fields: Record<string, string>; link: { text: string; href: string | null } | null; buttons: string[]; text: string } | null): string[] {
  if (!card) return ['no card is open'];
  const out: string[] = [];
  for (const [cls, want] of Object.entries(scenario.fields)) if (card.fields[cls] !== want) out.push(`.${cls}: "${card.fields[cls]}", expected "${want}"`);
  for (const [cls, wants] of Object.entries(scenario.contains)) {
    const have = card.fields[cls] ?? card.text;
    for (const want of wants) if (!have?.includes(want)) out.push(`.${cls}: "${have}" does not contain "${want}"`);
  }
  if (scenario.link && (card.link?.text !== scenario.link.text || card.link?.href !== scenario.link.href)) out.push(`source link ${JSON.stringify(card.link)}, expected ${JSON.stringify(scenario.link)}`);
  for (const b of scenario.buttons) if (!card.buttons.includes(b)) out.push(`no button "${b}" (has ${JSON.stringify(card.buttons)})`);
  return out;
}

// ---- popup and badge ------------------------------------------------------------------------------

export const POPUP = {
  en: {
    siteSwitch: (host: string) => `Check figures on ${host}`,
    siteOff: 'Checking is off on this site.',
    globalSwitch: 'Figure Check on',
    onlyListed: 'Only on the sites I turn on',
  },
  zh: {
    siteSwitch: (host: string) => `在 ${host} 上核对数据`,
    /** VERDICTS_PAGE's counts. */
    figures: '5个数字',
    conflicts: '不符1个',
    onlyListed: '仅我开启的网站',
  },
} as const;

export const BADGE = {
  /** Colours as the browsers report them (RGBA). */
  calm: [53, 73, 94, 255],
  alarm: [198, 40, 40, 255],
  /** VERDICTS_PAGE: 5 figures, one a conflict. */
  verdictsPage: {
    text: '5!',
    title: {
      en: 'Figure Check: 5 figures — 2 exact, 1 rounded, 1 outdated, 1 conflict',
      zh: '数字核查：共5个数字——准确2个，约数1个，过时1个，不符1个',
    },
  },
  /** The title of a plain page's badge: counts that vary with the page. */
  plainTitle: (n: number) => new RegExp(`^Figure Check: ${n} figures — \\d+ exact, \\d+ rounded, 0 outdated, 0 conflicts$`),
  offTitle: 'Figure Check: off on this site',
} as const;

// ---- options and fact packs -------------------------------------------------------------------------

export const OPTIONS = {
  title: { en: 'Figure Check options', zh: '数字核查设置' },
  /** The options page's Chinese headings and labels. */
  zh: { disabledSites: '已关闭的网站', searchMetrics: '搜索指标', language: '界面语言' },
} as const;

export const PACK = {
  page: '/e2e/pages/custom-pack.html',
  file: resolve(import.meta.dirname, '../e2e/pages/custom-pack.json'),
  invalidFile: resolve(import.meta.dirname, '../e2e/pages/custom-pack-invalid.json'),
  imported: 'Imported “custom-pack.json”: 1 new metric, 2 observations.',
  refused: '“custom-pack-invalid.json” was not imported: 1 problem. Nothing already stored was changed.',
  problems: ['metrics.0.observations.1.asOf: a period YYYY, YYYY-MM or YYYY-MM-DD'],
  /** Marks on the pack's page, without the pack (only the official figure) and with it. */
  before: { exact: 1, rounded: 0, outdated: 0, conflict: 0 } as Record<Verdict, number>,
  after: { exact: 2, rounded: 0, outdated: 0, conflict: 0 } as Record<Verdict, number>,
  /** The exact marks' texts with the pack. */
  afterTexts: ['1.125 billion', '5,120'],
} as const;

// ---- privacy -----------------------------------------------------------------------------------------

/** Every web page the privacy tests open: the seed articles and every fixture page. */
export const WEB_PAGES: string[] = [
  ...readdirSync(join(FIXTURES, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `/seed/${f.replace(/\.txt$/, '')}.txt.html`),
  ...readdirSync(join(FIXTURES, 'pages'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => `/fixtures/pages/${f}`),
];

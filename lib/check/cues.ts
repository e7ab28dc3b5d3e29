import type { CueTerms, Dataset } from '../data/schema';

/**
 * One pass over a block finds every cue word of every metric: all terms are compiled into a
 * single regular expression, longest first. A term found also counts for the shorter terms inside
 * it ("generative AI users" also counts as "AI" and "users"), so overlaps lose nothing.
 */

export interface CueRef {
  metric: number;
  group: number;
}

/** Words that are not cues for any metric but change how sure we can be. */
export type ContextCategory = 'foreign' | 'global' | 'forecast';

interface TermInfo {
  term: string;
  refs: CueRef[];
  /** Metrics this term rules out when it stands in the figure's clause. */
  excludes: number[];
  categories: ContextCategory[];
  /** Short acronyms (AI, US, EU, UK) only count in capitals: "told us" is not the US. */
  caseSensitive: string | null;
}

export interface CueHit {
  start: number;
  end: number;
  info: TermInfo;
}

/**
 * Names whose words would otherwise read as cues: "Internet" in "China Internet Network Information
 * Center" says nothing about internet users. They are matched and then ignored.
 */
const STOP_TERMS: CueTerms = {
  en: ['China Internet Network Information Center', 'China Internet Network Information Centre', 'Internet Society of China', 'Cyberspace Administration of China', 'China Internet Information Center', 'internet regulator'],
  zh: ['中国互联网络信息中心', '中国互联网协会', '国家互联网信息办公室', '中国互联网络发展状况统计报告', '互联网络发展状况'],
  zhHant: ['中國互聯網絡信息中心', '中國互聯網絡資訊中心', '中國互聯網協會', '國家互聯網信息辦公室', '中國互聯網絡發展狀況統計報告', '互聯網絡發展狀況'],
};

/** Another country's or region's figure is never checked against China's statistics. */
const FOREIGN_TERMS: CueTerms = {
  en: ['US', 'U.S.', 'United States', 'America', 'American', 'Americans', 'India', 'Indian', 'Japan', 'Japanese', 'South Korea', 'Korea', 'Korean', 'Europe', 'European', 'EU', 'UK', 'Britain', 'British', 'Germany', 'German', 'France', 'French', 'Indonesia', 'Brazil', 'Russia', 'Vietnam', 'Africa', 'African', 'Southeast Asia', 'Taiwan', 'Hong Kong', 'Macao', 'Macau', 'Singapore', 'Australia', 'Canada', 'Nigeria', 'Pakistan', 'Bangladesh', 'Mexico', 'Philippines', 'Thailand', 'Malaysia'],
  zh: ['美国', '印度', '日本', '韩国', '欧洲', '欧盟', '英国', '德国', '法国', '印尼', '印度尼西亚', '巴西', '俄罗斯', '越南', '非洲', '东南亚', '台湾', '香港', '澳门', '新加坡', '澳大利亚', '加拿大', '墨西哥', '菲律宾', '泰国', '马来西亚'],
  zhHant: ['美國', '印度', '日本', '韓國', '歐洲', '歐盟', '英國', '德國', '法國', '印尼', '巴西', '俄羅斯', '越南', '非洲', '東南亞', '臺灣', '台灣', '香港', '澳門', '新加坡', '澳洲', '加拿大', '墨西哥', '菲律賓', '泰國', '馬來西亞'],
};

/** World-wide figures: fine to link when the value fits, never grounds for a conflict. */
const GLOBAL_TERMS: CueTerms = {
  en: ['global', 'globally', 'world', "world's", 'worldwide', 'international', 'overseas', 'abroad'],
  zh: ['全球', '世界', '国际', '海外', '境外'],
  zhHant: ['全球', '世界', '國際', '海外', '境外'],
};

/** Forecasts and targets are not statements of the official figure: never a conflict. */
const FORECAST_TERMS: CueTerms = {
  en: ['expect', 'expected', 'expects', 'forecast', 'forecasts', 'projected', 'projection', 'predict', 'predicted', 'predicts', 'estimate', 'estimates', 'target', 'targets', 'goal', 'aim', 'aims', 'plan', 'plans', 'will', 'would', 'could', 'may', 'might', 'should', 'likely', 'by 2027', 'by 2028', 'by 2030', 'by 2035', 'if', 'hypothetical', 'suppose'],
  zh: ['预计', '预期', '预测', '有望', '将', '目标', '计划', '力争', '估计', '或将', '可能', '假设', '如果'],
  zhHant: ['預計', '預期', '預測', '有望', '將', '目標', '計劃', '計畫', '力爭', '估計', '或將', '可能', '假設', '如果'],
};

export function normaliseTerm(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'").replace(/[-\s\u00a0]+/g, ' ');
}

const isAsciiTerm = (t: string) => /^[\x20-\x7e’]+$/.test(t);

/** English words as the cue scan sees them: "country's", "5G", "U" and "S" of "U.S.". */
const WORD = /[A-Za-z0-9]+(?:['’][A-Za-z]+)?/g;
/** What may stand between the words of one term: "year-on-year", "year on year", "U.S.". */
const WORD_GAP = /^[-\s\u00a0.]{1,3}$/;

function wordsOf(term: string): string[] {
  return (term.replace(/’/g, "'").match(WORD) ?? []).map((w) => w.toLowerCase());
}

const normaliseWord = (w: string) => (w.includes('’') ? w.toLowerCase().replace(/’/g, "'") : w.toLowerCase());

const NEXT_WORD = /[-\s\u00a0.]{1,3}([A-Za-z0-9]+(?:['’][A-Za-z]+)?)/y;

/**
 * Where a phrase whose first word ends at `from` ends in `text`, or -1. Later words follow a short
 * gap; the last word may take a plural or inflection ending ("user" finds "users") or be possessive
 * ("India's" is India).
 */
function matchRest(text: string, words: readonly string[], firstLower: string, from: number): number {
  const last = words.length - 1;
  if (!wordMatches(firstLower, words[0]!, last === 0)) return -1;
  let end = from;
  for (let k = 1; k <= last; k++) {
    NEXT_WORD.lastIndex = end;
    const m = NEXT_WORD.exec(text);
    if (!m || !wordMatches(normaliseWord(m[1]!), words[k]!, k === last)) return -1;
    end = NEXT_WORD.lastIndex;
  }
  return end;
}

function wordMatches(found: string, want: string, isLast: boolean): boolean {
  return found === want || (isLast && (found === `${want}s` || found === `${want}es` || found === `${want}'s`));
}

interface Phrase {
  words: string[];
  info: TermInfo;
}

export class CueIndex {
  private readonly terms = new Map<string, TermInfo>();
  private readonly byFirstWord = new Map<string, Phrase[]>();
  private readonly byFirstCode = new Map<number, TermInfo[]>();
  private readonly asciiStartsCjkTerm = new Uint8Array(128);

  constructor(dataset: Pick<Dataset, 'metrics'>) {
    const info = (term: string): TermInfo => {
      const key = normaliseTerm(term);
      let entry = this.terms.get(key);
      if (!entry) {
        entry = { term: key, refs: [], excludes: [], categories: [], caseSensitive: null };
        this.terms.set(key, entry);
      }
      if (/^[A-Z]{2,3}$/.test(term.replace(/\./g, ''))) entry.caseSensitive = term.replace(/\./g, '');
      return entry;
    };
    const all = (terms: Partial<CueTerms>) => [...(terms.en ?? []), ...(terms.zh ?? []), ...(terms.zhHant ?? [])];
    dataset.metrics.forEach((metric, m) => {
      metric.cues.forEach((group, g) => {
        for (const term of all(group)) info(term).refs.push({ metric: m, group: g });
      });
      for (const term of all(metric.excludes ?? {})) info(term).excludes.push(m);
    });
    for (const term of all(STOP_TERMS)) info(term);
    const categorise = (terms: CueTerms, category: ContextCategory) => {
      for (const term of all(terms)) info(term).categories.push(category);
    };
    categorise(FOREIGN_TERMS, 'foreign');
    categorise(GLOBAL_TERMS, 'global');
    categorise(FORECAST_TERMS, 'forecast');
    const stop = new Set(all(STOP_TERMS).map(normaliseTerm));

    // A longer term also counts as every shorter cue term inside it (at word boundaries for English).
    const keys = [...this.terms.keys()];
    for (const outer of keys) {
      if (stop.has(outer)) continue;
      const outerInfo = this.terms.get(outer)!;
      for (const inner of keys) {
        if (inner === outer || inner.length >= outer.length || stop.has(inner)) continue;
        const at = outer.indexOf(inner);
        if (at < 0) continue;
        if (isAsciiTerm(inner)) {
          const before = outer[at - 1];
          const after = outer[at + inner.length];
          if ((before && /[a-z0-9]/.test(before)) || (after && /[a-z0-9]/.test(after))) continue;
        }
        const innerInfo = this.terms.get(inner)!;
        outerInfo.refs.push(...innerInfo.refs);
        outerInfo.excludes.push(...innerInfo.excludes);
      }
    }

    // English terms are looked up word by word (by their first word), Chinese terms character by
    // character (by their first character): two linear passes, much cheaper than one regular
    // expression with a thousand alternatives. Longest terms first, so the longest one wins.
    for (const key of keys.sort((x, y) => y.length - x.length)) {
      const info = this.terms.get(key)!;
      if (isAsciiTerm(key)) {
        const words = wordsOf(key);
        if (words.length === 0) continue;
        // Indexed under the forms the first word can take in text, so a scan needs one lookup a word.
        const first = words[0]!;
        for (const form of new Set([first, `${first}s`, `${first}es`, `${first}'s`])) {
          const list = this.byFirstWord.get(form) ?? [];
          list.push({ words, info });
          this.byFirstWord.set(form, list);
        }
      } else {
        const first = key.charCodeAt(0);
        const list = this.byFirstCode.get(first) ?? [];
        list.push(info);
        this.byFirstCode.set(first, list);
        if (first < 128) this.asciiStartsCjkTerm[first] = 1;
      }
    }
  }

  /** Every cue, exclusion and context word in `text`, in order. */
  scan(text: string): CueHit[] {
    const hits: CueHit[] = [];
    this.scanWords(text, hits);
    this.scanCharacters(text, hits);
    hits.sort((x, y) => x.start - y.start);
    return hits.filter((h) => h.info.refs.length || h.info.excludes.length || h.info.categories.length);
  }

  private scanWords(text: string, hits: CueHit[]): void {
    // Words are only materialised where a term could start; everything else is one regex step.
    const word = WORD;
    word.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = word.exec(text)) !== null) {
      const lower = normaliseWord(m[0]);
      const candidates = this.byFirstWord.get(lower); // holds plural and possessive forms too
      if (!candidates) continue;
      const start = m.index;
      const firstEnd = start + m[0].length;
      for (const phrase of candidates) {
        const end = matchRest(text, phrase.words, lower, firstEnd);
        if (end < 0) continue;
        const found = text.slice(start, end);
        if (phrase.info.caseSensitive && found.replace(/\./g, '').replace(/e?s$/, '') !== phrase.info.caseSensitive) continue;
        hits.push({ start, end, info: phrase.info });
        word.lastIndex = end; // terms do not overlap: "China Internet Network Information Center" hides its "Internet"
        break;
      }
    }
  }

  private scanCharacters(text: string, hits: CueHit[]): void {
    const map = this.byFirstCode;
    const asciiStarts = this.asciiStartsCjkTerm;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code < 128) {
        // Chinese terms may start with Latin letters or digits ("AI产业", "60岁"): compare those case-insensitively.
        if (!asciiStarts[code]) continue;
        if (code >= 65 && code <= 90) code += 32;
      }
      const candidates = map.get(code);
      if (!candidates) continue;
      for (const info of candidates) {
        const len = info.term.length;
        const ok = code < 128 ? text.slice(i, i + len).toLowerCase() === info.term : text.startsWith(info.term, i);
        if (ok) {
          hits.push({ start: i, end: i + len, info });
          i += len - 1;
          break;
        }
      }
    }
  }


}

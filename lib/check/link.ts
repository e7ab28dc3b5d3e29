import type { Metric, Observation } from '../data/schema';
import type { RecognisedNumber } from '../numbers/types';
import type { Span } from '../text/sentences';
import type { CueHit } from './cues';
import { periodYears } from './dates';
import type { Engine } from './engine';
import { conversionTo, isChangeMetric, verdictFor, type Verdict, type VerdictResult } from './verdict';

/**
 * Linking one figure to at most one metric. Precision before recall: a figure whose value fits a
 * metric needs its cue words nearby; a `conflict` needs them in the figure's own sentence, a
 * plausible magnitude, and nothing that suggests another country, a forecast or another period.
 */

/** Where a cue group was found, from the figure's point of view. */
export const LEVEL = { clause: 3, sentence: 2, paragraph: 1, heading: 1, document: 0.5, none: 0 } as const;

export interface FigureContext {
  text: string;
  clause: Span;
  sentence: Span;
  hits: CueHit[];
  /** Cue words of the heading above the block (metric → groups found). */
  headingGroups: Set<number>;
  /** Cue words found anywhere in the document. */
  documentGroups: Set<number>;
  isHeading: boolean;
  isTableRow: boolean;
  /** Receives the reason for each candidate metric kept or dropped (for `figure-check --explain`). */
  trace?: (message: string) => void;
}

export interface CueEvidence {
  term: string;
  level: keyof typeof LEVEL;
}

export interface Link {
  metric: number;
  result: VerdictResult;
  cues: CueEvidence[];
  score: number;
}

/** A cue group as one number (cheaper than a string key in the sets built for every block). */
export const groupKey = (metric: number, group: number): number => metric * 256 + group;

/** A change verb right before a count ("an increase of 50 million users") makes it a change, not a level. */
const CHANGE_BEFORE = /(?:\b(?:increase[ds]?|rise|rose|risen|grew|grown|growth|gain(?:ed)?|added|adding|jump(?:ed)?|fell|fallen|drop(?:ped)?|decline[ds]?|decrease[ds]?|down|net)|(?<!\b(?:make|makes|made|making|take|takes|took|sum|sums|summed|end|ends|ended|show|shows|showed|add|adds|ramp|ramped|pick|picked|open|opened|set)\s+)\bup)\s+(?:by\s+|of\s+)?(?:an?\s+)?(?:additional\s+|extra\s+|another\s+)?$|(?:增加|增长|新增|净增|减少|下降|增长了|增加了|增|减|多出|提高|提升|上升|增長|增加了|淨增|減少|下降|提升|上升)$/i;

const VERDICT_RANK: Record<Verdict, number> = { exact: 3, rounded: 2, outdated: 1, conflict: 0 };

function bestLevel(ctx: FigureContext, metric: number, group: number): { level: keyof typeof LEVEL; term?: string } {
  let best: keyof typeof LEVEL = 'none';
  let term: string | undefined;
  for (const hit of ctx.hits) {
    if (!hit.info.refs.some((r) => r.metric === metric && r.group === group)) continue;
    const level: keyof typeof LEVEL =
      hit.start >= ctx.clause.start && hit.end <= ctx.clause.end
        ? 'clause'
        : hit.start >= ctx.sentence.start && hit.end <= ctx.sentence.end
          ? 'sentence'
          : 'paragraph';
    if (LEVEL[level] > LEVEL[best]) {
      best = level;
      term = hit.info.term;
    }
  }
  if (LEVEL[best] < LEVEL.heading && ctx.headingGroups.has(groupKey(metric, group))) return { level: 'heading' };
  if (best === 'none' && ctx.documentGroups.has(groupKey(metric, group))) return { level: 'document' };
  return { level: best, term };
}

function inSpan(hit: CueHit, span: Span): boolean {
  return hit.start >= span.start && hit.end <= span.end;
}

/** Years of the metric's observations and of their releases. */
function knownYears(metric: Metric, years: (id: string) => number | undefined): Set<number> {
  const known = new Set<number>();
  for (const o of metric.observations) {
    known.add(Number(o.asOf.slice(0, 4)));
    const released = years(o.source);
    if (released) known.add(released);
  }
  return known;
}

function plausibleForConflict(figure: RecognisedNumber, metric: Metric, current: Observation): boolean {
  const conv = conversionTo(figure, metric);
  if (!conv || conv.band) return false; // a converted figure is too loose to contradict anything
  const v = figure.value * conv.factor;
  if (current.value === 0 || v <= 0) return false;
  const ratio = v / current.value;
  return ratio >= 0.5 && ratio <= 2;
}

function equalsObservation(figure: RecognisedNumber, metric: Metric, observation: Observation): boolean {
  const conv = conversionTo(figure, metric);
  if (!conv || conv.band) return false;
  return Math.abs(figure.value * conv.factor - observation.value) <= (figure.unit * conv.factor) / 2 + 1e-9 * Math.abs(observation.value);
}

export function linkFigure(figure: RecognisedNumber, ctx: FigureContext, engine: Engine): Link | undefined {
  const clauseHits = ctx.hits.filter((h) => inSpan(h, ctx.clause));
  const trace = ctx.trace;
  if (clauseHits.some((h) => h.info.categories.includes('foreign'))) {
    trace?.('another country or region is named in the clause');
    return undefined;
  }
  const sentenceHits = ctx.hits.filter((h) => inSpan(h, ctx.sentence));
  const conflictDoubt = sentenceHits.some((h) => h.info.categories.includes('global') || h.info.categories.includes('foreign') || h.info.categories.includes('forecast'));
  const before = ctx.text.slice(Math.max(ctx.clause.start, figure.start - 40), figure.start);
  const isChangeOfLevel = CHANGE_BEFORE.test(before);
  const releasedYear = (id: string) => {
    const r = engine.sources.get(id)?.released;
    return r ? Number(r.slice(0, 4)) : undefined;
  };

  let years: number[] | undefined;
  const sentenceYears = () => (years ??= periodYears(ctx.text.slice(ctx.sentence.start, ctx.sentence.end)));
  // Cheap first cut: a metric is only a candidate if one of its cue words stands in the figure's sentence.
  const inSentence = new Set<number>();
  for (const h of sentenceHits) for (const r of h.info.refs) inSentence.add(r.metric);
  if (inSentence.size === 0) return undefined;
  const candidates: Array<Link & { fits: boolean; rank: number }> = [];
  for (const m of engine.byKind.get(figure.kind) ?? []) {
    if (!inSentence.has(m)) continue;
    const metric = engine.metrics[m]!;
    const range = engine.plausible[m]!;
    const magnitude = Math.abs(figure.value);
    if (magnitude < range.lo || magnitude > range.hi) continue;
    if (isChangeOfLevel && !isChangeMetric(metric)) {
      trace?.(`${metric.id}: a change of a level, not the level`);
      continue;
    }
    if (clauseHits.some((h) => h.info.excludes.includes(m))) {
      trace?.(`${metric.id}: excluded by "${clauseHits.find((h) => h.info.excludes.includes(m))!.info.term}"`);
      continue;
    }
    const result = verdictFor(figure, metric, engine.observations[m]!);
    if (!result) continue;
    const known = knownYears(metric, releasedYear);
    if (sentenceYears().some((y) => y > Math.max(...known))) {
      trace?.(`${metric.id}: the sentence speaks of a later year (a forecast or target)`);
      continue;
    }
    const fits = result.verdict !== 'conflict';
    let score = 0;
    let min: number = LEVEL.clause;
    let max: number = LEVEL.none;
    const cues: CueEvidence[] = [];
    for (let g = 0; g < metric.cues.length; g++) {
      const { level, term } = bestLevel(ctx, m, g);
      const weight = LEVEL[level];
      score += weight;
      min = Math.min(min, weight);
      max = Math.max(max, weight);
      if (term) cues.push({ term, level });
      else if (level !== 'none') cues.push({ term: `(${level})`, level });
    }
    trace?.(`${metric.id}: ${result.verdict}, score ${score}, cues ${cues.map((c) => `${c.term}@${c.level}`).join(' ') || '-'} (${metric.cues.length} groups)`);
    // A figure printed with three or more significant digits that equals an official value is
    // itself strong evidence ("249 million"): its cue words may stand one step further away.
    const precise = fits && figure.significantDigits >= 3 && equalsObservation(figure, metric, result.observation);
    if (max < (precise ? LEVEL.sentence : LEVEL.clause)) continue; // the figure's own clause (sentence) must say what it is
    let eligible: boolean;
    if (fits) {
      eligible = min >= LEVEL.paragraph || ((ctx.isHeading || precise) && min >= LEVEL.document && result.verdict !== 'outdated') || (precise && min >= LEVEL.document && max >= LEVEL.clause);
    } else {
      eligible =
        !ctx.isTableRow &&
        min >= LEVEL.sentence &&
        !conflictDoubt &&
        !sentenceYears().some((y) => !known.has(y)) &&
        plausibleForConflict(figure, metric, engine.observations[m]![0]!);
    }
    if (!eligible) {
      trace?.(`${metric.id}: not eligible`);
      continue;
    }
    // The mean level of the groups ranks metrics, so that a metric with more cue groups does not win
    // by count alone; specificity comes from `excludes` ("rural" rules out all internet users).
    const mean = score / metric.cues.length;
    candidates.push({ metric: m, result, cues, score: mean, fits, rank: mean + (fits ? 0.5 : 0) + VERDICT_RANK[result.verdict] * 0.001 });
  }
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.rank - a.rank);
  const [best, runnerUp] = candidates as [typeof candidates[0], typeof candidates[0] | undefined];
  if (runnerUp) {
    // Two metrics read the figure equally well: say nothing rather than guess.
    if (!best.fits && runnerUp.rank >= best.rank - 0.5) return undefined;
    if (best.fits && runnerUp.fits && runnerUp.rank === best.rank) return undefined;
  }
  const { fits: _fits, rank: _rank, ...link } = best;
  return link;
}

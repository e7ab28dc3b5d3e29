import type { Metric, Observation, Source } from '../data/schema';
import { recogniseNumbers } from '../numbers/recognise';
import type { RecognisedNumber } from '../numbers/types';
import type { TextBlock } from '../text/blocks';
import { clauseAround, sentenceAround } from '../text/sentences';
import type { CueHit } from './cues';
import type { Engine } from './engine';
import { groupKey, linkFigure, type CueEvidence, type Link } from './link';
import { verdictFor, type Verdict } from './verdict';

/** A figure on the page linked to a metric, with its verdict and the evidence for it. */
export interface Finding {
  /** Index of the block in the list given, and offsets in that block's text. */
  block: number;
  start: number;
  end: number;
  /** The figure as printed (hedge, numeral, scale word, unit), white space collapsed. */
  text: string;
  figure: RecognisedNumber;
  metric: Metric;
  verdict: Verdict;
  /** The observation that decided the verdict (the earlier one for `outdated`). */
  observation: Observation;
  /** The current official observation of the metric. */
  current: Observation;
  source: Source | undefined;
  currentSource: Source | undefined;
  why: { cues: CueEvidence[]; rule: string };
}

interface BlockWork {
  figures: RecognisedNumber[];
  hits: CueHit[];
}

/** Figures that some metric could be about, before any cue word is looked at (most numbers on a page are not). */
function worthChecking(figure: RecognisedNumber, engine: Engine): boolean {
  const magnitude = Math.abs(figure.value);
  for (const m of engine.byKind.get(figure.kind) ?? []) {
    const range = engine.plausible[m]!;
    if (magnitude >= range.lo && magnitude <= range.hi) return true;
  }
  return false;
}

/**
 * Cue hits inside a figure ("U.S." in "1.53 billion U.S. dollars") say nothing about the context,
 * except in a word multiplier, where the word is the measure ("doubled" is growth).
 */
function outsideFigures(hits: CueHit[], figures: RecognisedNumber[]): CueHit[] {
  if (figures.length === 0) return hits;
  // Only hits wholly inside a figure: "60 and above" is a cue even though "60" reads as a number.
  return hits.filter((h) => !figures.some((f) => !f.multiplier && h.start >= f.start && h.end <= f.end));
}

/**
 * "1.2 trillion yuan (about 171.39 billion U.S. dollars)", "15.25亿美元（约合人民币108亿元）": an amount in
 * another currency right after a linked one, joined only by words of conversion, is the same
 * figure converted; it inherits the metric (and gets its own verdict: a conversion is never exact).
 */
const CONVERSION_GLUE = /^\s*(?:(?:in|by|for|as of)\s+(?:(?:the\s+)?end\s+of\s+)?(?:19|20)\d\d|(?:19|20)\d\d年)?[\s,，、(（]*(?:or|i\.e\.|that is|equivalent to|equal to|worth|converted|约合|折合|合|相当于|即|約合|摺合|相當於)?[\s:：]*$/i;

function conversionOf(previous: { figure: RecognisedNumber; link: Link } | undefined, figure: RecognisedNumber, text: string, engine: Engine): Link | undefined {
  if (!previous || figure.kind !== 'currency' || previous.figure.kind !== 'currency' || figure.currency === previous.figure.currency) return undefined;
  if (!CONVERSION_GLUE.test(text.slice(previous.figure.end, figure.start))) return undefined;
  const metric = engine.metrics[previous.link.metric]!;
  const result = verdictFor(figure, metric, engine.observations[previous.link.metric]!);
  if (!result || result.verdict === 'conflict') return undefined; // a loose conversion never accuses anyone
  return { metric: previous.link.metric, result, cues: previous.link.cues, score: previous.link.score };
}

/**
 * Checks a document given as blocks (from the DOM, plain text or Markdown). Pure and deterministic:
 * the same blocks always give the same findings, in the browser and in the CLI.
 */
export function checkBlocks<N>(blocks: ReadonlyArray<TextBlock<N>>, engine: Engine, trace?: (message: string) => void): Finding[] {
  const work: Array<BlockWork | undefined> = new Array(blocks.length);
  const documentGroups = new Set<string>();
  const headingGroupsOf = new Map<number, Set<string>>();

  const groupsOf = (hits: CueHit[]) => {
    const groups = new Set<string>();
    for (const h of hits) for (const r of h.info.refs) groups.add(groupKey(r.metric, r.group));
    return groups;
  };

  // Pass 1: recognise numbers everywhere; read cue words only where some figure could be checked, and in headings.
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const recognised = recogniseNumbers(block.text);
    const figures = recognised.filter((f) => worthChecking(f, engine));
    if (trace) for (const f of recognised) trace(`recognised "${block.text.slice(f.start, f.end)}" = ${f.value} ${f.kind}${f.currency ? ` ${f.currency}` : ''} hedge ${f.hedge} u ${f.unit}${figures.includes(f) ? '' : ' (no metric of this size)'}`);
    if (figures.length === 0 && !block.heading) continue;
    const hits = outsideFigures(engine.cues.scan(block.text), figures);
    work[b] = { figures, hits };
    const groups = groupsOf(hits);
    for (const g of groups) documentGroups.add(g);
    if (block.heading) headingGroupsOf.set(b, groups);
  }

  // Pass 2: link each figure with its clause, sentence, paragraph, heading and document as context.
  const findings: Finding[] = [];
  let headingGroups = new Set<string>();
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const w = work[b];
    if (w) {
      let previous: { figure: RecognisedNumber; link: Link } | undefined;
      for (const figure of w.figures) {
        const linked = linkFigure(
          figure,
          {
            text: block.text,
            clause: clauseAround(block.text, figure.start, figure.end),
            sentence: sentenceAround(block.text, figure.start, figure.end),
            hits: w.hits,
            headingGroups,
            documentGroups,
            isHeading: block.heading,
            isTableRow: block.tableRow === true,
            trace: trace && ((msg) => trace(`"${block.text.slice(figure.start, figure.end)}": ${msg}`)),
          },
          engine,
        );
        const link = linked ?? conversionOf(previous, figure, block.text, engine);
        previous = link ? { figure, link } : undefined;
        if (!link) continue;
        const metric = engine.metrics[link.metric]!;
        const current = engine.observations[link.metric]![0]!;
        findings.push({
          block: b,
          start: figure.start,
          end: figure.end,
          text: block.text.slice(figure.start, figure.end).replace(/\s+/g, ' '),
          figure,
          metric,
          verdict: link.result.verdict,
          observation: link.result.observation,
          current,
          source: engine.sources.get(link.result.observation.source),
          currentSource: engine.sources.get(current.source),
          why: { cues: link.cues, rule: link.result.rule },
        });
      }
    }
    if (block.heading) headingGroups = headingGroupsOf.get(b) ?? new Set();
  }
  return findings;
}

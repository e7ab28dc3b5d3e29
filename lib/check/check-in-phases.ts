import { recogniseNumbers } from '../numbers/recognise';
import type { RecognisedNumber } from '../numbers/types';
import type { TextBlock } from '../text/blocks';
import { clauseAround, sentenceAround } from '../text/sentences';
import type { Finding } from './check-document';
import type { CueHit } from './cues';
import type { Engine } from './engine';
import { groupKey, linkFigure, type Link } from './link';
import { verdictFor } from './verdict';

/**
 * The checking engine in phases, one block at a time, so that a caller can spread a large document
 * over many short tasks and reuse the work done for blocks whose text has not changed.
 * `checkBlocks` (check-document.ts) is exactly these phases run one after the other.
 *
 *   scan   (pass 1, per block, depends on the block alone): the figures worth checking and the
 *          cue words around them;
 *   groups (between the passes): the cue groups of the whole document and of each heading;
 *   link   (pass 2, per block): each figure linked with its clause, sentence, paragraph, the
 *          heading above and the document as context.
 */

export type Trace = (message: string) => void;

export interface BlockScan {
  figures: RecognisedNumber[];
  hits: CueHit[];
  /** Cue groups (`groupKey`) found in the block. */
  groups: Set<number>;
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
 * except in a word multiplier, where the word is the measure ("doubled" is growth). Only hits wholly
 * inside a figure: "60 and above" is a cue even though "60" reads as a number.
 */
function outsideFigures(hits: CueHit[], figures: RecognisedNumber[]): CueHit[] {
  if (figures.length === 0) return hits;
  return hits.filter((h) => !figures.some((f) => !f.multiplier && h.start >= f.start && h.end <= f.end));
}

/** Pass 1 for one block; undefined when the block can neither hold a finding nor give context. */
export function scanBlock(text: string, heading: boolean, engine: Engine, trace?: Trace): BlockScan | undefined {
  const recognised = recogniseNumbers(text);
  const figures = recognised.filter((f) => worthChecking(f, engine));
  if (trace) {
    for (const f of recognised) {
      trace(`recognised "${text.slice(f.start, f.end)}" = ${f.value} ${f.kind}${f.currency ? ` ${f.currency}` : ''} hedge ${f.hedge} u ${f.unit}${figures.includes(f) ? '' : ' (no metric of this size)'}`);
    }
  }
  if (figures.length === 0 && !heading) return undefined;
  const hits = outsideFigures(engine.cues.scan(text), figures);
  const groups = new Set<number>();
  for (const h of hits) for (const r of h.info.refs) groups.add(groupKey(r.metric, r.group));
  return { figures, hits, groups };
}

/** The document's cue groups: the union over every block scanned. */
export function documentGroupsOf(scans: ReadonlyArray<BlockScan | undefined>): Set<number> {
  const all = new Set<number>();
  for (const s of scans) if (s) for (const g of s.groups) all.add(g);
  return all;
}

/**
 * For each block, the cue groups of the heading above it (the last heading block before it; a
 * heading itself sees the heading before it).
 */
export function headingGroupsOf<N>(blocks: ReadonlyArray<TextBlock<N>>, scans: ReadonlyArray<BlockScan | undefined>): Array<Set<number>> {
  const out: Array<Set<number>> = new Array(blocks.length);
  let current = new Set<number>();
  for (let b = 0; b < blocks.length; b++) {
    out[b] = current;
    if (blocks[b]!.heading) current = scans[b]?.groups ?? new Set();
  }
  return out;
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

/** Pass 2 for one block: its findings, with `block` set to `index`. */
export function linkBlock<N>(
  block: TextBlock<N>,
  index: number,
  scan: BlockScan | undefined,
  headingGroups: Set<number>,
  documentGroups: Set<number>,
  engine: Engine,
  trace?: Trace,
): Finding[] {
  if (!scan) return [];
  const findings: Finding[] = [];
  let previous: { figure: RecognisedNumber; link: Link } | undefined;
  const wholeRow = { start: 0, end: block.text.length };
  for (const figure of scan.figures) {
    const linked = linkFigure(
      figure,
      {
        text: block.text,
        // A table row is one statement: the row's label cell says what every value cell is.
        clause: block.tableRow ? wholeRow : clauseAround(block.text, figure.start, figure.end),
        sentence: block.tableRow ? wholeRow : sentenceAround(block.text, figure.start, figure.end),
        hits: scan.hits,
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
      block: index,
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
  return findings;
}

/** The phases run one after the other (this is `checkBlocks`). */
export function checkInPhases<N>(blocks: ReadonlyArray<TextBlock<N>>, engine: Engine, trace?: Trace): Finding[] {
  const scans = blocks.map((b) => scanBlock(b.text, b.heading, engine, trace));
  const documentGroups = documentGroupsOf(scans);
  const headings = headingGroupsOf(blocks, scans);
  return blocks.flatMap((b, i) => linkBlock(b, i, scans[i], headings[i]!, documentGroups, engine, trace));
}

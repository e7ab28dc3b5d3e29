import { recogniseNumbers } from '../numbers/recognise';
import type { RecognisedNumber } from '../numbers/types';
import type { TextBlock } from '../text/blocks';
import { clauseAround, sentenceAround } from '../text/sentences';
import type { Finding } from './check-document';
import type { CueHit } from './cues';
import type { Engine } from './engine';
import { groupKey, linkFigure } from './link';

/**
 * `checkBlocks` split into its two passes, one block at a time, so that a caller can spread a
 * large document over many short tasks and reuse the work done for blocks whose text has not
 * changed. `checkInPhases` composes them and must always equal `checkBlocks` (a unit test holds
 * them together on every fixture, seed and the benchmark page).
 *
 *   scan   (pass 1, per block, depends on the block alone): the figures worth checking and the
 *          cue words around them;
 *   groups (between the passes): the cue groups of the whole document and of each heading;
 *   link   (pass 2, per block): each figure linked with its clause, sentence, paragraph, the
 *          heading above and the document as context.
 */

export interface BlockScan {
  figures: RecognisedNumber[];
  hits: CueHit[];
  /** Cue groups (`groupKey`) found in the block. */
  groups: Set<string>;
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

/** Pass 1 for one block; undefined when the block can neither hold a finding nor give context. */
export function scanBlock(text: string, heading: boolean, engine: Engine): BlockScan | undefined {
  const figures = recogniseNumbers(text).filter((f) => worthChecking(f, engine));
  if (figures.length === 0 && !heading) return undefined;
  const hits = outsideFigures(engine.cues.scan(text), figures);
  const groups = new Set<string>();
  for (const h of hits) for (const r of h.info.refs) groups.add(groupKey(r.metric, r.group));
  return { figures, hits, groups };
}

/** The document's cue groups: the union over every block scanned. */
export function documentGroupsOf(scans: ReadonlyArray<BlockScan | undefined>): Set<string> {
  const all = new Set<string>();
  for (const s of scans) if (s) for (const g of s.groups) all.add(g);
  return all;
}

/**
 * For each block, the cue groups of the heading above it (the last heading block before it; a
 * heading itself sees the heading before it).
 */
export function headingGroupsOf<N>(blocks: ReadonlyArray<TextBlock<N>>, scans: ReadonlyArray<BlockScan | undefined>): Array<Set<string>> {
  const out: Array<Set<string>> = new Array(blocks.length);
  let current = new Set<string>();
  for (let b = 0; b < blocks.length; b++) {
    out[b] = current;
    if (blocks[b]!.heading) current = scans[b]?.groups ?? new Set();
  }
  return out;
}

/** Pass 2 for one block: its findings, with `block` set to `index`. */
export function linkBlock<N>(
  block: TextBlock<N>,
  index: number,
  scan: BlockScan | undefined,
  headingGroups: Set<string>,
  documentGroups: Set<string>,
  engine: Engine,
): Finding[] {
  if (!scan) return [];
  const findings: Finding[] = [];
  for (const figure of scan.figures) {
    const link = linkFigure(
      figure,
      {
        text: block.text,
        clause: clauseAround(block.text, figure.start, figure.end),
        sentence: sentenceAround(block.text, figure.start, figure.end),
        hits: scan.hits,
        headingGroups,
        documentGroups,
        isHeading: block.heading,
        isTableRow: block.tableRow === true,
      },
      engine,
    );
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

/** The phases run one after the other: equal to `checkBlocks(blocks, engine)`. */
export function checkInPhases<N>(blocks: ReadonlyArray<TextBlock<N>>, engine: Engine): Finding[] {
  const scans = blocks.map((b) => scanBlock(b.text, b.heading, engine));
  const documentGroups = documentGroupsOf(scans);
  const headings = headingGroupsOf(blocks, scans);
  return blocks.flatMap((b, i) => linkBlock(b, i, scans[i], headings[i]!, documentGroups, engine));
}

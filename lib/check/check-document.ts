import type { Metric, Observation, Source } from '../data/schema';
import type { RecognisedNumber } from '../numbers/types';
import type { TextBlock } from '../text/blocks';
import { checkInPhases } from './check-in-phases';
import type { Engine } from './engine';
import type { CueEvidence } from './link';
import type { Verdict } from './verdict';

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

/**
 * Checks a document given as blocks (from the DOM, plain text or Markdown). Pure and deterministic:
 * the same blocks always give the same findings, in the browser and in the CLI. The work is done
 * in phases (lib/check/check-in-phases.ts) so that the content script can spread it over short tasks.
 */
export function checkBlocks<N>(blocks: ReadonlyArray<TextBlock<N>>, engine: Engine, trace?: (message: string) => void): Finding[] {
  return checkInPhases(blocks, engine, trace);
}

import type { Dataset, Metric, Observation, Source } from '../data/schema';
import type { FigureKind } from '../numbers/types';
import { CueIndex } from './cues';
import { CNY_PER_USD, orderObservations } from './verdict';

/** The dataset compiled once for checking: observations ordered, cue words indexed, metrics grouped by kind. */
export interface Engine {
  dataset: Dataset;
  metrics: Metric[];
  /** Per metric (same index), observations current first. */
  observations: Observation[][];
  sources: Map<string, Source>;
  cues: CueIndex;
  /** Metric indexes a figure of each kind can be compared with. */
  byKind: Map<FigureKind, number[]>;
  /** Per metric: the widest range of page values worth a closer look (half the smallest to twice the largest value). */
  plausible: Array<{ lo: number; hi: number }>;
}

const COMPARABLE_KINDS: Record<FigureKind, FigureKind[]> = {
  count: ['count'],
  percent: ['percent', 'ratio'],
  'percentage-points': ['percentage-points'],
  ratio: ['ratio', 'percent'],
  currency: ['currency'],
  eflops: ['eflops'],
};

export function createEngine(dataset: Dataset): Engine {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const released = (id: string) => sources.get(id)?.released ?? '';
  const metrics = dataset.metrics;
  const byKind = new Map<FigureKind, number[]>();
  for (const [figureKind, metricKinds] of Object.entries(COMPARABLE_KINDS) as Array<[FigureKind, FigureKind[]]>) {
    byKind.set(figureKind, metrics.flatMap((m, i) => (metricKinds.includes(m.kind) ? [i] : [])));
  }
  const plausible = metrics.map((m) => {
    const values = m.observations.map((o) => Math.abs(o.value));
    // Page values can be in another unit (percent for a ratio) or currency (USD for CNY): widen by those factors.
    const spread = m.kind === 'ratio' ? 100 : m.kind === 'percent' ? 100 : m.kind === 'currency' ? CNY_PER_USD.max : 1;
    return { lo: Math.min(...values) / 2 / spread, hi: Math.max(...values) * 2 * spread };
  });
  return {
    dataset,
    metrics,
    observations: metrics.map((m) => orderObservations(m.observations, released)),
    sources,
    cues: new CueIndex(dataset),
    byKind,
    plausible,
  };
}

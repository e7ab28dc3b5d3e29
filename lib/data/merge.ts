import type { Dataset, Metric } from './schema';

/**
 * The dataset the checker uses: the bundled official dataset with the enabled custom fact packs
 * merged in, in the order they were imported. Zod-free: the content script calls it with packs
 * that were validated when they were imported (lib/data/packs.ts, in the options page).
 *
 * - A source whose id is already known is skipped (an import is refused if its definition differs).
 * - A metric with a new id is added as it is.
 * - A metric whose id is already known only adds its observations to the known metric: its name,
 *   group, cues and exclusions are ignored, and nothing of the official metric is changed or removed.
 *
 * Nothing is mutated: the bundled dataset stays as it was.
 */
export function mergeDatasets(base: Dataset, packs: readonly Dataset[]): Dataset {
  if (packs.length === 0) return base;
  const sources = [...base.sources];
  const sourceIds = new Set(sources.map((s) => s.id));
  const metrics: Metric[] = [...base.metrics];
  const metricIndex = new Map(metrics.map((m, i) => [m.id, i]));
  for (const pack of packs) {
    for (const s of pack.sources) {
      if (sourceIds.has(s.id)) continue;
      sourceIds.add(s.id);
      sources.push(s);
    }
    for (const m of pack.metrics) {
      const at = metricIndex.get(m.id);
      if (at === undefined) {
        metricIndex.set(m.id, metrics.length);
        metrics.push(m);
      } else {
        const known = metrics[at]!;
        metrics[at] = { ...known, observations: [...known.observations, ...m.observations] };
      }
    }
  }
  return { ...base, sources, metrics };
}

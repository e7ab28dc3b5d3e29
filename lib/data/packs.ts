import { datasetSchema, type Dataset, type Source } from './schema';
import { validateDataset } from './validate';

/**
 * Custom fact packs: JSON files in the dataset's own schema (lib/data/schema.ts; group `custom`
 * allowed) that add metrics, observations and sources. Checked here, in the options page, with Zod
 * and `validateDataset`; the content script only merges packs that passed (lib/data/merge.ts).
 *
 * Rules for ids already in use — by the official dataset or by a pack already imported:
 * - a source id may be reused only with exactly the same definition (it is then shared);
 * - a metric id may be reused only to add observations: same `kind` (and `currency`), and no
 *   observation for a period from a source the metric already has; its name, group, cues and
 *   exclusions are ignored (the existing metric's are kept);
 * - observations may cite the pack's own sources or the official dataset's.
 * Every error names the field ("metrics.0.observations.1.asOf: …") and nothing is stored unless
 * the whole pack passes.
 */

export interface KnownDataset {
  /** Shown in messages: "the official dataset", or a pack's name. */
  label: string;
  dataset: Dataset;
}

export type PackValidation = { ok: true; pack: Dataset; summary: PackSummary } | { ok: false; errors: string[] };

export interface PackSummary {
  newMetrics: number;
  extendedMetrics: number;
  observations: number;
  sources: number;
}

/** A pack larger than this is refused: storage.local holds 10 MB in all. */
export const MAX_PACK_BYTES = 2_000_000;

const UNKNOWN_SOURCE = /^metrics\.(\d+)\.observations\.(\d+)\.source: unknown source "(.*)"$/;

/** JSON with object keys sorted at every level: two sources are the same whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function sameSource(a: Source, b: Source): boolean {
  return canonical(a) === canonical(b);
}

/** Reads a pack file's text as JSON; the error says where the syntax breaks. */
export function parsePackText(text: string): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  if (new TextEncoder().encode(text).length > MAX_PACK_BYTES) return { ok: false, errors: [`(file): larger than ${MAX_PACK_BYTES / 1_000_000} MB`] };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, errors: [`(file): not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
}

export function validatePack(input: unknown, official: Dataset, others: readonly KnownDataset[] = []): PackValidation {
  const known: KnownDataset[] = [{ label: 'the official dataset', dataset: official }, ...others];
  const officialSources = new Set(official.sources.map((s) => s.id));

  // The schema and the pack's own references; a source of the official dataset may be cited.
  const checked = validateDataset(input);
  let pack: Dataset;
  if (checked.ok) pack = checked.dataset;
  else {
    const errors = checked.errors.filter((e) => {
      const m = UNKNOWN_SOURCE.exec(e);
      return !(m && officialSources.has(m[3]!));
    });
    if (errors.length > 0) return { ok: false, errors };
    pack = datasetSchema.parse(input); // only official-source references were "unknown": the schema itself passed
  }

  const errors: string[] = [];
  pack.sources.forEach((s, i) => {
    for (const k of known) {
      const other = k.dataset.sources.find((o) => o.id === s.id);
      if (other && !sameSource(s, other)) {
        errors.push(`sources.${i}.id: source "${s.id}" already exists in ${k.label} with other details; give this source another id, or copy it exactly`);
        break;
      }
    }
  });

  let extended = 0;
  pack.metrics.forEach((m, i) => {
    let clash = false;
    for (const k of known) {
      const other = k.dataset.metrics.find((o) => o.id === m.id);
      if (!other) continue;
      clash = true;
      if (other.kind !== m.kind) {
        errors.push(`metrics.${i}.kind: metric "${m.id}" already exists in ${k.label} as "${other.kind}"; a pack may only add observations to it, with the same kind`);
        continue;
      }
      if ((other.currency ?? '') !== (m.currency ?? '')) {
        errors.push(`metrics.${i}.currency: metric "${m.id}" already exists in ${k.label} in ${other.currency ?? 'no currency'}; a pack may only add observations to it, in the same currency`);
        continue;
      }
      m.observations.forEach((o, j) => {
        if (other.observations.some((p) => p.asOf === o.asOf && p.source === o.source)) {
          errors.push(`metrics.${i}.observations.${j}.asOf: metric "${m.id}" already has an observation for ${o.asOf} from source "${o.source}" in ${k.label}`);
        }
      });
    }
    if (clash) extended++;
  });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    pack,
    summary: {
      newMetrics: pack.metrics.length - extended,
      extendedMetrics: extended,
      observations: pack.metrics.reduce((n, m) => n + m.observations.length, 0),
      sources: pack.sources.length,
    },
  };
}

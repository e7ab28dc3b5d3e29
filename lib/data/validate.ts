import { z } from 'zod';
import { datasetSchema, type Dataset } from './schema';

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/** Validates a dataset or fact pack: the schema, then references between its parts. Messages name the exact field. */
export function validateDataset(input: unknown): ValidationResult {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`) };
  }
  const dataset = parsed.data;
  const errors: string[] = [];
  const sourceIds = new Set<string>();
  dataset.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) errors.push(`sources.${i}.id: duplicate source id "${s.id}"`);
    sourceIds.add(s.id);
  });
  const metricIds = new Set<string>();
  dataset.metrics.forEach((m, i) => {
    if (metricIds.has(m.id)) errors.push(`metrics.${i}.id: duplicate metric id "${m.id}"`);
    metricIds.add(m.id);
    if (m.kind === 'currency' && !m.currency) errors.push(`metrics.${i}.currency: required for a currency metric`);
    m.observations.forEach((o, j) => {
      if (!sourceIds.has(o.source)) errors.push(`metrics.${i}.observations.${j}.source: unknown source "${o.source}"`);
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, dataset };
}

export function formatIssues(error: z.ZodError): string {
  return z.prettifyError(error);
}

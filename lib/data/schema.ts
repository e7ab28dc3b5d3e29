import { z } from 'zod';

/**
 * The official dataset (data/facts.json) and custom fact packs share this schema.
 * Zod lives here, outside the content script's import graph (see toolchain-notes: zod is ~70 kB).
 */

export const figureKinds = ['count', 'percent', 'percentage-points', 'ratio', 'currency', 'eflops'] as const;

/** The hedge the source itself printed. `expected-over` ("expected to exceed") counts as `over` when comparing. */
export const sourceHedges = ['none', 'over', 'about', 'expected-over'] as const;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
/** A reference period: a year, a month or a day. */
const period = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const bilingual = z.object({ en: z.string().min(1), zh: z.string().min(1) });

export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  publisher: bilingual,
  title: z.object({ en: z.string().min(1), zh: z.string().min(1).optional() }),
  released: z.string().regex(isoDay, 'a date YYYY-MM-DD'),
  /** The last period the source's data covers. */
  dataTo: z.string().regex(period, 'a period YYYY, YYYY-MM or YYYY-MM-DD'),
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** How the figure reached us when the source itself has no page (e.g. "reported by China Daily, 2026-02-06"). */
  via: z.string().optional(),
});

export const observationSchema = z.object({
  value: z.number().finite(),
  asOf: z.string().regex(period, 'a period YYYY, YYYY-MM or YYYY-MM-DD'),
  source: z.string().min(1),
  hedge: z.enum(sourceHedges).default('none'),
  /** C2: two or more independent reports; C1: one; U: not confirmed by the primary source. */
  status: z.enum(['C2', 'C1', 'U']),
  /** The comparison base of a change (e.g. "2024-12" for growth "vs end-2024"). */
  baseline: z.string().regex(period).optional(),
  note: z.string().optional(),
});

/** Words that identify a metric, in English, Simplified and Traditional Chinese. English terms match whole words, case-insensitively. */
export const cueTermsSchema = z.object({
  en: z.array(z.string().min(1)).min(1),
  zh: z.array(z.string().min(1)).min(1),
  zhHant: z.array(z.string().min(1)).min(1),
});

export const metricSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  name: bilingual,
  group: z.enum(['internet', 'genai', 'ai-industry', 'culture-abroad', 'custom']),
  kind: z.enum(figureKinds),
  /** ISO 4217 code for currency metrics. */
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  /**
   * Every group must be found near the figure for the metric to be considered: in the same clause
   * (strongest), the same sentence, the sentences before it in the paragraph, the heading above, or the document.
   */
  cues: z.array(cueTermsSchema).min(1),
  /** A term from this list in the figure's clause rules the metric out ("rural" for all internet users). */
  excludes: cueTermsSchema.partial().optional(),
  observations: z.array(observationSchema).min(1),
});

export const datasetSchema = z.object({
  version: z.string().min(1),
  dataAsOf: z.string().regex(isoDay, 'a date YYYY-MM-DD'),
  sources: z.array(sourceSchema),
  metrics: z.array(metricSchema),
});

export type Source = z.infer<typeof sourceSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type CueTerms = z.infer<typeof cueTermsSchema>;
export type Metric = z.infer<typeof metricSchema>;
export type Dataset = z.infer<typeof datasetSchema>;

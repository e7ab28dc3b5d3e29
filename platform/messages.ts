import type { UiLocale } from '../lib/format';
import type { VerdictKey } from '../lib/settings/schema';

/**
 * Messages between the extension's parts, besides the card UI's own (entrypoints/content/messages.ts:
 * `figure-check:step`, `figure-check:open`).
 *
 * - popup / background → the tab's top-frame content script: `figure-check:summary`, answered
 *   at once with a PageSummary (the figures currently marked);
 * - content script → background: `figure-check:counts` after every scan and whenever the
 *   settings change, for the toolbar badge and the context menu.
 */

export interface SummaryRequest {
  type: 'figure-check:summary';
}

export interface SummaryFigure {
  id: string;
  /** The figure as printed. */
  text: string;
  verdict: VerdictKey;
  metricId: string;
  metricName: { en: string; zh: string };
}

export interface PageSummary {
  url: string;
  /** Checking is on for this page (global switch and site rules). */
  enabled: boolean;
  /** A scan has finished since checking was last turned on. */
  scanned: boolean;
  figures: SummaryFigure[];
}

export type VerdictCounts = Record<VerdictKey, number>;

export interface CountsReport {
  type: 'figure-check:counts';
  enabled: boolean;
  scanned: boolean;
  counts: VerdictCounts;
  /** The UI language the page's card uses; the badge's tooltip follows it. */
  locale: UiLocale;
}

export const SUMMARY_REQUEST: SummaryRequest = { type: 'figure-check:summary' };

export function isSummaryRequest(m: unknown): m is SummaryRequest {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'figure-check:summary';
}

export function isCountsReport(m: unknown): m is CountsReport {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Partial<CountsReport>;
  return r.type === 'figure-check:counts' && typeof r.enabled === 'boolean' && typeof r.counts === 'object' && r.counts !== null;
}

export function isPageSummary(m: unknown): m is PageSummary {
  if (typeof m !== 'object' || m === null) return false;
  const s = m as Partial<PageSummary>;
  return typeof s.url === 'string' && typeof s.enabled === 'boolean' && Array.isArray(s.figures);
}

export function countVerdicts(figures: ReadonlyArray<{ verdict: VerdictKey }>): VerdictCounts {
  const counts: VerdictCounts = { exact: 0, rounded: 0, outdated: 0, conflict: 0 };
  for (const f of figures) counts[f.verdict]++;
  return counts;
}

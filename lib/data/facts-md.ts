/**
 * Reads the tables of data/facts.md (the official catalogue) so that a test can hold
 * data/facts.json to it. Only the parts the test needs: source ids, release dates and URLs,
 * and each series' observations.
 */

export interface MdSource {
  id: string;
  released: string;
  url?: string;
}

export interface MdObservation {
  value: number;
  asOf: string;
  /** Absent when the catalogue leaves it out (earlier values of internet-penetration). */
  source?: string;
  /** `over`, `about` or `expected-over`; absent when the source printed no hedge. */
  hedge?: string;
  status?: string;
}

export interface MdMetric {
  id: string;
  observations: MdObservation[];
}

export interface FactsMarkdown {
  sources: MdSource[];
  metrics: MdMetric[];
}

const period = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const id = /^[a-z0-9][a-z0-9-]*$/;

/** Cells of a markdown table row, or null for anything else (text, header rule). */
function cells(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith('|') || /^\|[\s|:-]+\|$/.test(t)) return null;
  return t.slice(1, t.endsWith('|') ? -1 : undefined).split('|').map((c) => c.trim());
}

/** Splits on `sep` outside parentheses: "(≈ 10.838e9 CNY; often printed …)" stays one piece. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** "over 1590", "about 6e11", "1.2e12 (expected to exceed)", "1.2e12 (reached)", "1.125e9". */
function parseValue(text: string): { value: number; hedge?: string } {
  let t = text.trim();
  let hedge: string | undefined;
  const prefix = /^(over|about)\s+/i.exec(t);
  if (prefix) {
    hedge = prefix[1]!.toLowerCase();
    t = t.slice(prefix[0].length);
  }
  const suffix = /\s*\(([^)]*)\)\s*$/.exec(t);
  if (suffix) {
    if (/expected to exceed/i.test(suffix[1]!)) hedge = 'expected-over';
    t = t.slice(0, suffix.index);
  }
  const value = Number(t.replace(/,/g, ''));
  if (t === '' || !Number.isFinite(value)) throw new Error(`facts.md: cannot read the value "${text}"`);
  return hedge ? { value, hedge } : { value };
}

/** One "value · asOf · source · status" entry; source and status may be missing. */
function parseObservation(entry: string, metricId: string): MdObservation {
  const parts = entry.split('·').map((p) => p.trim());
  const [valueText, asOfText, ...rest] = parts;
  const asOf = asOfText?.split(/\s+/)[0];
  if (!valueText || !asOf || !period.test(asOf)) {
    throw new Error(`facts.md: ${metricId}: cannot read the observation "${entry}"`);
  }
  const observation: MdObservation = { asOf, ...parseValue(valueText) };
  for (const part of rest) {
    const first = part.split(/\s+/)[0] ?? '';
    if (/^(C1|C2|U)$/.test(first)) observation.status = first;
    else if (observation.source === undefined && id.test(first)) observation.source = first;
  }
  return observation;
}

export function parseFactsMarkdown(md: string): FactsMarkdown {
  const sources: MdSource[] = [];
  const metrics: MdMetric[] = [];
  let section = '';
  for (const line of md.split(/\r?\n/)) {
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim().toLowerCase();
      continue;
    }
    const row = cells(line);
    if (!row) continue;
    if (section === 'sources') {
      const [sourceId, , , released, , urlCell] = row;
      if (!sourceId || !id.test(sourceId) || !released || !period.test(released)) continue; // the header row
      const url = /https?:\/\/[^\s;)]+/.exec(urlCell ?? '')?.[0];
      sources.push(url ? { id: sourceId, released, url } : { id: sourceId, released });
    } else if (section === 'series') {
      const metricId = /^`([a-z0-9][a-z0-9-]*)`$/.exec(row[0] ?? '')?.[1];
      if (!metricId) continue;
      const observations = splitTopLevel(row[2] ?? '', ';').map((e) => parseObservation(e, metricId));
      metrics.push({ id: metricId, observations });
    }
  }
  return { sources, metrics };
}

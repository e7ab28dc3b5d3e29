import { normalisePattern } from './sites';

/**
 * Adding, importing and exporting site lists (options page). Linear in the size of the list and
 * of the input — a Set for membership, one normalisation per line — so a thousand sites are a
 * few milliseconds. Pure.
 */

export type ListKey = 'disabledSites' | 'enabledSites';

export interface ParsedSites {
  sites: string[];
  /** Lines that are not sites, as typed. */
  rejected: string[];
}

/** One site per line (commas and semicolons also separate); blank lines and `#` comments are ignored. */
export function parseSiteLines(text: string): ParsedSites {
  const sites: string[] = [];
  const rejected: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    for (const piece of line.split(/[,;]/)) {
      const entry = piece.trim();
      if (!entry) continue;
      const p = normalisePattern(entry);
      if (p) sites.push(p);
      else rejected.push(entry);
    }
  }
  return { sites, rejected };
}

/**
 * A site-list file: JSON (an array of sites, `{ "sites": [...] }`, or an export of both lists
 * `{ "disabledSites": [...], "enabledSites": [...] }`, of which `list` is taken), else text with
 * one site per line.
 */
export function parseSiteListFile(text: string, list: ListKey): ParsedSites {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return { sites: [], rejected: [trimmed.slice(0, 40)] };
    }
    const arr = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? ((value as Record<string, unknown>)[list] ?? (value as Record<string, unknown>).sites) : undefined;
    if (!Array.isArray(arr)) return { sites: [], rejected: [] };
    return parseSiteLines(arr.filter((x): x is string => typeof x === 'string').join('\n'));
  }
  return parseSiteLines(text);
}

/** The list with `sites` appended (those not in it yet, once each), and how many were new. */
export function addSites(list: readonly string[], sites: readonly string[]): { list: string[]; added: number; skipped: number } {
  const have = new Set(list);
  const out = [...list];
  let added = 0;
  for (const s of sites) {
    if (have.has(s)) continue;
    have.add(s);
    out.push(s);
    added++;
  }
  return { list: out, added, skipped: sites.length - added };
}

export function exportSitesText(list: readonly string[]): string {
  return list.join('\n') + (list.length ? '\n' : '');
}

export function exportSitesJson(list: readonly string[], key: ListKey): string {
  return JSON.stringify({ [key]: list }, null, 2) + '\n';
}

import type { Frame, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { marksInPage, textAndMarksInPage } from '../shared/page-side';

/**
 * Reading the marks from the page's side, as any page script could: the four registry entries
 * `figure-check-<verdict>` and their ranges, in document order. (The page's main world may
 * iterate a Highlight; only our content script must not.)
 */

export const VERDICTS = ['exact', 'rounded', 'outdated', 'conflict'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface PageMark {
  verdict: Verdict;
  /** The range's text, white space collapsed as the CLI prints it. */
  text: string;
}

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every mark in the document (ranges sorted by document order; shadow-tree ranges after, in registry order). */
export async function readMarks(target: Page | Frame): Promise<PageMark[]> {
  // The same page-side reader as the Firefox suite's (tests/shared/page-side.ts).
  return target.evaluate(marksInPage, VERDICTS as unknown as string[]) as Promise<PageMark[]>;
}

/** How many ranges each of our registry entries holds (undefined: no entry). */
export async function registryCounts(target: Page | Frame): Promise<Record<Verdict, number | undefined>> {
  return target.evaluate((verdicts) => {
    const out: Record<string, number | undefined> = {};
    for (const v of verdicts) out[v] = CSS.highlights.get(`figure-check-${v}`)?.size;
    return out;
  }, VERDICTS as unknown as string[]) as Promise<Record<Verdict, number | undefined>>;
}

export interface ScanDetail {
  scan: number;
  figures: number;
  blocks: number;
  ms: number;
  /** performance.now() in the page when the scan finished (from waitForScan). */
  at?: number;
}

/** The content script's last `figure-check:scanned` performance mark, if any. */
export async function lastScan(page: Page): Promise<ScanDetail | undefined> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByName('figure-check:scanned') as PerformanceMark[];
    return entries.at(-1)?.detail as ScanDetail | undefined;
  });
}

/**
 * Waits until the content script has finished a scan numbered at least `atLeast` (and painted it),
 * made after `after` (the page's performance.now(); a new instance counts its scans from 1 again).
 */
export async function waitForScan(page: Page, atLeast = 1, timeout = 15_000, after = 0): Promise<ScanDetail> {
  const handle = await page.waitForFunction(
    ([n, t]) => {
      const entries = performance.getEntriesByName('figure-check:scanned') as PerformanceMark[];
      const last = entries.at(-1);
      const d = last?.detail as { scan: number } | undefined;
      return last && d && d.scan >= n && last.startTime >= t ? { ...d, at: last.startTime } : false;
    },
    [atLeast, after] as const,
    { timeout, polling: 25 },
  );
  return (await handle.jsonValue()) as ScanDetail;
}

/** Waits until the marks satisfy `predicate` (a rescan settles); returns the last marks read either way. */
export async function waitForMarks(target: Page | Frame, predicate: (marks: PageMark[]) => boolean, timeout = 5000): Promise<PageMark[]> {
  const deadline = Date.now() + timeout;
  let marks = await readMarks(target);
  while (!predicate(marks)) {
    if (Date.now() > deadline) return marks;
    await new Promise((r) => setTimeout(r, 25));
    marks = await readMarks(target);
  }
  return marks;
}

/** Marks as "verdict text" lines, for readable comparisons. */
export const lines = (marks: PageMark[]) => marks.map((m) => `${m.verdict} ${m.text}`);

export interface CliFile {
  file: string;
  figures: Array<{ text: string; verdict: Verdict; start: number; end: number; metric: string }>;
}

const ROOT = resolve(import.meta.dirname, '../..');

/** `figure-check --json FILE...` — the CLI, run as a user would. */
export function runCli(files: string[]): CliFile[] {
  const out = execFileSync('node', [resolve(ROOT, 'scripts/figure-check.js'), '--json', ...files], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as CliFile[];
}

/** A span of a document's text with a verdict: a mark in the page, or a figure the CLI printed. */
export interface Span {
  start: number;
  end: number;
  verdict: string;
  text: string;
}

export interface Label {
  text: string;
  metric: string;
  verdict: string;
  accept: string[];
}

export interface LabelMatch {
  /** Indexes of labels with no overlapping mark of an accepted verdict (with what was there instead, if anything). */
  missed: Array<{ label: number; found?: string }>;
  /** Marks that match no label. */
  extra: Span[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Labels against marks over the same text: labels are found in order (white space free), and each
 * needs an unused mark that overlaps it with a verdict it accepts. Used for the page's marks and for
 * the CLI's figures alike, so the two can be compared.
 */
export function matchLabels(text: string, spans: Span[], labels: Label[]): LabelMatch {
  const used = new Set<number>();
  const missed: LabelMatch['missed'] = [];
  let cursor = 0;
  labels.forEach((label, index) => {
    const re = new RegExp(label.text.trim().split(/\s+/).map(escapeRegExp).join('\\s*'), 'g');
    const occurrences = (from: number) => {
      const out: Array<[number, number]> = [];
      re.lastIndex = from;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out.push([m.index, m.index + m[0].length]);
        if (m[0].length === 0) re.lastIndex++;
      }
      return out;
    };
    let found = occurrences(cursor);
    if (found.length === 0) found = occurrences(0);
    let fallback: string | undefined;
    for (const [s, e] of found) {
      const hit = spans.findIndex((m, i) => !used.has(i) && m.start < e && s < m.end && label.accept.includes(m.verdict));
      if (hit >= 0) {
        used.add(hit);
        cursor = s + 1;
        return;
      }
      const other = spans.find((m) => m.start < e && s < m.end);
      if (other && !fallback) fallback = `${other.verdict} "${other.text}"`;
    }
    if (found.length > 0) cursor = found[0]![0] + 1;
    missed.push({ label: index, found: fallback ?? (found.length === 0 ? 'label text not in the page' : undefined) });
  });
  return { missed, extra: spans.filter((_, i) => !used.has(i)) };
}

/**
 * The page's readable text (text nodes in document order, skipping what extraction skips) and our
 * marks as spans of it, read from the page's side.
 */
export async function pageTextAndMarks(target: Page | Frame): Promise<{ text: string; spans: Span[] }> {
  // The same page-side extraction as the Firefox suite's (tests/shared/page-side.ts).
  return target.evaluate(textAndMarksInPage, VERDICTS as unknown as string[]);
}

/** The page's serialization with our host elements taken out (from a clone). */
export function serializeWithoutOurs(): string {
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  for (const el of [...clone.querySelectorAll('*')]) if (el.localName.startsWith('figure-check-')) el.remove();
  return `<!doctype html>${clone.outerHTML}`;
}

/** What a fresh full scan finds on the page as it is now: the CLI over its current HTML. */
export async function freshScan(target: Page | Frame): Promise<PageMark[]> {
  const html = await target.evaluate(serializeWithoutOurs);
  const dir = mkdtempSync(join(tmpdir(), 'figure-check-fresh-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, html);
  return runCli([file])[0]!.figures.map((f) => ({ verdict: f.verdict, text: collapse(f.text) }));
}

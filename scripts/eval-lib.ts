import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadDocument } from './cli/documents';
import type { JsonFile } from './cli/run';

/**
 * Accuracy of the CLI's output against gold labels (the format of shared/labels/seeds.json).
 * A predicted figure is a true positive when its span overlaps a label's text and names the same
 * metric; every other prediction is a false positive; every unmatched label a false negative.
 */

export interface LabelFile {
  documents: Array<{ file: string; lang: string; figures: Array<{ text: string; metric: string; verdict: string; accept: string[] }> }>;
}

export interface Tally {
  labels: number;
  predictions: number;
  truePositives: number;
  verdictCorrect: number;
  falseConflicts: number;
  errors: string[];
}

export const emptyTally = (): Tally => ({ labels: 0, predictions: 0, truePositives: 0, verdictCorrect: 0, falseConflicts: 0, errors: [] });

export function languageOf(lang: string): string {
  return lang === 'zh-Hant' || lang === 'zh-TW' || lang === 'zh-HK' ? 'zh-Hant' : lang.startsWith('zh') ? 'zh-Hans' : lang;
}

/** Compares one document's predictions with its labels, adding to `tally`. */
export function scoreDocument(file: string, labelsFor: LabelFile['documents'][number], text: string, predicted: JsonFile, tally: Tally): void {
  const spans: Array<{ start: number; end: number; label: (typeof labelsFor.figures)[number] }> = [];
  let from = 0;
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  // Labels are matched in order against the text with white space collapsed, then mapped back.
  const map: number[] = [];
  let flat = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (flat.endsWith(' ')) continue;
      flat += ' ';
    } else flat += ch;
    map.push(i);
  }
  map.push(text.length);
  for (const label of labelsFor.figures) {
    const at = flat.indexOf(squash(label.text), from);
    if (at < 0) {
      tally.errors.push(`${file}: label text not found in order: "${label.text}"`);
      continue;
    }
    const end = at + squash(label.text).length;
    spans.push({ start: map[at]!, end: map[end - 1]! + 1, label });
    from = at + 1;
  }
  tally.labels += labelsFor.figures.length;
  tally.predictions += predicted.figures.length;
  const used = new Set<number>();
  for (const fig of predicted.figures) {
    const hit = spans.findIndex((s, i) => !used.has(i) && s.start < fig.end && fig.start < s.end && s.label.metric === fig.metric);
    if (hit < 0) {
      if (fig.verdict === 'conflict') tally.falseConflicts++;
      tally.errors.push(`${file}: false positive "${fig.text}" → ${fig.metric} ${fig.verdict}`);
      continue;
    }
    used.add(hit);
    tally.truePositives++;
    const { label } = spans[hit]!;
    if (label.accept.includes(fig.verdict)) tally.verdictCorrect++;
    else {
      if (fig.verdict === 'conflict') tally.falseConflicts++;
      tally.errors.push(`${file}: wrong verdict "${fig.text}" → ${fig.metric} ${fig.verdict}, expected ${label.accept.join('/')}`);
    }
  }
  spans.forEach((s, i) => {
    if (!used.has(i)) tally.errors.push(`${file}: missed "${s.label.text}" (${s.label.metric} ${s.label.verdict})`);
  });
}

export function readLabels(path: string): { labels: LabelFile; base: string } {
  return { labels: JSON.parse(readFileSync(path, 'utf8')) as LabelFile, base: dirname(resolve(path)) };
}

export function documentText(path: string): string {
  return loadDocument(path, readFileSync(path, 'utf8')).text;
}

export const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export function summary(t: Tally) {
  return {
    precision: ratio(t.truePositives, t.predictions),
    recall: ratio(t.truePositives, t.labels),
    verdictAccuracy: ratio(t.verdictCorrect, t.truePositives),
    falseConflicts: t.falseConflicts,
  };
}

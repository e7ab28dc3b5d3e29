import { parseHTML } from 'linkedom';
import { checkBlocks } from '../lib/check/check-document';
import { createEngine } from '../lib/check/engine';
import { bundledDataset } from '../lib/data/dataset';
import { extractBlocks } from '../lib/text/extract-dom';
import { generateNewsPage } from './bench-corpus';

/**
 * `npm run bench` (engine part): characters per second of extraction + recognition + matching over
 * a ≥ 5 MB mixed English/Chinese news page, beside a bare baseline — one regex over all digits of
 * the same text — measured in the same run. Medians of several rounds; the ratio is what to compare.
 */

const ROUNDS = 7;
const html = generateNewsPage(5.2e6);
const { document } = parseHTML(html);
const engine = createEngine(bundledDataset);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

const text = extractBlocks(document.body).map((b) => b.text).join('\n');
const chars = text.length;

const baseline: number[] = [];
const engineTimes: number[] = [];
const extractTimes: number[] = [];
let findings = 0;
let digitRuns = 0;
for (let round = 0; round < ROUNDS; round++) {
  // Interleaved rounds: both measurements see the same machine load.
  baseline.push(
    time(() => {
      const re = /\d+/g;
      let n = 0;
      while (re.exec(text) !== null) n++;
      digitRuns = n;
    }).ms,
  );
  const extract = time(() => extractBlocks(document.body));
  const check = time(() => checkBlocks(extract.result, engine));
  extractTimes.push(extract.ms);
  engineTimes.push(extract.ms + check.ms);
  findings = check.result.length;
}

const base = median(baseline);
const ours = median(engineTimes);
const mb = (n: number) => (n / 1e6).toFixed(2);
console.log(`document: ${mb(chars)} M characters of text (${mb(html.length)} MB of HTML), ${digitRuns} digit runs, ${findings} figures linked`);
console.log(`baseline (one regex over all digits): ${base.toFixed(1)} ms, ${mb(chars / (base / 1000))} M chars/s`);
console.log(`engine (extraction + recognition + matching): ${ours.toFixed(1)} ms (extraction ${median(extractTimes).toFixed(1)} ms), ${mb(chars / (ours / 1000))} M chars/s`);
console.log(`ratio engine / baseline: ${(ours / base).toFixed(2)}× (median of ${ROUNDS} interleaved rounds)`);

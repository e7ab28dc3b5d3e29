import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonFile } from './cli/run';
import { documentText, emptyTally, languageOf, readLabels, scoreDocument, summary, type Tally } from './eval-lib';

/**
 * `npm run eval`: runs the real CLI (`figure-check --json`) over every labelled document and prints,
 * per label set and language, precision, recall, verdict accuracy and false conflicts.
 * `--verbose` lists every miss and false positive. `--json` prints the figures for tests.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const LABEL_SETS = [
  { name: 'seeds', path: join(root, 'tests/fixtures/seeds.json') },
  { name: 'fixtures', path: join(root, 'tests/fixtures/pages.json') },
];

export function evaluate(): Array<{ set: string; lang: string; tally: Tally }> {
  const out: Array<{ set: string; lang: string; tally: Tally }> = [];
  for (const set of LABEL_SETS) {
    if (!existsSync(set.path)) continue;
    const { labels, base } = readLabels(set.path);
    const files = labels.documents.map((d) => relative(root, join(base, d.file)));
    const stdout = execFileSync(process.execPath, [join(root, 'scripts/figure-check.js'), '--json', ...files], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const results = JSON.parse(stdout) as JsonFile[];
    const byLang = new Map<string, Tally>();
    labels.documents.forEach((doc, i) => {
      const lang = languageOf(doc.lang);
      if (!byLang.has(lang)) byLang.set(lang, emptyTally());
      scoreDocument(files[i]!, doc, documentText(join(root, files[i]!)), results[i]!, byLang.get(lang)!);
    });
    for (const [lang, tally] of byLang) out.push({ set: set.name, lang, tally });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = evaluate();
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log('set       lang     docs-labels  predicted  precision  recall  verdict-acc  false-conflicts');
  for (const { set, lang, tally } of rows) {
    const s = summary(tally);
    console.log(
      `${set.padEnd(9)} ${lang.padEnd(8)} ${String(tally.labels).padStart(11)}  ${String(tally.predictions).padStart(9)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.verdictAccuracy).padStart(11)}  ${String(s.falseConflicts).padStart(15)}`,
    );
  }
  if (process.argv.includes('--verbose')) for (const { tally } of rows) for (const e of tally.errors) console.log(`  ${e}`);
}

import { readFileSync } from 'node:fs';
import { bundledDataset } from '../../lib/data/dataset';
import { validateDataset } from '../../lib/data/validate';
import { checkBlocks, type Finding } from '../../lib/check/check-document';
import { createEngine, type Engine } from '../../lib/check/engine';
import type { Verdict } from '../../lib/check/verdict';
import { formatPeriod, formatValue } from '../../lib/format';
import { displayWidth } from '../../lib/text/display-width';
import { loadDocument } from './documents';

/** `figure-check FILE...`: the same engine as the extension, over HTML, Markdown or plain-text files. */

const USAGE = `Usage: figure-check [--json] [--fail-on conflict|outdated] FILE...

Checks figures about China's internet and generative AI against the official statistics.
FILE may be HTML, Markdown or plain text; "-" reads standard input.

Options:
  --json                     print JSON instead of a table
  --explain                  print, on standard error, every number recognised and
                             why each candidate metric was kept or dropped
  --fail-on conflict|outdated exit with code 1 when such a figure is found
                             (outdated also fails on conflict; repeatable; comma lists allowed)
  -h, --help                 show this help
  -v, --version              show the version and the dataset's "data as of" date

Exit codes: 0 checked, 1 a --fail-on verdict was found, 2 a file could not be read or bad usage.`;

export interface JsonFigure {
  text: string;
  start: number;
  end: number;
  metric: string;
  verdict: Verdict;
  value: number;
  unit: string;
  official: { value: number; asOf: string; source: string };
}

export interface JsonFile {
  file: string;
  figures: JsonFigure[];
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  readFile: (path: string) => Buffer;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0, 'utf8'),
  readFile: (p) => readFileSync(p),
};

/** A file is binary when it has NUL bytes or is not valid UTF-8. */
function decodeText(buf: Buffer): string | undefined {
  if (buf.subarray(0, 65536).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function unitOf(f: Finding): string {
  const { kind, currency } = f.figure;
  if (kind === 'currency') return currency ?? 'currency';
  return kind === 'eflops' ? 'EFLOPS' : kind;
}

export function checkText(name: string, content: string, engine: Engine, trace?: (message: string) => void): JsonFile {
  const doc = loadDocument(name, content);
  const findings = checkBlocks(doc.blocks, engine, trace);
  return {
    file: name,
    figures: findings.map((f) => ({
      text: f.text,
      start: doc.offsetOf(f.block, f.start),
      end: doc.offsetOf(f.block, f.end, true),
      metric: f.metric.id,
      verdict: f.verdict,
      value: f.figure.value,
      unit: unitOf(f),
      official: { value: f.current.value, asOf: f.current.asOf, source: f.current.source },
    })),
  };
}

/** A table cell padded (or cut with "…") to `width` terminal columns. */
function fitCell(text: string, width: number): string {
  if (displayWidth(text) <= width) return text + ' '.repeat(width - displayWidth(text));
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…' + ' '.repeat(width - 1 - displayWidth(out));
}

function table(file: JsonFile, engine: Engine): string {
  const lines = [`${file.file}: ${file.figures.length} figure${file.figures.length === 1 ? '' : 's'}`];
  if (file.figures.length === 0) return `${lines[0]}\n`;
  const rows = file.figures.map((f) => {
    const metric = engine.metrics.find((m) => m.id === f.metric)!;
    const current = engine.observations[engine.metrics.indexOf(metric)]![0]!;
    const source = engine.sources.get(f.official.source);
    return [
      f.text,
      f.verdict,
      formatValue(f.official.value, metric, 'en', current.hedge),
      formatPeriod(f.official.asOf, 'en'),
      `${metric.id} · ${source ? `${source.publisher.en.replace(/\s*\(.*\)$/, '')}, ${source.title.en}` : f.official.source}`,
    ];
  });
  const header = ['figure', 'verdict', 'official', 'as of', 'metric · source'];
  const widths = header.map((h, i) => Math.min(40, Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!)))));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : fitCell(c, widths[i]!))).join('  ');
  lines.push(`  ${fmt(header)}`, ...rows.map((r) => `  ${fmt(r)}`));
  const counts = (['exact', 'rounded', 'outdated', 'conflict'] as const).map((v) => `${file.figures.filter((f) => f.verdict === v).length} ${v}`);
  lines.push(`  ${counts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function main(argv: string[], io: Io = defaultIo): number {
  const files: string[] = [];
  const failOn = new Set<Verdict>();
  let json = false;
  let explain = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--explain') explain = true;
    else if (arg === '-h' || arg === '--help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else if (arg === '-v' || arg === '--version') {
      io.stdout(`figure-check, dataset ${bundledDataset.version} (data as of ${bundledDataset.dataAsOf})\n`);
      return 0;
    } else if (arg === '--fail-on' || arg.startsWith('--fail-on=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      for (const v of (value ?? '').split(',')) {
        if (v === 'conflict') failOn.add('conflict');
        else if (v === 'outdated') failOn.add('outdated').add('conflict');
        else {
          io.stderr(`figure-check: --fail-on takes "conflict" or "outdated", not "${v}"\n`);
          return 2;
        }
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      io.stderr(`figure-check: unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    io.stderr(`figure-check: no file given\n${USAGE}\n`);
    return 2;
  }
  const validated = validateDataset(bundledDataset);
  if (!validated.ok) {
    io.stderr(`figure-check: the bundled dataset is invalid:\n  ${validated.errors.join('\n  ')}\n`);
    return 2;
  }
  const engine = createEngine(validated.dataset);
  let unreadable = false;
  const results: JsonFile[] = [];
  for (const file of files) {
    let content: string | undefined;
    try {
      content = file === '-' ? io.readStdin() : decodeText(io.readFile(file));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
      io.stderr(`figure-check: ${file}: cannot read (${reason})\n`);
      unreadable = true;
      continue;
    }
    if (content === undefined) {
      io.stderr(`figure-check: ${file}: binary file, not checked\n`);
      unreadable = true;
      continue;
    }
    const result = checkText(file, content, engine, explain ? (msg) => io.stderr(`${file}: ${msg}\n`) : undefined);
    results.push(result);
    if (!json) io.stdout(table(result, engine));
  }
  if (json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  if (unreadable) return 2;
  return results.some((r) => r.figures.some((f) => failOn.has(f.verdict))) ? 1 : 0;
}

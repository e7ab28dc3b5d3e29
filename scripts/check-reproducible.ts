/**
 * The Firefox sources zip rebuilds the Firefox package byte for byte (what AMO reviewers do):
 *
 *   1. `npx wxt zip -b firefox` here: .output/figure-check-<version>-firefox.zip (the upload) and
 *      .output/figure-check-<version>-sources.zip (the sources for review);
 *   2. the sources zip holds what the build needs (package-lock.json, data/, lib/, …) and nothing
 *      it must not (node_modules, .output, out, tests);
 *   3. unzip it into a temp dir, `npm ci && npx wxt build -b firefox` there;
 *   4. every file of the rebuilt .output/firefox-mv3 equals the file in the Firefox zip, and no
 *      file is missing or extra.
 *
 * Slow (npm ci from the registry): run through scripts/check-reproducible.sh (test-all.sh does).
 * Exits non-zero with the differing files listed. Keeps the temp dir with KEEP_REPRO_DIR=1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

/** What the sources zip must hold (the build reads them) and must not. */
export const REQUIRED_SOURCES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'wxt.config.ts',
  'scripts/validate-dataset.ts',
  'data/facts.json',
  'lib/',
  'components/',
  'entrypoints/',
  'platform/',
  'public/',
  'docs/store/SOURCE-BUILD.md',
];
export const FORBIDDEN_SOURCES = /^(node_modules|\.output|out|tests|\.git|\.wxt)\//;

async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  return files;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.replaceAll('\\', '/'))
    .sort();
}

function run(cmd: string, args: string[], cwd: string): void {
  console.log(`» (${cwd === root ? 'repo' : 'temp'}) ${cmd} ${args.join(' ')}`);
  const env = { ...process.env };
  delete env.FIGURE_CHECK_VALIDATE_DATASET; // the real dataset, always
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env });
}

async function main(): Promise<number> {
  const problems: string[] = [];
  run('npx', ['wxt', 'zip', '-b', 'firefox'], root);
  const extZip = join(root, '.output', `${pkg.name}-${pkg.version}-firefox.zip`);
  const srcZip = join(root, '.output', `${pkg.name}-${pkg.version}-sources.zip`);
  const shipped = await readZip(extZip);
  const sources = await readZip(srcZip);

  const names = [...sources.keys()];
  for (const want of REQUIRED_SOURCES) {
    if (!names.some((n) => (want.endsWith('/') ? n.startsWith(want) : n === want))) problems.push(`sources zip lacks ${want}`);
  }
  for (const n of names) if (FORBIDDEN_SOURCES.test(n)) problems.push(`sources zip holds ${n}`);
  const manifest = JSON.parse(shipped.get('manifest.json')?.toString('utf8') ?? '{}') as { version?: string };
  if (manifest.version !== pkg.version) problems.push(`the Firefox zip's manifest says version ${manifest.version}, package.json ${pkg.version}`);
  console.log(`sources zip: ${names.length} files; Firefox zip: ${shipped.size} files`);

  const dir = mkdtempSync(join(tmpdir(), 'figure-check-repro-'));
  try {
    for (const [name, content] of sources) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    run('npx', ['wxt', 'build', '-b', 'firefox'], dir);

    const rebuiltDir = join(dir, '.output/firefox-mv3');
    const rebuilt = filesUnder(rebuiltDir);
    for (const name of rebuilt) {
      const want = shipped.get(name);
      if (!want) problems.push(`rebuilt ${name}, which the Firefox zip does not have`);
      else if (!want.equals(readFileSync(join(rebuiltDir, name)))) problems.push(`${name} differs from the Firefox zip`);
    }
    for (const name of shipped.keys()) if (!rebuilt.includes(name)) problems.push(`the Firefox zip has ${name}, the rebuild does not`);
    console.log(`rebuilt ${rebuilt.length} files from the sources zip`);
  } finally {
    if (process.env.KEEP_REPRO_DIR === '1') console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  if (problems.length) {
    console.error(`NOT reproducible:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log(`reproducible: the sources zip rebuilds ${pkg.name}-${pkg.version}-firefox.zip byte for byte`);
  return 0;
}

process.exitCode = await main();

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { assertValidDataset } from '../../scripts/validate-dataset';

/**
 * The build gate (wxt.config.ts, hook `build:before`): an invalid data/facts.json stops the build
 * with a message naming the field. Broken copies live in a temp dir; data/facts.json is never touched.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const factsPath = join(repoRoot, 'data/facts.json');
const tmp = mkdtempSync(join(tmpdir(), 'figure-check-gate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const facts = (): Json => JSON.parse(readFileSync(factsPath, 'utf8')) as Json;
function brokenCopy(name: string, breakIt: (d: Json) => void): string {
  const d = facts();
  breakIt(d);
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify(d, null, 2));
  return file;
}

describe('assertValidDataset (the build gate)', () => {
  it('accepts the bundled dataset', () => {
    expect(() => assertValidDataset(factsPath)).not.toThrow();
  });

  it('names the field when an observation value has the wrong type', () => {
    const file = brokenCopy('value-type', (d) => {
      d.metrics[0].observations[0].value = 'a lot';
    });
    expect(() => assertValidDataset(file)).toThrow(/metrics\.0\.observations\.0\.value/);
    expect(() => assertValidDataset(file)).toThrow(file);
  });

  it('names the field when a required field is missing', () => {
    const file = brokenCopy('missing-as-of', (d) => {
      delete d.dataAsOf;
    });
    expect(() => assertValidDataset(file)).toThrow(/dataAsOf/);
  });

  it('names the field when an observation cites a source that does not exist', () => {
    const file = brokenCopy('dangling-source', (d) => {
      d.metrics[1].observations[0].source = 'no-such-source';
    });
    expect(() => assertValidDataset(file)).toThrow(/metrics\.1\.observations\.0\.source: unknown source "no-such-source"/);
  });

  it('names the duplicated id', () => {
    const file = brokenCopy('duplicate-metric', (d) => {
      d.metrics[2].id = d.metrics[0].id;
    });
    expect(() => assertValidDataset(file)).toThrow(/metrics\.2\.id: duplicate metric id/);
  });

  it('says when the file is not JSON', () => {
    const file = join(tmp, 'not-json.json');
    writeFileSync(file, '{ "version": ');
    expect(() => assertValidDataset(file)).toThrow(/is not valid JSON/);
  });
});

describe('wxt build with the gate', () => {
  // Slow-ish (loads the WXT config, ~3 s): the gate runs before WXT touches any output directory,
  // and the build is pointed at a temp outDir anyway so a missing gate could not clobber .output/.
  it('fails on a broken dataset, with the gate message, and writes nothing', () => {
    const broken = brokenCopy('for-build', (d) => {
      d.metrics[0].observations[0].value = 'a lot';
    });
    const outDir = join(tmp, 'out');
    const script = "import { build } from 'wxt'; await build({ outDir: process.env.GATE_OUT_DIR, logLevel: 1 });";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, FIGURE_CHECK_VALIDATE_DATASET: broken, GATE_OUT_DIR: outDir, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, `the build should have failed:\n${run.stdout}\n${run.stderr}`).not.toBe(0);
    expect(`${run.stdout}\n${run.stderr}`).toMatch(/the dataset .* is invalid:[\s\S]*metrics\.0\.observations\.0\.value/);
    expect(existsSync(join(outDir, 'chrome-mv3', 'manifest.json'))).toBe(false);
  });
});

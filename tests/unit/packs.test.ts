import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBlocks } from '../../lib/check/check-document';
import { createEngine } from '../../lib/check/engine';
import { bundledDataset } from '../../lib/data/dataset';
import { mergeDatasets } from '../../lib/data/merge';
import { parsePackText, validatePack } from '../../lib/data/packs';
import type { Dataset } from '../../lib/data/schema';
import { enabledPackDatasets, parseStoredPacks } from '../../lib/settings/packs';
import { extractPlainTextBlocks } from '../../lib/text/extract-plain';

const read = (name: string): unknown => JSON.parse(readFileSync(resolve(import.meta.dirname, '../e2e/pages', name), 'utf8'));
const clone = <T>(v: T): T => structuredClone(v);
const GOOD = read('custom-pack.json') as Dataset;

function expectErrors(input: unknown, others: Parameters<typeof validatePack>[2] = []): string[] {
  const r = validatePack(input, bundledDataset, others);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('custom fact packs: validation names the exact field and reason', () => {
  it('accepts the example pack', () => {
    const r = validatePack(GOOD, bundledDataset);
    expect(r.ok && r.summary).toEqual({ newMetrics: 1, extendedMetrics: 0, observations: 2, sources: 1 });
  });

  it('a period in the wrong form', () => {
    expect(expectErrors(read('custom-pack-invalid.json'))).toEqual(['metrics.0.observations.1.asOf: a period YYYY, YYYY-MM or YYYY-MM-DD']);
  });

  it('missing and mistyped fields', () => {
    const pack = clone(GOOD) as unknown as { metrics: Array<Record<string, unknown>>; sources: Array<Record<string, unknown>> };
    delete pack.metrics[0]!.kind;
    pack.sources[0]!.released = '20 Jan 2026';
    const errors = expectErrors(pack);
    expect(errors).toContain('sources.0.released: a date YYYY-MM-DD');
    expect(errors.some((e) => e.startsWith('metrics.0.kind: '))).toBe(true);
  });

  it('an unknown source; a source of the official dataset may be cited', () => {
    const pack = clone(GOOD);
    pack.metrics[0]!.observations[0]!.source = 'nowhere';
    expect(expectErrors(pack)).toEqual(['metrics.0.observations.0.source: unknown source "nowhere"']);
    pack.metrics[0]!.observations[0]!.source = bundledDataset.sources[0]!.id;
    expect(validatePack(pack, bundledDataset).ok).toBe(true);
  });

  it('not JSON, or not an object', () => {
    const r = parsePackText('{ "version": ');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^\(file\): not valid JSON/);
    expect(expectErrors([])).toEqual(['(root): Invalid input: expected object, received array']);
  });
});

describe('custom fact packs: ids already in use', () => {
  const official = bundledDataset.metrics.find((m) => m.id === 'internet-users')!;

  it('a pack may add observations to an official metric', () => {
    const pack: Dataset = { ...clone(GOOD), metrics: [{ ...clone(official), observations: [{ value: 1.2e9, asOf: '2026-06', source: GOOD.sources[0]!.id, hedge: 'none', status: 'C1' }] }] };
    const r = validatePack(pack, bundledDataset);
    expect(r.ok && r.summary).toMatchObject({ newMetrics: 0, extendedMetrics: 1 });
    const merged = mergeDatasets(bundledDataset, [pack]);
    const m = merged.metrics.find((x) => x.id === 'internet-users')!;
    expect(m.observations).toHaveLength(official.observations.length + 1);
    expect(m.cues).toBe(official.cues); // the official cues are kept
    expect(official.observations).toHaveLength(bundledDataset.metrics.find((x) => x.id === 'internet-users')!.observations.length); // nothing mutated
  });

  it('… but not change its kind, nor repeat an observation it has', () => {
    const asPercent = { ...clone(GOOD), metrics: [{ ...clone(official), kind: 'percent' as const }] };
    expect(expectErrors(asPercent)).toEqual(['metrics.0.kind: metric "internet-users" already exists in the official dataset as "count"; a pack may only add observations to it, with the same kind']);
    const again = { ...clone(GOOD), metrics: [{ ...clone(official), observations: [clone(official.observations[0]!)] }] };
    expect(expectErrors(again)[0]).toMatch(/^metrics\.0\.observations\.0\.asOf: metric "internet-users" already has an observation for \S+ from source "\S+" in the official dataset$/);
  });

  it('a source id in use needs the same definition', () => {
    const same = { ...clone(GOOD), sources: [...clone(GOOD).sources, clone(bundledDataset.sources[0]!)] };
    expect(validatePack(same, bundledDataset).ok).toBe(true);
    const other = { ...clone(GOOD), sources: [...clone(GOOD).sources, { ...clone(bundledDataset.sources[0]!), released: '2020-01-01' }] };
    expect(expectErrors(other)).toEqual([`sources.1.id: source "${bundledDataset.sources[0]!.id}" already exists in the official dataset with other details; give this source another id, or copy it exactly`]);
  });

  it('clashes with a pack already imported are named after it', () => {
    const changed = clone(GOOD);
    changed.metrics[0]!.kind = 'percent';
    changed.sources = [];
    changed.metrics[0]!.observations = [{ value: 50, asOf: '2026-01', source: bundledDataset.sources[0]!.id, hedge: 'none', status: 'C1' }];
    expect(expectErrors(changed, [{ label: 'pack "robotaxi.json"', dataset: GOOD }])[0]).toMatch(/in pack "robotaxi.json" as "count"/);
  });
});

describe('custom fact packs: merged into the dataset the checker uses', () => {
  it('marks a custom metric, and the official ones still', () => {
    const engine = createEngine(mergeDatasets(bundledDataset, [GOOD]));
    const text = 'China had 5,120 robotaxis in paid service at the end of 2025.\n\n截至2025年底，全国运营中的自动驾驶出租车达5120辆。\n\nChina had 1.125 billion internet users by the end of 2025.';
    const found = checkBlocks(extractPlainTextBlocks(text), engine).map((f) => [f.text, f.metric.id, f.verdict]);
    expect(found).toEqual([
      ['5,120', 'custom-robotaxi-fleet', 'exact'],
      ['5120辆', 'custom-robotaxi-fleet', 'exact'],
      ['1.125 billion', 'internet-users', 'exact'],
    ]);
  });

  it('no packs: the bundled dataset itself', () => {
    expect(mergeDatasets(bundledDataset, [])).toBe(bundledDataset);
  });

  it('stored packs: a damaged entry drops that pack only; disabled packs are not merged', () => {
    const stored = parseStoredPacks({
      version: 1,
      packs: [
        { id: 'a', name: 'a.json', enabled: true, importedAt: '2026-03-01T00:00:00Z', dataset: GOOD },
        { id: 'b', name: 'b.json', enabled: true, dataset: { version: 1 } },
        { id: 'c', name: 'c.json', enabled: false, importedAt: '', dataset: GOOD },
        'junk',
      ],
    });
    expect(stored.packs.map((p) => p.id)).toEqual(['a', 'c']);
    expect(enabledPackDatasets(stored)).toHaveLength(1);
    expect(parseStoredPacks('junk')).toEqual({ version: 1, packs: [] });
  });
});

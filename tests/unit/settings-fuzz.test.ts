import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/data/dataset';
import { mergeDatasets } from '../../lib/data/merge';
import { parsePackText, validatePack, type KnownDataset } from '../../lib/data/packs';
import { datasetSchema, type Dataset } from '../../lib/data/schema';
import { validateDataset } from '../../lib/data/validate';
import { migrateSettings, readSettings } from '../../lib/settings/migrate';
import { enabledPackDatasets, parseStoredPacks } from '../../lib/settings/packs';
import { CARD_DELAY, DEFAULT_SETTINGS, LANGUAGES, MARK_STYLES, VERDICT_KEYS, type Settings } from '../../lib/settings/schema';
import { normalisePattern } from '../../lib/settings/sites';

/**
 * Fuzzing what is read back from storage and what a reader imports: random JSON values, wrong
 * types, huge arrays, prototype-pollution keys (`__proto__`, `constructor`, `prototype`) and
 * non-JSON values (Map, Date, typed arrays, null-prototype objects, BigInt) into the settings reader
 * and migration (lib/settings/schema.ts, migrate.ts) and the fact-pack validation (lib/data/validate.ts,
 * lib/data/packs.ts, lib/settings/packs.ts). Nothing ever throws; settings always come out valid,
 * with every valid field kept; pack validation says ok or names a field in every error.
 */

/** FUZZ_RUNS=5000 for a longer hunt. */
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS) || 300 };

/** Keys that would pollute prototypes if anything assigned them naively. */
const POLLUTING = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/**
 * A copy of `value` with an own, enumerable property `key` (as JSON.parse makes `"__proto__"`: an
 * assignment or an object literal would set the prototype instead).
 */
function withPollution(value: unknown, key: string, payload: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as object) };
  Object.defineProperty(copy, key, { value: payload, enumerable: true, writable: true, configurable: true });
  return copy;
}

const anyValue = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withBigInt: true,
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...POLLUTING, 'version', 'enabled', 'mode', 'disabledSites', 'verdicts', 'cardDelayMs', 'language')),
});
const jsonValue = fc.jsonValue({ maxDepth: 4 });
/** Strings near the edges of what a site is: www. repeated, trailing dots, ports, schemes, wildcards. */
const siteLike = fc
  .array(fc.constantFrom('www.', 'WWW.', 'www', '.', '..', '*.', 'example', 'com', 'news.', ':8080', ':0', ':99999', '/', '/path', 'https://', 'http://', 'file://', '[::1]', 'xn--', ' ', '-'), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));
const safeStringify = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
};

/** A stored settings value: sometimes well-formed, mostly not, with polluting keys mixed in. */
const storedSettings = fc.oneof(
  anyValue,
  jsonValue,
  fc.record(
    {
      version: fc.oneof(fc.constant(1), fc.constant(0), anyValue),
      enabled: fc.oneof(fc.boolean(), anyValue),
      mode: fc.oneof(fc.constantFrom('all-except', 'only-listed'), anyValue),
      disabledSites: fc.oneof(fc.array(fc.oneof(fc.domain(), fc.webUrl(), siteLike, fc.string(), anyValue), { maxLength: 20 }), anyValue),
      enabledSites: fc.oneof(fc.array(fc.oneof(fc.domain(), siteLike, fc.string()), { maxLength: 20 }), anyValue),
      verdicts: fc.oneof(fc.record({ exact: fc.boolean(), rounded: anyValue, outdated: fc.boolean(), conflict: fc.boolean() }, { requiredKeys: [] }), anyValue),
      markStyle: fc.oneof(fc.constantFrom(...MARK_STYLES), anyValue),
      cardDelayMs: fc.oneof(fc.integer({ min: -10_000, max: 10_000 }), fc.double(), anyValue),
      badge: fc.oneof(fc.boolean(), anyValue),
      language: fc.oneof(fc.constantFrom(...LANGUAGES), anyValue),
      // v0 fields
      on: fc.oneof(fc.boolean(), anyValue),
      whitelistMode: anyValue,
      blacklist: fc.oneof(fc.array(fc.string(), { maxLength: 5 }), anyValue),
      hideExact: anyValue,
      underlineOnly: anyValue,
      hoverDelay: fc.oneof(fc.integer(), fc.string(), anyValue),
      lang: fc.oneof(fc.constantFrom('zh', 'en', 'auto'), anyValue),
    },
    { requiredKeys: [] },
  ),
);
const pollutedSettings = fc.tuple(storedSettings, fc.constantFrom(...POLLUTING), anyValue).map(([v, k, p]) => withPollution(v, k, p));

/** A whole settings object is valid: every field of the right type and range, nothing else. */
function expectValidSettings(s: Settings): void {
  expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
  expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  expect(s.version).toBe(1);
  expect(typeof s.enabled).toBe('boolean');
  expect(['all-except', 'only-listed']).toContain(s.mode);
  for (const list of [s.disabledSites, s.enabledSites]) {
    expect(Array.isArray(list)).toBe(true);
    expect(new Set(list).size).toBe(list.length);
    for (const site of list) expect(normalisePattern(site), `"${site}" is a normalised site`).toBe(site);
  }
  expect(Object.keys(s.verdicts).sort()).toEqual([...VERDICT_KEYS].sort());
  for (const v of VERDICT_KEYS) expect(typeof s.verdicts[v]).toBe('boolean');
  expect(MARK_STYLES).toContain(s.markStyle);
  expect(Number.isInteger(s.cardDelayMs)).toBe(true);
  expect(s.cardDelayMs).toBeGreaterThanOrEqual(CARD_DELAY.min);
  expect(s.cardDelayMs).toBeLessThanOrEqual(CARD_DELAY.max);
  expect(typeof s.badge).toBe('boolean');
  expect(LANGUAGES).toContain(s.language);
}

function expectPrototypesClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.keys(Array.prototype)).toEqual([]);
}

describe('fuzzing the settings reader and migration', () => {
  it('any stored value: never throws, always valid settings, deterministic, a fixed point', () => {
    fc.assert(
      fc.property(fc.oneof(storedSettings, pollutedSettings), (raw) => {
        const s = readSettings(raw);
        expectValidSettings(s);
        expect(readSettings(raw)).toEqual(s);
        // What the background writes back reads back the same: nothing drifts from read to read.
        // (Compared as stored, as JSON: -0 and 0 are the same delay.)
        expect(JSON.stringify(readSettings(JSON.parse(JSON.stringify(s))))).toBe(JSON.stringify(s));
        expectPrototypesClean();
      }),
      RUNS,
    );
  });

  it('v1 values: each valid field is kept, each invalid one alone falls back to its default', () => {
    const field = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>) => fc.oneof(valid.map((v) => ({ ok: true as const, v })), invalid.map((v) => ({ ok: false as const, v })));
    const notBool = anyValue.filter((v) => typeof v !== 'boolean');
    const arb = fc.record({
      enabled: field(fc.boolean(), notBool),
      mode: field(fc.constantFrom('all-except', 'only-listed'), fc.oneof(fc.string(), anyValue).filter((v) => v !== 'all-except' && v !== 'only-listed')),
      disabledSites: field(fc.uniqueArray(fc.domain(), { maxLength: 10 }).map((d) => [...new Set(d.map((x) => normalisePattern(x)!).filter(Boolean))]), anyValue.filter((v) => !Array.isArray(v))),
      markStyle: field(fc.constantFrom(...MARK_STYLES), fc.string().filter((v) => !(MARK_STYLES as readonly string[]).includes(v))),
      cardDelayMs: field(fc.integer({ min: CARD_DELAY.min, max: CARD_DELAY.max }), fc.oneof(fc.integer({ min: CARD_DELAY.max + 1 }), fc.integer({ max: CARD_DELAY.min - 1 }), fc.double({ noInteger: true }), fc.string())),
      badge: field(fc.boolean(), notBool),
      language: field(fc.constantFrom(...LANGUAGES), fc.string().filter((v) => !(LANGUAGES as readonly string[]).includes(v))),
      exact: field(fc.boolean(), notBool),
    });
    fc.assert(
      fc.property(arb, fc.constantFrom(...POLLUTING), (f, key) => {
        const raw = { version: 1, enabled: f.enabled.v, mode: f.mode.v, disabledSites: f.disabledSites.v, enabledSites: ['example.org'], verdicts: { exact: f.exact.v, rounded: false, outdated: true, conflict: true }, markStyle: f.markStyle.v, cardDelayMs: f.cardDelayMs.v, badge: f.badge.v, language: f.language.v };
        const s = readSettings(withPollution(raw, key, { polluted: true }));
        const want = <T>(x: { ok: boolean; v: unknown }, fallback: T): T => (x.ok ? (x.v as T) : fallback);
        expect(s).toEqual({
          version: 1,
          enabled: want(f.enabled, DEFAULT_SETTINGS.enabled),
          mode: want(f.mode, DEFAULT_SETTINGS.mode),
          disabledSites: want(f.disabledSites, []),
          enabledSites: ['example.org'],
          verdicts: { exact: want(f.exact, true), rounded: false, outdated: true, conflict: true },
          markStyle: want(f.markStyle, DEFAULT_SETTINGS.markStyle),
          cardDelayMs: want(f.cardDelayMs, DEFAULT_SETTINGS.cardDelayMs),
          badge: want(f.badge, DEFAULT_SETTINGS.badge),
          language: want(f.language, DEFAULT_SETTINGS.language),
        });
        expectPrototypesClean();
      }),
      RUNS,
    );
  });

  it('any version number: migration never throws and never runs backwards', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.string(), anyValue), storedSettings, (version, rest) => {
        const raw = typeof rest === 'object' && rest !== null && !Array.isArray(rest) ? { ...rest, version } : { version };
        const r = migrateSettings(raw);
        expect(r.from).toBeGreaterThanOrEqual(0);
        if (typeof version === 'number' && Number.isInteger(version) && version >= 1) expect(r.migrated).toBe(false);
        expectValidSettings(readSettings(raw));
      }),
      RUNS,
    );
  });

  it('site normalisation is idempotent (found by this fuzzer: "-../pathwww." gave "-." and then "-")', () => {
    expect(normalisePattern('www.www.Example.com.')).toBe('example.com');
    expect(normalisePattern('example.com..')).toBe('example.com');
    fc.assert(
      fc.property(fc.oneof(siteLike, fc.domain(), fc.webUrl(), fc.string()), (input) => {
        const once = normalisePattern(input);
        if (once !== undefined) expect(normalisePattern(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('huge values: a site list of 100,000 entries and deep nesting are read, not thrown on', () => {
    const sites = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? `site${i}.example.com` : i % 3 === 1 ? { i } : `not a site ${i}`));
    const s = readSettings({ version: 1, disabledSites: sites, verdicts: JSON.parse('{"__proto__":{"polluted":true},"exact":false}') });
    expect(s.disabledSites).toHaveLength(Math.ceil(100_000 / 3));
    expect(s.verdicts).toEqual({ exact: false, rounded: true, outdated: true, conflict: true });
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { verdicts: deep, mode: [deep] };
    expectValidSettings(readSettings(deep));
    expectPrototypesClean();
  });
});

const GOOD = JSON.parse(readFileSync(resolve(import.meta.dirname, '../e2e/pages/custom-pack.json'), 'utf8')) as Dataset;
/** "field.path: reason", the path being a dotted one, "(root)" or "(file)". */
const NAMED = /^(\(root\)|\(file\)|[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*): \S/;

/** The example pack with one random change somewhere in it: a value replaced, a key removed or added. */
const mutatedPack: fc.Arbitrary<unknown> = fc
  .tuple(fc.nat(), fc.constantFrom('replace', 'remove', 'add'), fc.oneof(anyValue, jsonValue), fc.constantFrom(...POLLUTING, 'extra'))
  .map(([pick, how, value, key]) => {
    const pack = structuredClone(GOOD) as unknown as Record<string, unknown>;
    const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
    const visit = (node: unknown) => {
      if (Array.isArray(node)) node.forEach((v, i) => (slots.push([node, i]), visit(v)));
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) (slots.push([node as Record<string, unknown>, k]), visit(v));
    };
    visit(pack);
    const [parent, at] = slots[pick % slots.length]!;
    if (how === 'replace') (parent as Record<string | number, unknown>)[at] = value;
    else if (how === 'remove') {
      if (Array.isArray(parent)) parent.splice(at as number, 1);
      else delete parent[at as string];
    } else if (!Array.isArray(parent)) return withPollution(pack, key, value);
    return pack;
  });

const packInput = fc.oneof(anyValue, jsonValue, mutatedPack, fc.constant(GOOD));
const OTHERS: KnownDataset[] = [{ label: 'pack.json', dataset: GOOD }];

function expectNamedOrOk(r: { ok: true } | { ok: false; errors: string[] }): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) expect(e, 'an error names its field').toMatch(NAMED);
}

describe('fuzzing fact-pack validation', () => {
  it('validateDataset and validatePack: never throw; ok (and then schema-valid) or errors that name a field', () => {
    fc.assert(
      fc.property(packInput, fc.boolean(), (input, withOthers) => {
        const d = validateDataset(input);
        expectNamedOrOk(d);
        if (d.ok) expect(datasetSchema.safeParse(d.dataset).success).toBe(true);
        const p = validatePack(input, bundledDataset, withOthers ? OTHERS : []);
        expectNamedOrOk(p);
        if (p.ok) {
          expect(datasetSchema.safeParse(p.pack).success).toBe(true);
          // What is accepted merges with the official data without trouble.
          expect(() => mergeDatasets(bundledDataset, [p.pack])).not.toThrow();
        }
        // Deterministic.
        expect(JSON.stringify(validatePack(input, bundledDataset, withOthers ? OTHERS : []))).toBe(JSON.stringify(p));
        expectPrototypesClean();
      }),
      RUNS,
    );
  });

  it('pack files: any text is parsed or refused with a "(file)" error, never thrown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), jsonValue.map(safeStringify), mutatedPack.map(safeStringify)), (text) => {
        const r = parsePackText(text);
        if (!r.ok) for (const e of r.errors) expect(e).toMatch(/^\(file\): /);
        else expectNamedOrOk(validatePack(r.value, bundledDataset));
      }),
      RUNS,
    );
  });

  it('stored packs: any value reads as a list of well-formed packs; a damaged entry drops only itself', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyValue, packInput.map((dataset) => ({ id: 'p1', name: 'a.json', enabled: true, importedAt: '', dataset }))), { maxLength: 6 }), fc.oneof(anyValue, fc.constant(undefined)), (entries, garbage) => {
        const good = { id: 'good', name: 'good.json', enabled: true, importedAt: '2026-01-01T00:00:00.000Z', dataset: GOOD };
        for (const [i, raw] of [{ version: 1, packs: [...entries, good] }, garbage, { packs: garbage }].entries()) {
          const stored = parseStoredPacks(raw);
          expect(stored.version).toBe(1);
          const ids = stored.packs.map((p) => p.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const p of stored.packs) {
            expect(typeof p.id === 'string' && p.id.length > 0).toBe(true);
            expect(typeof p.enabled).toBe('boolean');
            expect(Array.isArray(p.dataset.sources) && Array.isArray(p.dataset.metrics)).toBe(true);
          }
          if (i === 0) expect(ids).toContain('good');
          expect(() => enabledPackDatasets(stored)).not.toThrow();
        }
        expectPrototypesClean();
      }),
      RUNS,
    );
  });

  it('huge packs: 20,000 broken metrics give one named error each, not a crash', () => {
    const metrics = Array.from({ length: 20_000 }, (_, i) => ({ id: `m${i}`, kind: 'count' }));
    const r = validatePack({ ...GOOD, metrics }, bundledDataset);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.length).toBeGreaterThanOrEqual(20_000);
      for (const e of r.errors.slice(0, 50)) expect(e).toMatch(NAMED);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { migrateSettings, readSettings, storedVersion, type Migration } from '../../lib/settings/migrate';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, defaultSettings } from '../../lib/settings/schema';

/** Stored examples, as each release wrote them. */
const V0_EXAMPLES = {
  /** 0.0.3 with its defaults (it wrote every field). */
  defaults: { on: true, whitelistMode: false, blacklist: [], whitelist: [], hideExact: false, underlineOnly: false, hoverDelay: 350, lang: 'auto' },
  /** A reader who used the allow-list, hid exact figures and read in Chinese. */
  allowList: {
    on: true,
    whitelistMode: true,
    blacklist: ['https://www.example.com/'],
    whitelist: ['www.xinhuanet.com', 'https://news.cn/politics', 'people.com.cn'],
    hideExact: true,
    underlineOnly: true,
    hoverDelay: '600',
    lang: 'zh',
  },
  /** Turned off, and an early 0.0.1 that did not store the later fields. */
  sparse: { on: false, blacklist: ['example.com'] },
  /** Damaged: wrong types everywhere. */
  damaged: { on: 'true', whitelistMode: 'sometimes', blacklist: 'example.com', whitelist: [3, 'ok.org'], hoverDelay: 'slow', lang: 'fr' },
};

describe('settings migrations: v0 (unreleased 0.0.x) → v1', () => {
  it('tells the versions apart', () => {
    expect(storedVersion(V0_EXAMPLES.defaults)).toBe(0);
    expect(storedVersion({ version: 1 })).toBe(1);
    expect(storedVersion(undefined)).toBe(SETTINGS_VERSION);
    expect(storedVersion({ version: 'one' })).toBe(SETTINGS_VERSION);
  });

  it('v0 defaults become v1 defaults', () => {
    const r = migrateSettings(V0_EXAMPLES.defaults);
    expect(r).toMatchObject({ from: 0, migrated: true });
    expect(readSettings(V0_EXAMPLES.defaults)).toEqual(DEFAULT_SETTINGS);
  });

  it('an allow-list reader keeps the mode, the sites, hidden exact figures, the style, the delay and Chinese', () => {
    expect(readSettings(V0_EXAMPLES.allowList)).toEqual({
      ...defaultSettings(),
      mode: 'only-listed',
      disabledSites: ['example.com'],
      enabledSites: ['xinhuanet.com', 'news.cn', 'people.com.cn'],
      verdicts: { exact: false, rounded: true, outdated: true, conflict: true },
      markStyle: 'underline',
      cardDelayMs: 600,
      language: 'zh-CN',
    });
  });

  it('a sparse v0 value keeps what it had; the rest is default', () => {
    expect(readSettings(V0_EXAMPLES.sparse)).toEqual({ ...defaultSettings(), enabled: false, disabledSites: ['example.com'] });
  });

  it('a damaged v0 value keeps its good parts', () => {
    expect(readSettings(V0_EXAMPLES.damaged)).toEqual({ ...defaultSettings(), enabledSites: ['ok.org'] });
  });

  it('a v1 value is not migrated', () => {
    const v1 = { ...defaultSettings(), enabled: false };
    expect(migrateSettings(v1)).toEqual({ value: v1, from: 1, migrated: false });
    expect(readSettings(v1)).toEqual(v1);
  });

  it('a value from a newer release is read as far as it goes, never migrated down', () => {
    const future = { version: 7, enabled: false, sparkles: true };
    expect(migrateSettings(future).migrated).toBe(false);
    expect(readSettings(future)).toEqual({ ...defaultSettings(), enabled: false });
  });

  it('migrations chain in order (the framework, with a made-up v2)', () => {
    const chain: Migration[] = [
      { to: 1, up: (o) => ({ ...o, version: 1, a: 1 }) },
      { to: 2, up: (o) => ({ ...o, version: 2, b: (o.a as number) + 1 }) },
    ];
    expect(migrateSettings({}, chain, 2)).toEqual({ value: { version: 2, a: 1, b: 2 }, from: 0, migrated: true });
    expect(migrateSettings({ version: 1, a: 5 }, chain, 2).value).toEqual({ version: 2, a: 5, b: 6 });
    expect(() => migrateSettings({}, [chain[1]!], 2)).toThrow(/version 1/);
  });
});

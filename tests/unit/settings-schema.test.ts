import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings, parseSettings } from '../../lib/settings/schema';
import { readSettings } from '../../lib/settings/migrate';

/** A stored value that was damaged or edited by hand keeps every field that is still good. */
describe('settings: each field falls back to its own default', () => {
  it('nothing stored gives the defaults', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ version: 1 })).toEqual(DEFAULT_SETTINGS);
  });

  it('a value that is not an object at all gives the defaults', () => {
    for (const raw of ['{"enabled":false}', 42, true, [1, 2], 'corrupt']) expect(readSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('a bad field falls back alone; the others survive', () => {
    const stored = {
      version: 1,
      enabled: 'yes', // wrong type
      mode: 'only-listed',
      disabledSites: ['example.com'],
      enabledSites: ['xinhuanet.com', 'people.com.cn'],
      verdicts: { exact: false, rounded: true, outdated: 'no', conflict: true }, // one bad verdict flag
      markStyle: 'glitter', // unknown
      cardDelayMs: 99999, // out of range
      badge: false,
      language: 'zh-CN',
    };
    expect(readSettings(stored)).toEqual({
      ...defaultSettings(),
      mode: 'only-listed',
      disabledSites: ['example.com'],
      enabledSites: ['xinhuanet.com', 'people.com.cn'],
      verdicts: { exact: false, rounded: true, outdated: true, conflict: true },
      badge: false,
      language: 'zh-CN',
    });
  });

  it('a broken site list keeps its good entries, normalised and without duplicates', () => {
    const s = readSettings({ version: 1, disabledSites: ['https://www.Example.com/page', 7, null, 'not a site', 'example.com', '*.News.org', 'localhost:3000'] });
    expect(s.disabledSites).toEqual(['example.com', '*.news.org', 'localhost:3000']);
    expect(readSettings({ version: 1, enabledSites: 'example.com' }).enabledSites).toEqual([]);
  });

  it('verdicts that are not an object fall back as a whole; a fractional delay is refused', () => {
    const s = readSettings({ version: 1, verdicts: 'all', cardDelayMs: 12.5 });
    expect(s.verdicts).toEqual(DEFAULT_SETTINGS.verdicts);
    expect(s.cardDelayMs).toBe(DEFAULT_SETTINGS.cardDelayMs);
  });

  it('unknown fields are dropped, known ones kept', () => {
    const s = readSettings({ version: 1, theme: 'dark', badge: false }) as unknown as Record<string, unknown>;
    expect(s.theme).toBeUndefined();
    expect(s.badge).toBe(false);
  });

  it('a list of 1,000 sites reads in a few milliseconds', () => {
    const sites = Array.from({ length: 1000 }, (_, i) => `site-${i}.example.com`);
    const t0 = performance.now();
    const s = readSettings({ version: 1, disabledSites: sites });
    expect(s.disabledSites).toHaveLength(1000);
    expect(performance.now() - t0).toBeLessThan(100);
  });
});

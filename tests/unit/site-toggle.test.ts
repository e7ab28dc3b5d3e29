import { describe, expect, it } from 'vitest';
import { noAccessReason } from '../../lib/settings/page-access';
import { isEnabled, setSiteEnabled, siteRuleEnabled, type SiteSettings } from '../../lib/settings/sites';

const base = (over: Partial<SiteSettings> = {}): SiteSettings => ({ enabled: true, mode: 'all-except', disabledSites: [], enabledSites: [], ...over });

describe('turning a site on and off (popup switch, command, context menu)', () => {
  it('everywhere-except: off adds the site, on removes it', () => {
    const off = setSiteEnabled(base(), 'https://www.example.com/a', false);
    expect(off.disabledSites).toEqual(['example.com']);
    expect(isEnabled('https://news.example.com/', off)).toBe(false);
    expect(setSiteEnabled(off, 'https://example.com/b', true).disabledSites).toEqual([]);
  });

  it('turning a subdomain back on removes the broader entry that covered it', () => {
    const s = base({ disabledSites: ['example.com', 'other.org'] });
    const on = setSiteEnabled(s, 'https://news.example.com/', true);
    expect(on.disabledSites).toEqual(['other.org']);
    expect(isEnabled('https://news.example.com/', on)).toBe(true);
  });

  it('only-listed: on adds the site (with its port), off removes every entry covering it', () => {
    const s = base({ mode: 'only-listed' });
    const on = setSiteEnabled(s, 'http://127.0.0.1:5173/page', true);
    expect(on.enabledSites).toEqual(['127.0.0.1:5173']);
    expect(isEnabled('http://127.0.0.1:5173/other', on)).toBe(true);
    expect(setSiteEnabled({ ...on, enabledSites: ['127.0.0.1:5173', '127.0.0.1'] }, 'http://127.0.0.1:5173/', false).enabledSites).toEqual([]);
  });

  it('no change gives the same object; pages we never run on are left alone', () => {
    const s = base();
    expect(setSiteEnabled(s, 'https://example.com/', true)).toBe(s);
    expect(setSiteEnabled(s, 'chrome://settings/', false)).toBe(s);
  });

  it('the site switch shows the site rule, whatever the global switch', () => {
    const s = base({ enabled: false, disabledSites: ['a.com'] });
    expect(siteRuleEnabled('https://b.com/', s)).toBe(true);
    expect(siteRuleEnabled('https://a.com/', s)).toBe(false);
    expect(setSiteEnabled(s, 'https://b.com/', false).enabled).toBe(false);
  });
});

describe('pages where the content script cannot run', () => {
  const table: Array<[string | undefined, boolean, string | undefined]> = [
    ['chrome://extensions/', false, 'browser-page'],
    ['about:blank', false, 'browser-page'],
    ['chrome-extension://abc/popup.html', false, 'browser-page'],
    ['view-source:https://example.com/', false, 'browser-page'],
    ['https://chromewebstore.google.com/detail/x', false, 'web-store'],
    ['https://example.com/report.pdf', false, 'pdf'],
    ['file:///home/me/a.html', false, 'file-access'],
    ['file:///home/me/a.html', true, undefined],
    ['https://example.com/story', false, undefined],
    [undefined, false, 'unknown'],
  ];
  for (const [url, file, expected] of table) it(`${url} → ${expected}`, () => expect(noAccessReason(url, file)).toBe(expected));
});

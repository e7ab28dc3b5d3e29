import { describe, expect, it } from 'vitest';
import { isEnabled, normalisePattern, siteOf, type SiteSettings } from '../../lib/settings/sites';

const allExcept = (disabledSites: string[]): SiteSettings => ({ enabled: true, mode: 'all-except', disabledSites, enabledSites: [] });
const onlyListed = (enabledSites: string[]): SiteSettings => ({ enabled: true, mode: 'only-listed', disabledSites: [], enabledSites });

describe('isEnabled: site rules, table-driven', () => {
  const table: Array<[string, SiteSettings, string, boolean]> = [
    ['on everywhere by default', allExcept([]), 'https://news.example.com/a', true],
    ['a turned-off site is off', allExcept(['example.com']), 'https://example.com/a', false],
    ['www. is the same site as the bare domain', allExcept(['example.com']), 'https://www.example.com/a', false],
    ['a bare-domain rule typed with www. covers the bare domain', allExcept([normalisePattern('www.example.com')!]), 'https://example.com/', false],
    ['a site rule covers its subdomains', allExcept(['example.com']), 'https://news.example.com/', false],
    ['a subdomain rule does not cover the parent', allExcept(['news.example.com']), 'https://example.com/', true],
    ['a subdomain rule does not cover siblings', allExcept(['news.example.com']), 'https://sport.example.com/', true],
    ['*.example.com covers subdomains', allExcept(['*.example.com']), 'https://a.b.example.com/', false],
    ['*.example.com does not cover example.com itself', allExcept(['*.example.com']), 'https://example.com/', true],
    ['*.example.com does not cover www.example.com (www. is the bare site)', allExcept(['*.example.com']), 'https://www.example.com/', true],
    ['no suffix confusion: example.com does not cover badexample.com', allExcept(['example.com']), 'https://badexample.com/', true],
    ['hosts compare case-insensitively and without a trailing dot', allExcept(['example.com']), 'https://EXAMPLE.com./', false],
    ['a rule with a port covers that port only', allExcept(['127.0.0.1:8080']), 'http://127.0.0.1:8080/x', false],
    ['… and not another port', allExcept(['127.0.0.1:8080']), 'http://127.0.0.1:9090/x', true],
    ['a rule without a port covers every port', allExcept(['127.0.0.1']), 'http://127.0.0.1:9090/x', false],
    ['only-listed: a listed site is on', onlyListed(['xinhuanet.com']), 'https://www.xinhuanet.com/tech/', true],
    ['only-listed: an unlisted site is off', onlyListed(['xinhuanet.com']), 'https://example.com/', false],
    ['local files are the site file://', onlyListed(['file://']), 'file:///home/me/a.html', true],
    ['browser pages are never checked', allExcept([]), 'chrome://extensions/', false],
    ['extension pages are never checked', allExcept([]), 'chrome-extension://abc/popup.html', false],
    ['garbage is never checked', allExcept([]), 'not a url', false],
    ['the global switch wins', { ...allExcept([]), enabled: false }, 'https://example.com/', false],
  ];
  for (const [name, settings, url, expected] of table) {
    it(name, () => expect(isEnabled(url, settings)).toBe(expected));
  }
});

describe('site names and typed patterns', () => {
  it('shows the site of a URL without www. and with its port', () => {
    expect(siteOf('https://www.Example.com/a?b')).toBe('example.com');
    expect(siteOf('http://127.0.0.1:5173/')).toBe('127.0.0.1:5173');
    expect(siteOf('about:blank')).toBeUndefined();
  });

  it('normalises what people type, and rejects what is no site', () => {
    expect(normalisePattern('  https://www.Example.com/path ')).toBe('example.com');
    expect(normalisePattern('*.Example.com')).toBe('*.example.com');
    expect(normalisePattern('localhost:3000')).toBe('localhost:3000');
    expect(normalisePattern('exa mple.com')).toBeUndefined();
    expect(normalisePattern('')).toBeUndefined();
    expect(normalisePattern('..com')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { addSites, exportSitesJson, exportSitesText, parseSiteListFile, parseSiteLines } from '../../lib/settings/site-lists';

describe('site lists: typing, importing, exporting', () => {
  it('reads one site per line, normalised, with comments and junk set aside', () => {
    expect(parseSiteLines('https://www.Example.com/a\n\n# my list\n*.news.org  # subdomains\nnot a site!\nlocalhost:3000, a.cn')).toEqual({
      sites: ['example.com', '*.news.org', 'localhost:3000', 'a.cn'],
      rejected: ['not a site!'],
    });
  });

  it('imports JSON arrays, { sites }, and an export of both lists', () => {
    expect(parseSiteListFile('["a.com", 3, "b.com"]', 'disabledSites').sites).toEqual(['a.com', 'b.com']);
    expect(parseSiteListFile('{"sites": ["c.com"]}', 'enabledSites').sites).toEqual(['c.com']);
    const both = exportSitesJson(['x.com'], 'enabledSites');
    expect(parseSiteListFile(both, 'enabledSites').sites).toEqual(['x.com']);
    expect(parseSiteListFile('{"broken": ', 'enabledSites').sites).toEqual([]);
  });

  it('round-trips through text', () => {
    const list = ['a.com', '*.b.org', 'file://'];
    expect(parseSiteListFile(exportSitesText(list), 'disabledSites').sites).toEqual(list);
  });

  it('adds without duplicates, and 1,000 sites to 1,000 more stays fast', () => {
    expect(addSites(['a.com'], ['a.com', 'b.com', 'b.com'])).toEqual({ list: ['a.com', 'b.com'], added: 1, skipped: 2 });
    const a = Array.from({ length: 1000 }, (_, i) => `a${i}.example.com`);
    const b = Array.from({ length: 1000 }, (_, i) => `b${i}.example.com`).join('\n');
    const t0 = performance.now();
    const r = addSites(a, parseSiteLines(b).sites);
    expect(r.added).toBe(1000);
    expect(performance.now() - t0).toBeLessThan(100);
  });
});

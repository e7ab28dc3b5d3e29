import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { BADGE, OPTIONS, PACK, VERDICTS_PAGE, VERDICTS_PAGE_COUNTS } from '../shared/scenarios';
import { click, control, controlState, Firefox, inPage, markCounts, openArticle, startNetwork, text, until, withFirefox, withTimeout, type Network } from './harness';

/**
 * Firefox: the options page — display settings applied live to open pages and the badge, custom
 * fact packs imported (valid: new marks at once; invalid: refused field by field, nothing changed),
 * disabled and removed — and the page in Chinese with the language override. The same expected
 * texts as Chromium's options.spec.ts (tests/shared/scenarios.ts).
 */

let net: Network;

before(async () => {
  net = await startNetwork();
}, { timeout: 30_000 });
after(async () => {
  await net?.close();
}, { timeout: 30_000 });

const same = (a: unknown) => (b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Chooses a file in an <input type=file>, as the file picker would (BiDi input.setFiles). */
async function chooseFile(page: Page, selector: string, file: string): Promise<void> {
  const input = await withTimeout(`finding ${selector}`, page.$(selector), 10_000);
  assert.ok(input, selector);
  await withTimeout('choosing a file', (input as unknown as { uploadFile(...files: string[]): Promise<void> }).uploadFile(file), 10_000);
}

describe('in English', () => {
  let firefox: Firefox;
  before(async () => {
    firefox = await Firefox.launch(net);
  }, { timeout: 90_000 });
  after(async () => {
    await firefox?.close();
  }, { timeout: 30_000 });

  test('display settings apply live: hidden verdicts, badge off', { timeout: 90_000 }, async () => {
    const page = await openArticle(firefox, net.server.url + VERDICTS_PAGE);
    const tabId = await firefox.tabIdOf(page);
    const options = await firefox.openExtensionPage('options.html');
    try {
      await text(options, 'h1', OPTIONS.title.en);
      assert.deepEqual(await markCounts(page), VERDICTS_PAGE_COUNTS);

      await click(options, 'checkbox', 'Exact*');
      await controlState(options, 'checkbox', 'Exact*', (c) => c.checked === 'false');
      await until('no exact marks', () => markCounts(page), same({ ...VERDICTS_PAGE_COUNTS, exact: 0 }));
      await until('the badge without them', () => firefox.badgeOf(tabId), (b) => b.text === '3!');

      await click(options, 'checkbox', 'Show the number of figures on the toolbar button');
      await until('no badge', () => firefox.badgeOf(tabId), (b) => b.text === '');
      assert.match((await firefox.badgeOf(tabId)).title, /^Figure Check: 3 figures/);

      await click(options, 'checkbox', 'Exact*');
      await click(options, 'checkbox', 'Show the number of figures on the toolbar button');
      await until('all marks again', () => markCounts(page), same(VERDICTS_PAGE_COUNTS));
      await until('the badge again', () => firefox.badgeOf(tabId), (b) => b.text === BADGE.verdictsPage.text);
      assert.deepEqual((await firefox.storedSettings()).verdicts, { exact: true, rounded: true, outdated: true, conflict: true });
    } finally {
      await options.close();
      await page.close();
    }
  });

  test('shortcuts: shown as typed, changed in Firefox’s Add-ons Manager (not at chrome://extensions/shortcuts)', { timeout: 60_000 }, async () => {
    const options = await firefox.openExtensionPage('options.html');
    try {
      await text(options, '#shortcuts tr[data-command="toggle-site"] kbd', 'Alt+Shift+F');
      await text(options, '#shortcuts tr[data-command="next-figure"] kbd', 'Alt+Shift+.');
      await text(options, '#shortcuts tr[data-command="previous-figure"] kbd', 'Alt+Shift+,');
      await text(options, '#shortcuts p', (t) => t.includes('about:addons') && !t.includes('chrome://'));
      const tabs = async () => ((await firefox.connection.send('browsingContext.getTree', { maxDepth: 0 })).result.contexts as Array<{ url: string }>).map((c) => c.url);
      await click(options, 'button', 'Change');
      const urls = await until('the Add-ons Manager', tabs, (u) => u.some((x) => x.startsWith('about:addons')), 10_000, 200);
      assert.ok(!urls.some((u) => u.startsWith('chrome:')), urls.join(', '));
    } finally {
      await options.close();
    }
  });

  test('a custom fact pack adds marks live; an invalid one is refused field by field and changes nothing', { timeout: 90_000 }, async () => {
    const page = await openArticle(firefox, net.server.url + PACK.page);
    const options = await firefox.openExtensionPage('options.html');
    try {
      assert.deepEqual(await markCounts(page), PACK.before);
      await chooseFile(options, '#packs input[type=file]', PACK.file);
      await text(options, '#packs [role=alert]', PACK.imported);
      await until('the pack’s figure marked', () => markCounts(page), same(PACK.after));
      const texts = await inPage(page, () => [...(CSS.highlights.get('figure-check-exact') as unknown as Iterable<Range>)].map((r) => r.toString()).sort(), undefined);
      assert.deepEqual(texts, PACK.afterTexts);

      await chooseFile(options, '#packs input[type=file]', PACK.invalidFile);
      await text(options, '#packs [role=alert]', (t) => t.includes(PACK.refused));
      await text(options, '#packs [role=alert] li', PACK.problems[0]!);
      assert.deepEqual(await markCounts(page), PACK.after);

      await click(options, 'checkbox', 'Use custom-pack.json');
      await until('the pack’s marks gone', () => markCounts(page), same(PACK.before));
      await click(options, 'checkbox', 'Use custom-pack.json');
      await until('the pack’s marks back', () => markCounts(page), same(PACK.after));
      await click(options, 'button', 'Remove custom-pack.json');
      await until('the pack removed', () => markCounts(page), same(PACK.before));
      assert.equal(await control(options, 'checkbox', 'Use custom-pack.json', 2000).catch(() => null), null);
    } finally {
      await options.close();
      await page.close();
    }
  });
});

test('in Chinese: the options page follows Firefox’s language, and the override switches it (badge too)', { timeout: 120_000 }, async () => {
  await withFirefox(net, { locale: 'zh-CN' }, async (firefox) => {
    const ui = await firefox.ext(() => browser.i18n.getUILanguage());
    assert.match(ui, /^zh/, `Firefox's UI language is "${ui}": install Debian's firefox-esr-l10n-zh-cn (bash scripts/setup.sh firefox)`);
    const page = await openArticle(firefox, net.server.url + VERDICTS_PAGE);
    const tabId = await firefox.tabIdOf(page);
    const options = await firefox.openExtensionPage('options.html');
    await text(options, 'h1', OPTIONS.title.zh);
    assert.equal(await inPage(options, () => document.documentElement.lang, undefined), 'zh-CN');
    await text(options, '#sites', (t) => t.includes(OPTIONS.zh.disabledSites));
    await until('the Chinese badge title', () => firefox.badgeOf(tabId), (b) => b.title === BADGE.verdictsPage.title.zh);

    // The language override (a <select>; puppeteer picks the option and fires input and change).
    const choose = (value: string) => withTimeout('choosing a language', options.select('#language', value), 10_000);
    await choose('en');
    await text(options, 'h1', OPTIONS.title.en);
    await until('the English badge title', () => firefox.badgeOf(tabId), (b) => b.title === BADGE.verdictsPage.title.en);
    await choose('zh-CN');
    await text(options, 'h1', OPTIONS.title.zh);
    await until('the Chinese badge title again', () => firefox.badgeOf(tabId), (b) => b.title === BADGE.verdictsPage.title.zh);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BADGE, PLAIN_PAGE, POPUP, VERDICTS_PAGE, VERDICTS_PAGE_COUNTS } from '../shared/scenarios';
import { click, control, controlState, Firefox, markCounts, openArticle, startNetwork, text, totalMarks, until, waitForMarks, waitForSettings, withFirefox, type Network } from './harness';

/**
 * Firefox: the popup's per-site switch (live, in every open tab of the site), the badge, the
 * `toggle-site` command, the settings surviving a restart of Firefox (same profile, the add-on
 * installed once), and the popup in Chinese — the scenarios of Chromium's popup.spec.ts, with the
 * same expected words and numbers (tests/shared/scenarios.ts). The popup is opened as a page about
 * the article's tab: moz-extension://<UUID>/popup.html?tab=<id>.
 */

let net: Network;
let host: string;

before(async () => {
  net = await startNetwork();
  host = new URL(net.server.url).host;
}, { timeout: 30_000 });
after(async () => {
  await net?.close();
}, { timeout: 30_000 });

describe('in English', () => {
  let firefox: Firefox;
  before(async () => {
    firefox = await Firefox.launch(net);
  }, { timeout: 90_000 });
  after(async () => {
    await firefox?.close();
  }, { timeout: 30_000 });

  test('the site switch hides and restores the marks live, in every open tab of the site', { timeout: 90_000 }, async () => {
    const page = await openArticle(firefox, net.server.url + PLAIN_PAGE);
    const other = await openArticle(firefox, net.server.url + VERDICTS_PAGE);
    const popup = await firefox.openExtensionPage(`popup.html?tab=${await firefox.tabIdOf(page)}`);
    try {
      const before = await markCounts(page);
      assert.ok(before.exact > 0);
      const name = POPUP.en.siteSwitch(host);
      assert.equal((await control(popup, 'switch', name)).checked, 'true');
      await text(popup, '.host', host);

      await click(popup, 'switch', name);
      await controlState(popup, 'switch', name, (c) => c.checked === 'false');
      await waitForMarks(page, 'none');
      await waitForMarks(other, 'none');
      assert.deepEqual((await firefox.storedSettings()).disabledSites, [host]);
      await text(popup, '#site-hint, .page-figures', (t) => t.includes(POPUP.en.siteOff));

      await click(popup, 'switch', name);
      await controlState(popup, 'switch', name, (c) => c.checked === 'true');
      await waitForMarks(page, 'some');
      await waitForMarks(other, 'some');
      assert.deepEqual(await until('the same marks again', () => markCounts(page), (c) => JSON.stringify(c) === JSON.stringify(before)), before);
      assert.deepEqual((await firefox.storedSettings()).disabledSites, []);
    } finally {
      await popup.close();
      await page.close();
      await other.close();
    }
  });

  test('the badge counts the figures, shows conflicts in red with "!", and hides on a site turned off', { timeout: 90_000 }, async () => {
    const plain = await openArticle(firefox, net.server.url + PLAIN_PAGE);
    const mixed = await openArticle(firefox, net.server.url + VERDICTS_PAGE);
    const plainTab = await firefox.tabIdOf(plain);
    const mixedTab = await firefox.tabIdOf(mixed);
    const popup = await firefox.openExtensionPage(`popup.html?tab=${mixedTab}`);
    try {
      const plainCount = await totalMarks(plain);
      const calm = await until('the plain page’s badge', () => firefox.badgeOf(plainTab), (b) => b.text === String(plainCount));
      assert.deepEqual(calm.color, BADGE.calm);
      assert.match(calm.title, BADGE.plainTitle(plainCount));
      assert.deepEqual(await markCounts(mixed), VERDICTS_PAGE_COUNTS);
      const alarmed = await until('the mixed page’s badge', () => firefox.badgeOf(mixedTab), (b) => b.text === BADGE.verdictsPage.text);
      assert.deepEqual(alarmed.color, BADGE.alarm);
      assert.equal(alarmed.title, BADGE.verdictsPage.title.en);
      // The popup's counts agree.
      await text(popup, '.counts', (t) => t.includes('5 figures'));

      await click(popup, 'switch', POPUP.en.siteSwitch(host));
      await until('no badge on the mixed page', () => firefox.badgeOf(mixedTab), (b) => b.text === '');
      assert.equal((await firefox.badgeOf(mixedTab)).title, BADGE.offTitle);
      await until('no badge on the plain page', () => firefox.badgeOf(plainTab), (b) => b.text === '');
      await click(popup, 'switch', POPUP.en.siteSwitch(host));
      await until('the badge again', () => firefox.badgeOf(mixedTab), (b) => b.text === BADGE.verdictsPage.text);
    } finally {
      await popup.close();
      await plain.close();
      await mixed.close();
    }
  });

  test('the toggle-site command flips the site once per press', { timeout: 60_000 }, async () => {
    const page = await openArticle(firefox, net.server.url + PLAIN_PAGE);
    try {
      const tabId = await firefox.tabIdOf(page);
      const results: boolean[] = [];
      for (let i = 0; i < 3; i++) results.push(await firefox.command('toggle-site', tabId));
      assert.deepEqual(results, [true, false, false]);
      await waitForMarks(page, 'none');
      await new Promise((r) => setTimeout(r, 600)); // released, and pressed again
      assert.equal(await firefox.command('toggle-site', tabId), true);
      await waitForMarks(page, 'some');
      assert.deepEqual((await firefox.storedSettings()).disabledSites, []);
    } finally {
      await page.close();
    }
  });

  test('the page’s context menu item exists (contextMenus, Firefox’s menus)', { timeout: 60_000 }, async () => {
    // No API lists another context's menu items; updating ours fails if the background never created it.
    const updated = await firefox.ext(async () => {
      try {
        await browser.contextMenus.update('figure-check-toggle-site', {});
        return true;
      } catch (e) {
        return String(e);
      }
    });
    assert.equal(updated, true);
  });

  test('the shortcut is shown in the popup as Firefox binds it', { timeout: 60_000 }, async () => {
    const page = await openArticle(firefox, net.server.url + PLAIN_PAGE);
    const popup = await firefox.openExtensionPage(`popup.html?tab=${await firefox.tabIdOf(page)}`);
    try {
      await text(popup, '.shortcut kbd', 'Alt+Shift+F');
    } finally {
      await popup.close();
      await page.close();
    }
  });
});

test('the choice survives a restart of Firefox (same profile; the add-on stays installed)', { timeout: 180_000 }, async () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'figure-check-firefox-restart-'));
  try {
    await withFirefox(net, { profileDir }, async (firefox) => {
      const page = await openArticle(firefox, net.server.url + PLAIN_PAGE);
      const popup = await firefox.openExtensionPage(`popup.html?tab=${await firefox.tabIdOf(page)}`);
      await click(popup, 'switch', POPUP.en.siteSwitch(host));
      await waitForMarks(page, 'none');
      assert.deepEqual((await firefox.storedSettings()).disabledSites, [host]);
    });
    // Started again on the same profile, without installing anything.
    await withFirefox(net, { profileDir, install: false }, async (firefox) => {
      const page = await firefox.open(net.server.url + PLAIN_PAGE);
      await waitForSettings(page, false);
      assert.equal(await totalMarks(page), 0);
      assert.deepEqual((await firefox.storedSettings()).disabledSites, [host]);
      const popup = await firefox.openExtensionPage(`popup.html?tab=${await firefox.tabIdOf(page)}`);
      const name = POPUP.en.siteSwitch(host);
      assert.equal((await control(popup, 'switch', name)).checked, 'false');
      await click(popup, 'switch', name);
      await waitForMarks(page, 'some');
    });
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
});

test('in Chinese: the popup and the badge follow Firefox’s language', { timeout: 120_000 }, async () => {
  await withFirefox(net, { locale: 'zh-CN' }, async (firefox) => {
    const ui = await firefox.ext(() => browser.i18n.getUILanguage());
    assert.match(ui, /^zh/, `Firefox's UI language is "${ui}": install Debian's firefox-esr-l10n-zh-cn (bash scripts/setup.sh firefox)`);
    const page = await openArticle(firefox, net.server.url + VERDICTS_PAGE);
    const tabId = await firefox.tabIdOf(page);
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
    assert.equal((await control(popup, 'switch', POPUP.zh.siteSwitch(host))).checked, 'true');
    await text(popup, '.counts', (t) => t.includes(POPUP.zh.figures));
    await text(popup, '.counts [data-verdict="conflict"]', POPUP.zh.conflicts);
    await control(popup, 'radio', POPUP.zh.onlyListed);
    await until('the Chinese badge title', () => firefox.badgeOf(tabId), (b) => b.title === BADGE.verdictsPage.title.zh);
  });
});

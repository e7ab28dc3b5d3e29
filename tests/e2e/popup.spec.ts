import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BADGE, POPUP } from '../shared/scenarios';
import { expect, launchWithExtension, test } from './fixtures';
import {
  badgeOf,
  expectMarks,
  expectSettingsApplied,
  hostOf,
  markCounts,
  openArticle,
  openPopup,
  PLAIN_PAGE,
  storedSettings,
  tabIdOf,
  toggleSiteCommand,
  totalMarks,
  VERDICTS_PAGE,
} from './site-helpers';

/**
 * The toolbar popup, the badge and the `toggle-site` command, in the built extension. The popup is
 * opened as a page (`popup.html?tab=<id>`) about the article's tab; marks are read from the page.
 */

test('the site switch hides and restores the marks live, in every open tab of the site', async ({ context, server, extensionId, serviceWorker }) => {
  const page = await openArticle(context, server.url + PLAIN_PAGE);
  const other = await openArticle(context, server.url + VERDICTS_PAGE);
  const before = await markCounts(page);
  expect(before.exact).toBeGreaterThan(0);

  const popup = await openPopup(context, extensionId, await tabIdOf(serviceWorker, page));
  const host = hostOf(server.url);
  const siteSwitch = popup.getByRole('switch', { name: POPUP.en.siteSwitch(host) });
  await expect(siteSwitch).toHaveAttribute('aria-checked', 'true');
  await expect(popup.getByText(host, { exact: true })).toBeVisible();

  await siteSwitch.click();
  await expect(siteSwitch).toHaveAttribute('aria-checked', 'false');
  await expectMarks(page, 'none');
  await expectMarks(other, 'none');
  expect(await page.evaluate(() => CSS.highlights.get('figure-check-exact')?.size ?? 0)).toBe(0);
  expect((await storedSettings(serviceWorker)).disabledSites).toEqual([host]);
  await expect(popup.getByText(POPUP.en.siteOff)).toBeVisible();

  await siteSwitch.click();
  await expect(siteSwitch).toHaveAttribute('aria-checked', 'true');
  await expectMarks(page, 'some');
  await expectMarks(other, 'some');
  expect(await markCounts(page)).toEqual(before);
});

test('the popup lists the page’s figures per verdict; choosing one scrolls to it and opens its card', async ({ context, server, extensionId, serviceWorker }) => {
  const page = await openArticle(context, server.url + VERDICTS_PAGE);
  await page.setViewportSize({ width: 900, height: 300 }); // the figures are not all in view
  const popup = await openPopup(context, extensionId, await tabIdOf(serviceWorker, page));

  const counts = popup.locator('.counts');
  await expect(counts).toContainText('5 figures');
  for (const [verdict, n] of [['exact', 2], ['rounded', 1], ['outdated', 1], ['conflict', 1]] as const) {
    await expect(counts.locator(`[data-verdict="${verdict}"]`)).toHaveText(`${n} ${verdict}`);
  }
  const rows = popup.locator('.figures button');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText('1.3 billion');
  await expect(rows.nth(1)).toContainText('Internet users');
  await expect(rows.nth(1)).toContainText('Conflict');

  const last = rows.nth(4);
  await expect(last).toContainText('515 million');
  const id = await last.getAttribute('data-figure-id');
  await last.click();
  const card = page.locator('figure-check-ui .card');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-figure-id', id!);
  const inView = await page.evaluate(() => {
    for (const r of CSS.highlights.get('figure-check-outdated') as unknown as Iterable<Range>) {
      const b = r.getBoundingClientRect();
      return b.top >= 0 && b.bottom <= innerHeight;
    }
    return false;
  });
  expect(inView, 'the chosen figure is scrolled into view').toBe(true);
});

test('mode "only on the sites I turn on": the page goes quiet until its site is turned on', async ({ context, server, extensionId, serviceWorker }) => {
  const page = await openArticle(context, server.url + PLAIN_PAGE);
  const popup = await openPopup(context, extensionId, await tabIdOf(serviceWorker, page));
  const host = hostOf(server.url);
  const siteSwitch = popup.getByRole('switch', { name: POPUP.en.siteSwitch(host) });

  await popup.getByRole('radio', { name: 'Only on the sites I turn on' }).check();
  await expectMarks(page, 'none');
  await expect(siteSwitch).toHaveAttribute('aria-checked', 'false');
  await expect(popup.getByText('Only the sites you turn on are checked.')).toBeVisible();

  await siteSwitch.click();
  await expectMarks(page, 'some');
  expect(await storedSettings(serviceWorker)).toMatchObject({ mode: 'only-listed', enabledSites: [host], disabledSites: [] });

  await popup.getByRole('radio', { name: 'Everywhere, except the sites I turn off' }).check();
  await expect(siteSwitch).toHaveAttribute('aria-checked', 'true');
  await expectMarks(page, 'some');

  // The global switch wins over both lists, and the site switch says why it cannot be used.
  await popup.getByRole('switch', { name: 'Figure Check on' }).click();
  await expectMarks(page, 'none');
  await expect(siteSwitch).toBeDisabled();
  await expect(popup.getByText('Figure Check is turned off on all sites.')).toBeVisible();
  await popup.getByRole('switch', { name: 'Figure Check on' }).click();
  await expectMarks(page, 'some');
});

test('the badge counts the figures, shows conflicts in red with "!", and hides on a site turned off', async ({ context, server, extensionId, serviceWorker }) => {
  const plain = await openArticle(context, server.url + PLAIN_PAGE);
  const plainTab = await tabIdOf(serviceWorker, plain);
  const plainCount = await totalMarks(plain);
  await expect.poll(async () => (await badgeOf(serviceWorker, plainTab)).text).toBe(String(plainCount));
  const calm = await badgeOf(serviceWorker, plainTab);
  expect(calm.color).toEqual(BADGE.calm);
  expect(calm.title).toMatch(BADGE.plainTitle(plainCount));

  const mixed = await openArticle(context, server.url + VERDICTS_PAGE);
  const mixedTab = await tabIdOf(serviceWorker, mixed);
  await expect.poll(async () => (await badgeOf(serviceWorker, mixedTab)).text).toBe(BADGE.verdictsPage.text);
  const alarmed = await badgeOf(serviceWorker, mixedTab);
  expect(alarmed.color).toEqual(BADGE.alarm);
  expect(alarmed.title).toBe(BADGE.verdictsPage.title.en);

  const popup = await openPopup(context, extensionId, mixedTab);
  await popup.getByRole('switch', { name: POPUP.en.siteSwitch(hostOf(server.url)) }).click();
  await expect.poll(async () => (await badgeOf(serviceWorker, mixedTab)).text).toBe('');
  expect((await badgeOf(serviceWorker, mixedTab)).title).toBe(BADGE.offTitle);
  await expect.poll(async () => (await badgeOf(serviceWorker, plainTab)).text).toBe('');
});

test('the toggle-site command flips the site once per press, however long the key is held', async ({ context, server, serviceWorker }) => {
  const page = await openArticle(context, server.url + PLAIN_PAGE);
  const tabId = await tabIdOf(serviceWorker, page);

  // A held key: the command arrives again and again; only the first acts.
  const results: boolean[] = [];
  for (let i = 0; i < 5; i++) results.push(await toggleSiteCommand(serviceWorker, tabId));
  expect(results).toEqual([true, false, false, false, false]);
  await expectMarks(page, 'none');
  expect((await storedSettings(serviceWorker)).disabledSites).toEqual([hostOf(server.url)]);

  await page.waitForTimeout(600); // released, and pressed again
  expect(await toggleSiteCommand(serviceWorker, tabId)).toBe(true);
  await expectMarks(page, 'some');
  expect((await storedSettings(serviceWorker)).disabledSites).toEqual([]);
});

test('the shortcut is shown in the popup, read from the browser (rebindable)', async ({ context, server, extensionId, serviceWorker }) => {
  const page = await openArticle(context, server.url + PLAIN_PAGE);
  const popup = await openPopup(context, extensionId, await tabIdOf(serviceWorker, page));
  await expect(popup.locator('.shortcut kbd')).toHaveText(/^Alt\+Shift\+F$/);
});

test('pages where Figure Check cannot run say so, with no switch', async ({ context, extensionId, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('about:blank');
  await page.bringToFront();
  const tabId = await serviceWorker.evaluate(async () => (await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const popup = await openPopup(context, extensionId, tabId!);
  await expect(popup.getByRole('status')).toContainText(/cannot run on this page|browser’s own pages/);
  await expect(popup.getByRole('switch', { name: /^Check figures on/ })).toHaveCount(0);
  // The global switch and the mode still work from here.
  await expect(popup.getByRole('switch', { name: 'Figure Check on' })).toBeVisible();
});

test('the choice survives a browser restart', async ({ server }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'figure-check-restart-'));
  const host = hostOf(server.url);
  {
    const { context, extensionId, serviceWorker } = await launchWithExtension({ userDataDir });
    const page = await openArticle(context, server.url + PLAIN_PAGE);
    const popup = await openPopup(context, extensionId, await tabIdOf(serviceWorker, page));
    await popup.getByRole('switch', { name: POPUP.en.siteSwitch(host) }).click();
    await expectMarks(page, 'none');
    await context.close();
  }
  {
    const { context, extensionId, serviceWorker } = await launchWithExtension({ userDataDir });
    const page = await context.newPage();
    await page.goto(server.url + PLAIN_PAGE);
    await expectSettingsApplied(page, false);
    expect(await totalMarks(page)).toBe(0);
    const popup = await openPopup(context, extensionId, await tabIdOf(serviceWorker, page));
    const siteSwitch = popup.getByRole('switch', { name: POPUP.en.siteSwitch(host) });
    await expect(siteSwitch).toHaveAttribute('aria-checked', 'false');
    await siteSwitch.click();
    await expectMarks(page, 'some');
    await context.close();
  }
});

test.describe('in Chinese', () => {
  test('the popup follows the browser’s language', async ({ server }) => {
    const { context, extensionId, serviceWorker } = await launchWithExtension({ locale: 'zh-CN' });
    try {
      const page = await openArticle(context, server.url + VERDICTS_PAGE);
      const tabId = await tabIdOf(serviceWorker, page);
      const popup = await openPopup(context, extensionId, tabId);
      const siteSwitch = popup.getByRole('switch', { name: POPUP.zh.siteSwitch(hostOf(server.url)) });
      await expect(siteSwitch).toHaveAttribute('aria-checked', 'true');
      await expect(popup.locator('.counts')).toContainText(POPUP.zh.figures);
      await expect(popup.locator('.counts [data-verdict="conflict"]')).toHaveText(POPUP.zh.conflicts);
      await expect(popup.getByRole('radio', { name: POPUP.zh.onlyListed })).toBeVisible();
      expect((await badgeOf(serviceWorker, tabId)).title).toBe(BADGE.verdictsPage.title.zh);
    } finally {
      await context.close();
    }
  });
});

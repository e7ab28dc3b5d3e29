import { PACK as PACK_SCENARIO } from '../shared/scenarios';
import { expect, launchWithExtension, test } from './fixtures';
import { badgeOf, expectMarks, hostOf, markCounts, openArticle, openOptions, PLAIN_PAGE, setStoredSettings, storedSettings, tabIdOf, VERDICTS_PAGE } from './site-helpers';

/**
 * The options page in the built extension: site lists, display settings applied live, the dataset
 * browser, custom fact packs (valid and invalid) and reset — in English and in Chinese.
 */

// The pack scenario is shared with the Firefox suite (tests/shared/scenarios.ts).
const PACK = PACK_SCENARIO.file;
const BAD_PACK = PACK_SCENARIO.invalidFile;
const PACK_PAGE = PACK_SCENARIO.page;

test('a list of 1,000 sites is added at once, stays quick, and is stored in storage.local', async ({ context, extensionId, serviceWorker }) => {
  const options = await openOptions(context, extensionId);
  const list = options.locator('[data-list="disabledSites"]');
  const sites = Array.from({ length: 1000 }, (_, i) => `site-${i}.example.com`);
  await list.getByLabel('Add sites, one per line').fill([...sites, 'not a site!', 'https://www.Example.org/story'].join('\n'));

  const t0 = Date.now();
  await list.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(list.locator('.count')).toHaveText('1,001 sites');
  const ms = Date.now() - t0;
  expect(ms, 'adding 1,000 sites and drawing the list').toBeLessThan(2000);
  await expect(list.getByRole('status')).toContainText('Added 1,001 sites.');
  await expect(list.getByRole('status')).toContainText('Not a site, left out: “not a site!”');

  const stored = await storedSettings(serviceWorker);
  expect((stored.disabledSites as string[]).length).toBe(1001);
  expect((stored.disabledSites as string[]).at(-1)).toBe('example.org');

  // The filter finds one among them; removing it is one click.
  await list.getByRole('searchbox').fill('site-999.');
  await expect(list.locator('.sites li')).toHaveCount(1);
  await list.getByRole('button', { name: 'Remove site-999.example.com' }).click();
  await expect(list.locator('.count')).toHaveText('1,000 sites');

  // Typing in a big list stays responsive.
  const t1 = Date.now();
  await list.getByRole('searchbox').fill('site-12');
  await expect(list.locator('.sites li')).toHaveCount(11);
  expect(Date.now() - t1).toBeLessThan(1000);
});

test('site lists import and export (text and JSON)', async ({ context, extensionId, serviceWorker }) => {
  const options = await openOptions(context, extensionId);
  const list = options.locator('[data-list="enabledSites"]');
  await list.locator('input[type=file]').setInputFiles({ name: 'sites.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ enabledSites: ['xinhuanet.com', 'www.people.com.cn', 7] })) });
  await expect(list.getByRole('status')).toHaveText('Imported 2 sites.');
  expect((await storedSettings(serviceWorker)).enabledSites).toEqual(['xinhuanet.com', 'people.com.cn']);

  const download = options.waitForEvent('download');
  await list.getByRole('button', { name: 'Export as text' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('figure-check-enabledSites.txt');
  const { readFile } = await import('node:fs/promises');
  expect(await readFile((await file.path())!, 'utf8')).toBe('xinhuanet.com\npeople.com.cn\n');
});

test('display settings apply live: hidden verdicts, mark style, badge off', async ({ context, server, extensionId, serviceWorker }) => {
  const page = await openArticle(context, server.url + VERDICTS_PAGE);
  const tabId = await tabIdOf(serviceWorker, page);
  expect(await markCounts(page)).toEqual({ exact: 2, rounded: 1, outdated: 1, conflict: 1 });
  const options = await openOptions(context, extensionId);

  await options.getByRole('checkbox', { name: /^Exact/ }).uncheck();
  await expect.poll(() => markCounts(page)).toEqual({ exact: 0, rounded: 1, outdated: 1, conflict: 1 });
  await expect.poll(async () => (await badgeOf(serviceWorker, tabId)).text).toBe('3!');

  // Underline only: our extra sheet clears the tint; the underline stays.
  const tint = () =>
    page.evaluate(() => {
      const r = (CSS.highlights.get('figure-check-conflict') as unknown as Iterable<Range>)[Symbol.iterator]().next().value as Range;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      return getComputedStyle(r.startContainer.parentElement!, '::highlight(figure-check-conflict)').backgroundColor;
    });
  expect(await tint()).not.toBe('rgba(0, 0, 0, 0)');
  await options.getByRole('radio', { name: 'Underline only' }).check();
  await expect.poll(tint).toBe('rgba(0, 0, 0, 0)');

  await options.getByRole('checkbox', { name: 'Show the number of figures on the toolbar button' }).uncheck();
  await expect.poll(async () => (await badgeOf(serviceWorker, tabId)).text).toBe('');
  expect((await badgeOf(serviceWorker, tabId)).title).toMatch(/^Figure Check: 3 figures/);

  await options.getByLabel('Card delay (ms)').fill('1200');
  await options.getByLabel('Card delay (ms)').press('Enter');
  await expect.poll(async () => (await storedSettings(serviceWorker)).cardDelayMs).toBe(1200);
  await options.getByLabel('Card delay (ms)').fill('99999');
  await options.getByLabel('Card delay (ms)').press('Enter');
  await expect(options.getByLabel('Card delay (ms)')).toHaveValue('3000');
  expect(await storedSettings(serviceWorker)).toMatchObject({ verdicts: { exact: false, rounded: true, outdated: true, conflict: true }, markStyle: 'underline', badge: false, cardDelayMs: 3000 });
});

test('the dataset browser lists every metric with its observations, searchable in English and Chinese', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  const data = options.locator('#data');
  const count = data.locator('#metric-count');
  await expect(count).toHaveText(/^\d+ of \d+ metrics$/);
  const total = Number((await count.innerText()).split(' of ')[1]!.split(' ')[0]);
  expect(total).toBeGreaterThan(20);

  const search = data.getByRole('searchbox', { name: 'Search metrics' });
  await search.fill('genai-users');
  const genai = data.locator('[data-metric-id="genai-users"]');
  await expect(genai).toBeVisible();
  await expect(genai.locator('tbody tr').first()).toContainText('602 million');
  await expect(genai.locator('tbody tr').first()).toContainText('Dec 2025');
  await expect(genai.locator('tbody tr').first().getByRole('link')).toHaveAttribute('href', /^https:\/\//);

  await search.fill('网民');
  await expect(data.locator('[data-metric-id="internet-users"]')).toBeVisible();
  await search.fill('網民'); // Traditional Chinese cue words too
  await expect(data.locator('[data-metric-id="internet-users"]')).toBeVisible();
  await search.fill('no such metric at all');
  await expect(data.getByText('No metric matches.')).toBeVisible();
});

test('a custom fact pack adds marks live; an invalid one is refused field by field and changes nothing', async ({ context, server, extensionId, serviceWorker }) => {
  const page = await openArticle(context, server.url + PACK_PAGE);
  expect(await markCounts(page)).toEqual(PACK_SCENARIO.before); // only the official figure
  const options = await openOptions(context, extensionId);
  const packs = options.locator('#packs');

  await packs.locator('input[type=file]').setInputFiles(PACK);
  await expect(packs.getByRole('alert')).toHaveText(PACK_SCENARIO.imported);
  await expect.poll(() => markCounts(page)).toEqual(PACK_SCENARIO.after);
  expect(await page.evaluate(() => [...(CSS.highlights.get('figure-check-exact') as unknown as Iterable<Range>)].map((r) => r.toString()).sort())).toEqual(PACK_SCENARIO.afterTexts);
  await expect(packs.locator('tr[data-pack="custom-pack.json"]')).toContainText('2026.03-newsroom');

  // The dataset browser shows the custom metric.
  await options.getByRole('searchbox', { name: 'Search metrics' }).fill('robotaxi');
  await expect(options.locator('[data-metric-id="custom-robotaxi-fleet"]')).toContainText('custom: custom-pack.json');

  // An invalid pack: the exact field and reason; the stored pack and the page's marks are untouched.
  await packs.locator('input[type=file]').setInputFiles(BAD_PACK);
  const alert = packs.getByRole('alert');
  await expect(alert).toContainText(PACK_SCENARIO.refused);
  await expect(alert.locator('li')).toHaveText([...PACK_SCENARIO.problems]);
  await expect(packs.locator('tbody tr')).toHaveCount(1);
  expect(await markCounts(page)).toEqual(PACK_SCENARIO.after);

  // The same pack again: its metric id is taken.
  await packs.locator('input[type=file]').setInputFiles(PACK);
  await expect(alert).toContainText('metrics.0.observations.0.asOf: metric "custom-robotaxi-fleet" already has an observation for 2024-12 from source "newsroom-robotaxi-survey" in pack "custom-pack.json"');

  // Disabled: its marks go; enabled: they come back; removed: gone for good.
  await packs.getByRole('checkbox', { name: 'Use custom-pack.json' }).uncheck();
  await expect.poll(() => markCounts(page)).toEqual(PACK_SCENARIO.before);
  await packs.getByRole('checkbox', { name: 'Use custom-pack.json' }).check();
  await expect.poll(() => markCounts(page)).toEqual(PACK_SCENARIO.after);

  const download = options.waitForEvent('download');
  await packs.getByRole('button', { name: 'Export' }).click();
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile((await (await download).path())!, 'utf8'));
  expect(exported.metrics[0].id).toBe('custom-robotaxi-fleet');

  await packs.getByRole('button', { name: 'Remove custom-pack.json' }).click();
  await expect(packs.getByText('No custom fact packs.')).toBeVisible();
  await expect.poll(() => markCounts(page)).toEqual(PACK_SCENARIO.before);
});

test('reset asks first, then restores the defaults (packs kept)', async ({ context, server, extensionId, serviceWorker }) => {
  await setStoredSettings(serviceWorker, { version: 1, enabled: false, mode: 'only-listed', enabledSites: ['a.com'], badge: false, language: 'zh-CN' });
  const page = await openArticle(context, server.url + PLAIN_PAGE, 'none');
  const options = await openOptions(context, extensionId);
  await expect(options.locator('h1')).toHaveText('数字核查设置');
  await options.getByRole('button', { name: '恢复默认设置…' }).click();
  const dialog = options.getByRole('alertdialog');
  await expect(dialog).toContainText('确定要将所有设置恢复为默认值吗？');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await dialog.getByRole('button', { name: '取消' }).click();
  expect((await storedSettings(serviceWorker)).enabled).toBe(false);

  await options.getByRole('button', { name: '恢复默认设置…' }).click();
  await options.getByRole('alertdialog').getByRole('button', { name: '恢复默认' }).click();
  await expect(options.locator('h1')).toHaveText('Figure Check options');
  await expect(options.getByRole('status').filter({ hasText: 'Settings reset to their defaults.' })).toBeVisible();
  expect(await storedSettings(serviceWorker)).toMatchObject({ version: 1, enabled: true, mode: 'all-except', enabledSites: [], disabledSites: [], badge: true, language: 'auto' });
  await expectMarks(page, 'some');
});

test('a corrupt stored value falls back field by field: the options page shows what survived', async ({ context, extensionId, serviceWorker }) => {
  await setStoredSettings(serviceWorker, { version: 1, enabled: 'yes', mode: 'only-listed', enabledSites: ['ok.org', 42], cardDelayMs: -5, verdicts: { exact: false, conflict: 'x' } });
  const options = await openOptions(context, extensionId);
  await expect(options.getByRole('switch', { name: 'Figure Check on' })).toHaveAttribute('aria-checked', 'true');
  await expect(options.getByRole('radio', { name: 'Only on the sites I turn on' })).toBeChecked();
  await expect(options.locator('[data-list="enabledSites"] .site-name')).toHaveText(['ok.org']);
  await expect(options.getByLabel('Card delay (ms)')).toHaveValue('350');
  await expect(options.getByRole('checkbox', { name: /^Exact/ })).not.toBeChecked();
  await expect(options.getByRole('checkbox', { name: /^Conflict/ })).toBeChecked();
});

test('settings stored by the 0.0.x pre-release (v0) are read as v1 by every part of the extension', async ({ context, server, extensionId, serviceWorker }) => {
  const host = hostOf(server.url);
  await setStoredSettings(serviceWorker, { on: true, whitelistMode: true, blacklist: [], whitelist: [`http://${host}/`], hideExact: true, underlineOnly: false, hoverDelay: '500', lang: 'en' });
  const page = await openArticle(context, server.url + VERDICTS_PAGE);
  expect(await markCounts(page)).toEqual({ exact: 0, rounded: 1, outdated: 1, conflict: 1 });
  const options = await openOptions(context, extensionId);
  await expect(options.getByRole('radio', { name: 'Only on the sites I turn on' })).toBeChecked();
  await expect(options.locator('[data-list="enabledSites"] .site-name')).toHaveText([host]);
  await expect(options.getByLabel('Card delay (ms)')).toHaveValue('500');
  // The first change writes the v1 shape.
  await options.getByRole('checkbox', { name: /^Exact/ }).check();
  await expect.poll(() => markCounts(page)).toEqual({ exact: 2, rounded: 1, outdated: 1, conflict: 1 });
  expect(await storedSettings(serviceWorker)).toMatchObject({ version: 1, mode: 'only-listed', enabledSites: [host], cardDelayMs: 500, language: 'en' });
});

test.describe('in Chinese', () => {
  test('the options page follows the browser’s language, and the override switches it', async ({ server }) => {
    const { context, extensionId, serviceWorker } = await launchWithExtension({ locale: 'zh-CN' });
    try {
      const page = await openArticle(context, server.url + VERDICTS_PAGE);
      const tabId = await tabIdOf(serviceWorker, page);
      const options = await openOptions(context, extensionId);
      await expect(options.locator('h1')).toHaveText('数字核查设置');
      await expect(options.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(options.getByRole('heading', { name: '已关闭的网站' })).toBeVisible();
      await expect(options.getByRole('checkbox', { name: /^不符/ })).toBeChecked();
      await options.getByRole('searchbox', { name: '搜索指标' }).fill('生成式');
      await expect(options.locator('[data-metric-id="genai-users"] h3')).toContainText('生成式人工智能用户');

      await options.getByLabel('界面语言').selectOption('en');
      await expect(options.locator('h1')).toHaveText('Figure Check options');
      // The card's and the badge tooltip's language follow the override too.
      await expect.poll(async () => (await badgeOf(serviceWorker, tabId)).title).toBe('Figure Check: 5 figures — 2 exact, 1 rounded, 1 outdated, 1 conflict');
      await options.getByLabel('Language').selectOption('zh-CN');
      await expect(options.locator('h1')).toHaveText('数字核查设置');
      await expect.poll(async () => (await badgeOf(serviceWorker, tabId)).title).toBe('数字核查：共5个数字——准确2个，约数1个，过时1个，不符1个');
      expect(hostOf(server.url)).toContain('127.0.0.1');
    } finally {
      await context.close();
    }
  });
});

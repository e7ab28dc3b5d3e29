/**
 * Screenshots of the popup and the options page, in English and Chinese, for the README:
 * docs/popup.png, docs/popup-zh.png, docs/options.png, docs/options-zh.png (and a dark popup,
 * docs/popup-dark.png). Needs the built extension (`npx wxt build`).
 *
 *   npx tsx scripts/ui-screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../tests/e2e/fixtures';
import { startServer } from '../tests/e2e/server';
import { openArticle, openOptions, openPopup, tabIdOf, VERDICTS_PAGE } from '../tests/e2e/site-helpers';

const OUT = resolve(import.meta.dirname, '../docs');
const PACK = resolve(import.meta.dirname, '../tests/e2e/pages/custom-pack.json');

async function shootPopup(popup: Page, file: string) {
  await popup.setViewportSize({ width: 360, height: 640 });
  await popup.locator('.figures button').first().waitFor();
  await popup.locator('main.popup').screenshot({ path: resolve(OUT, file) });
}

async function shootOptions(options: Page, file: string, search: string) {
  await options.setViewportSize({ width: 1000, height: 900 });
  const list = options.locator('[data-list="disabledSites"]');
  await list.locator('textarea').fill('example.com\n*.example.org\nlocalhost:3000\nhttps://www.news-site.cn/story');
  await list.locator('button[type=submit]').click();
  await options.locator('#packs input[type=file]').setInputFiles(PACK);
  await options.locator('#packs tbody tr').waitFor();
  await options.locator('#metric-search').fill(search);
  await options.evaluate(() => window.scrollTo(0, 0));
  await options.screenshot({ path: resolve(OUT, file), fullPage: true });
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  try {
    for (const [locale, suffix] of [['en-US', ''], ['zh-CN', '-zh']] as const) {
      const { context, extensionId, serviceWorker } = await launchWithExtension({ locale });
      const page = await openArticle(context, server.url + VERDICTS_PAGE);
      const popup = await openPopup(context, extensionId, await tabIdOf(serviceWorker, page));
      await shootPopup(popup, `popup${suffix}.png`);
      if (!suffix) {
        await popup.emulateMedia({ colorScheme: 'dark' });
        await shootPopup(popup, 'popup-dark.png');
      }
      await shootOptions(await openOptions(context, extensionId), `options${suffix}.png`, 'genai-users');
      await context.close();
    }
  } finally {
    await server.close();
  }
}

await main();

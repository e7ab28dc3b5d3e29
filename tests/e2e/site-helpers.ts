import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { browser } from 'wxt/browser';
import { expect } from './fixtures';

/** The extension API inside the service worker (`serviceWorker.evaluate`): Chrome's, typed as WXT's `browser`. */
declare const chrome: typeof browser;

/**
 * Helpers for the popup, options, badge and command specs: the real built extension, driven
 * through its own pages (popup.html?tab=<id>, options.html) and its service worker.
 */

export const VERDICTS = ['exact', 'rounded', 'outdated', 'conflict'] as const;
/** The pages, shared with the Firefox suite (tests/shared/scenarios.ts). */
export { PLAIN_PAGE, VERDICTS_PAGE } from '../shared/scenarios';

/** Marks per verdict, read from the page's side of the highlight registry. */
export async function markCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate((verdicts) => Object.fromEntries(verdicts.map((v) => [v, CSS.highlights.get(`figure-check-${v}`)?.size ?? 0])), VERDICTS as unknown as string[]);
}

export async function totalMarks(page: Page): Promise<number> {
  const c = await markCounts(page);
  return Object.values(c).reduce((a, b) => a + b, 0);
}

/** Waits until the page has exactly / at least some marks. */
export async function expectMarks(page: Page, predicate: 'some' | 'none', timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ([verdicts, want]) => {
      const total = verdicts.reduce((n, v) => n + (CSS.highlights.get(`figure-check-${v}`)?.size ?? 0), 0);
      return want === 'some' ? total > 0 : total === 0;
    },
    [VERDICTS as unknown as string[], predicate] as const,
    { timeout, polling: 25 },
  );
}

/** Waits for the content script to have applied the settings (mark `figure-check:settings`) with this outcome. */
export async function expectSettingsApplied(page: Page, enabled: boolean, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const e = performance.getEntriesByName('figure-check:settings').at(-1) as PerformanceMark | undefined;
      return !!e && (e.detail as { enabled: boolean }).enabled === want;
    },
    enabled,
    { timeout, polling: 25 },
  );
}

/** Opens a page and waits for its marks. */
export async function openArticle(context: BrowserContext, url: string, marks: 'some' | 'none' = 'some'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expectSettingsApplied(page, marks === 'some');
  await expectMarks(page, marks);
  return page;
}

/**
 * The browser's tab id of a page: the service worker asks every tab's content script where it is
 * (no "tabs" permission, so tabs.query gives no addresses).
 */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await serviceWorker.evaluate(async (want) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const answer = (await chrome.tabs.sendMessage(tab.id, { type: 'figure-check:summary' }, { frameId: 0 })) as { url?: string } | undefined;
        if (answer?.url === want) return tab.id;
      } catch {
        // no content script in that tab
      }
    }
    return undefined;
  }, url);
  expect(id, `a tab for ${url}`).toBeDefined();
  return id!;
}

export async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('h1').waitFor();
  return options;
}

export async function storedSettings(serviceWorker: Worker): Promise<Record<string, unknown>> {
  return serviceWorker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>);
}

export function hostOf(serverUrl: string): string {
  return new URL(serverUrl).host;
}

/** What the toolbar button shows for a tab. */
export async function badgeOf(serviceWorker: Worker, tabId: number): Promise<{ text: string; color: number[]; title: string }> {
  return serviceWorker.evaluate(async (id) => {
    const [text, color, title] = await Promise.all([chrome.action.getBadgeText({ tabId: id }), chrome.action.getBadgeBackgroundColor({ tabId: id }), chrome.action.getTitle({ tabId: id })]);
    return { text, color: [...color], title };
  }, tabId);
}

/** Runs the `toggle-site` command's own handler (headless Chromium cannot press extension shortcuts). */
export async function toggleSiteCommand(serviceWorker: Worker, tabId: number): Promise<boolean> {
  return serviceWorker.evaluate((id) => (globalThis as unknown as { figureCheckSites: { toggleSiteCommand(tabId?: number): Promise<boolean> } }).figureCheckSites.toggleSiteCommand(id), tabId);
}

export async function setStoredSettings(serviceWorker: Worker, value: unknown): Promise<void> {
  await serviceWorker.evaluate((v) => chrome.storage.local.set({ settings: v }), value);
}

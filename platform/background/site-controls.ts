import { browser, type Browser } from 'wxt/browser';
import { settingsStringsFor, uiLocaleFor } from '../../components/i18n/settings-strings';
import type { UiLocale } from '../../lib/format';
import type { Settings } from '../../lib/settings/schema';
import { setSiteEnabled, siteOf, siteRuleEnabled } from '../../lib/settings/sites';
import { badgeFor, type TabFigures } from '../badge-model';
import { isCountsReport, isPageSummary, SUMMARY_REQUEST } from '../messages';
import { RepeatGuard } from '../repeat-guard';
import { loadSettings, migrateStoredSettings, updateSettings, watchSettings } from '../settings-store';

/**
 * The background's part in per-site control: the toolbar badge and its tooltip, the `toggle-site`
 * keyboard command (with a guard against a held key) and the page's context-menu checkbox.
 * Content scripts report what they marked (`figure-check:counts`); settings are read from storage
 * and written through the pure rules of lib/settings/sites.ts. Nothing here needs the "tabs"
 * permission: a tab's address comes from its content script (message sender, or a summary request).
 */

export const TOGGLE_SITE_COMMAND = 'toggle-site';
const MENU_ID = 'figure-check-toggle-site';
/** Where the context menu item appears: the pages a content script runs on. */
const MENU_PAGES = ['http://*/*', 'https://*/*', 'file:///*'];
export const TOGGLE_REPEAT_MS = 500;

interface TabState extends TabFigures {
  url: string;
  locale?: UiLocale;
}

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}

export function setUpSiteControls(): { toggleSiteCommand(tabId?: number, url?: string): Promise<boolean> } {
  const tabs = new Map<number, TabState>();
  const guard = new RepeatGuard<number>(TOGGLE_REPEAT_MS);
  let settings: Settings | undefined;
  /**
   * The UI language content scripts last reported. In a service worker, Chromium's
   * i18n.getUILanguage() can differ from the pages' (seen headless: "en-US" in the worker, "zh-CN"
   * in pages), so the badge and the menu follow what the pages' cards use.
   */
  let reportedLocale: UiLocale | undefined;
  const settingsReady = loadSettings().then((s) => (settings ??= s));

  async function currentSettings(): Promise<Settings> {
    return settings ?? (await settingsReady);
  }

  // ---- badge ----------------------------------------------------------------------------------

  async function renderBadge(tabId: number): Promise<void> {
    const s = await currentSettings();
    const tab = tabs.get(tabId);
    const state = badgeFor(tab, s, tab?.locale ?? localeOf(s));
    try {
      await Promise.all([
        browser.action.setBadgeText({ tabId, text: state.text }),
        browser.action.setBadgeBackgroundColor({ tabId, color: state.color }),
        browser.action.setTitle({ tabId, title: state.title }),
        browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
      ]);
    } catch {
      // the tab closed meanwhile
    }
  }

  function localeOf(s: Settings): UiLocale {
    return s.language === 'auto' ? (reportedLocale ?? uiLocaleFor('auto', uiLanguage())) : s.language;
  }

  // ---- the site of a tab ----------------------------------------------------------------------

  /** A tab's address: known from its content script's reports, else asked; undefined where none runs. */
  async function urlOf(tabId: number, hint?: string): Promise<string | undefined> {
    if (hint && siteOf(hint)) return hint;
    const known = tabs.get(tabId)?.url;
    if (known) return known;
    try {
      const answer: unknown = await browser.tabs.sendMessage(tabId, SUMMARY_REQUEST, { frameId: 0 });
      return isPageSummary(answer) ? answer.url : undefined;
    } catch {
      return undefined;
    }
  }

  // ---- context menu ---------------------------------------------------------------------------

  async function createMenu(): Promise<void> {
    const s = await currentSettings();
    const t = settingsStringsFor(localeOf(s));
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: MENU_ID, type: 'checkbox', checked: true, title: t.siteSwitch(t.thisSite), contexts: ['page', 'selection', 'link', 'image'], documentUrlPatterns: MENU_PAGES }, () => void browser.runtime.lastError);
    void refreshMenuForActiveTab();
  }

  async function refreshMenu(tabId: number): Promise<void> {
    const s = await currentSettings();
    const t = settingsStringsFor(localeOf(s));
    const url = tabs.get(tabId)?.url;
    const site = url ? siteOf(url) : undefined;
    try {
      await browser.contextMenus.update(MENU_ID, site ? { title: t.siteSwitch(site), checked: siteRuleEnabled(url!, s) && s.enabled, enabled: s.enabled } : { title: t.siteSwitch(t.thisSite), enabled: false });
    } catch {
      // the menu is not created yet (it is, at install and at startup)
    }
  }

  async function refreshMenuForActiveTab(): Promise<void> {
    try {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id !== undefined) {
        if (!tabs.has(tab.id)) {
          const url = await urlOf(tab.id);
          if (url) tabs.set(tab.id, { url, enabled: false, scanned: false, counts: { exact: 0, rounded: 0, outdated: 0, conflict: 0 }, ...tabs.get(tab.id) });
        }
        await refreshMenu(tab.id);
      }
    } catch {
      // no window
    }
  }

  // ---- turning a site on and off ----------------------------------------------------------------

  async function setSite(url: string, on: boolean): Promise<void> {
    await updateSettings((s) => setSiteEnabled(s, url, on));
  }

  /** The `toggle-site` command: flips the site of the tab (the active one by default). Returns whether it acted. */
  async function toggleSiteCommand(tabId?: number, urlHint?: string): Promise<boolean> {
    const id = tabId ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    if (id === undefined) return false;
    if (!guard.accept(id, Date.now())) return false;
    const url = await urlOf(id, urlHint);
    if (!url || !siteOf(url)) return false;
    const s = await loadSettings();
    await setSite(url, !siteRuleEnabled(url, s));
    return true;
  }

  // ---- wiring ---------------------------------------------------------------------------------

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isCountsReport(message)) return undefined;
    const tabId = sender.tab?.id;
    if (tabId === undefined || (sender.frameId ?? 0) !== 0) return undefined;
    const localeChanged = reportedLocale !== undefined && reportedLocale !== message.locale;
    reportedLocale = message.locale;
    tabs.set(tabId, { url: sender.url ?? sender.tab?.url ?? tabs.get(tabId)?.url ?? '', enabled: message.enabled, scanned: message.scanned, counts: message.counts, locale: message.locale });
    if (localeChanged) void createMenu();
    void renderBadge(tabId);
    if (sender.tab?.active) void refreshMenu(tabId);
    return undefined;
  });

  watchSettings((s) => {
    const languageChanged = settings?.language !== s.language;
    settings = s;
    for (const tabId of tabs.keys()) void renderBadge(tabId);
    if (languageChanged) void createMenu();
    else void refreshMenuForActiveTab();
  });

  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document: the browser clears the tab's badge, and its content script reports afresh.
    if (change.status === 'loading') tabs.delete(tabId);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void (async () => {
      if (!tabs.has(tabId)) {
        const url = await urlOf(tabId);
        if (url) tabs.set(tabId, { url, enabled: false, scanned: false, counts: { exact: 0, rounded: 0, outdated: 0, conflict: 0 } });
      }
      await refreshMenu(tabId);
    })();
  });
  browser.windows?.onFocusChanged.addListener(() => void refreshMenuForActiveTab());

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_SITE_COMMAND) void toggleSiteCommand(tab?.id, tab?.url);
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    const url = info.pageUrl ?? tab?.url;
    if (url && siteOf(url)) void setSite(url, info.checked === true);
  });

  browser.runtime.onInstalled.addListener(() => {
    void migrateStoredSettings().then(createMenu);
  });
  browser.runtime.onStartup.addListener(() => {
    void migrateStoredSettings().then(createMenu);
  });

  return { toggleSiteCommand };
}

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PageState } from '../../components/popup/Popup';
import { settingsStringsFor, uiLocaleFor } from '../../components/i18n/settings-strings';
import '../../components/settings-ui/base.css';
import '../../components/popup/popup.css';
import { dataAsOf, version } from '../../data/facts.json';
import { noAccessReason } from '../../lib/settings/page-access';
import type { Settings } from '../../lib/settings/schema';
import { setSiteEnabled, siteOf, siteRuleEnabled } from '../../lib/settings/sites';
import type { UiMessage } from '../content/messages';
import { isPageSummary, SUMMARY_REQUEST, type PageSummary } from '../../platform/messages';
import { loadPacks, loadSettings, updateSettings, watchPacks, watchSettings } from '../../platform/settings-store';
import { openShortcutSettings, shortcutLabel } from '../../platform/shortcuts';

/**
 * The toolbar popup. It is about one tab: the active tab of its window, or, when opened as a page
 * with `?tab=<id>` (end-to-end tests, or a pinned popup), that tab. It asks the tab's content
 * script what it marked and writes settings to storage; content scripts watch storage and apply
 * changes live, so the popup never messages them to turn anything on or off.
 */

const TOGGLE_SITE = 'toggle-site';
const POLL_MS = 500;

const tabParam = new URLSearchParams(location.search).get('tab');
const pinnedTabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

let settings: Settings | undefined;
let packsInUse = 0;
let page: PageState = { kind: 'loading' };
let shortcut: string | undefined;
let tab: { id: number; url?: string } | undefined;
let fileAccess = false;

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

async function targetTab(): Promise<{ id: number; url?: string } | undefined> {
  if (pinnedTabId !== undefined) {
    const t = await browser.tabs.get(pinnedTabId).catch(() => undefined);
    return t?.id === undefined ? undefined : { id: t.id, url: t.url ?? t.pendingUrl };
  }
  const [t] = await browser.tabs.query({ active: true, currentWindow: true });
  return t?.id === undefined ? undefined : { id: t.id, url: t.url ?? t.pendingUrl };
}

async function askSummary(tabId: number): Promise<PageSummary | undefined> {
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, SUMMARY_REQUEST, { frameId: 0 });
    return isPageSummary(answer) ? answer : undefined;
  } catch {
    return undefined; // no content script in that tab
  }
}

async function refreshPage(): Promise<void> {
  if (!settings) return;
  if (!tab) {
    page = { kind: 'no-access', reason: 'unknown' };
    return;
  }
  const summary = await askSummary(tab.id);
  if (summary) {
    const site = siteOf(summary.url);
    page = site ? { kind: 'page', site, siteOn: siteRuleEnabled(summary.url, settings), summary } : { kind: 'no-access', reason: 'unknown' };
    return;
  }
  const reason = noAccessReason(tab.url, fileAccess) ?? 'not-loaded';
  const site = reason === 'not-loaded' && tab.url ? siteOf(tab.url) : undefined;
  page = site && tab.url ? { kind: 'no-access', reason, site, siteOn: siteRuleEnabled(tab.url, settings) } : { kind: 'no-access', reason };
}

function pageUrl(): string | undefined {
  return page.kind === 'page' ? page.summary.url : tab?.url;
}

function draw(): void {
  if (!settings) return;
  const locale = uiLocaleFor(settings.language, uiLanguage());
  document.documentElement.lang = locale;
  document.title = settingsStringsFor(locale).appName;
  render(
    <Popup
      locale={locale}
      settings={settings}
      page={page}
      shortcut={shortcut}
      dataset={{ version, dataAsOf }}
      packsInUse={packsInUse}
      onSiteSwitch={(on) => {
        const url = pageUrl();
        if (url) void updateSettings((s) => setSiteEnabled(s, url, on));
      }}
      onGlobalSwitch={(on) => void updateSettings((s) => ({ ...s, enabled: on }))}
      onMode={(mode) => void updateSettings((s) => ({ ...s, mode }))}
      onOpenFigure={(id) => void openFigure(id)}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onChangeShortcut={() => void openShortcutSettings()}
      onReload={() => {
        if (tab) void browser.tabs.reload(tab.id).then(() => (pinnedTabId === undefined ? window.close() : undefined));
      }}
      onOpenExtensionSettings={() => void browser.tabs.create({ url: `chrome://extensions/?id=${browser.runtime.id}` })}
    />,
    document.getElementById('app')!,
  );
}

async function openFigure(id: string): Promise<void> {
  if (!tab) return;
  const message: UiMessage = { type: 'figure-check:open', id };
  // A pinned popup is a tab of its own: bring the page forward so the reader sees the card.
  if (pinnedTabId !== undefined) await browser.tabs.update(tab.id, { active: true }).catch(() => undefined);
  await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
  if (pinnedTabId === undefined) window.close();
}

async function start(): Promise<void> {
  watchSettings((s) => {
    settings = s;
    void refreshPage().then(draw);
  });
  watchPacks((p) => {
    packsInUse = p.packs.filter((x) => x.enabled).length;
    draw();
  });
  const [s, packs, t, allowed] = await Promise.all([
    loadSettings(),
    loadPacks(),
    targetTab(),
    browser.extension?.isAllowedFileSchemeAccess?.().catch(() => false) ?? Promise.resolve(false),
  ]);
  settings ??= s;
  packsInUse = packs.packs.filter((x) => x.enabled).length;
  tab = t;
  // Firefox runs <all_urls> content scripts on file:// pages with no switch to flip, and its
  // isAllowedFileSchemeAccess() always says false: a silent local file there was opened before the add-on.
  fileAccess = import.meta.env.FIREFOX || allowed;
  draw();
  await refreshPage();
  draw();
  void browser.commands
    .getAll()
    .then((commands) => {
      shortcut = shortcutLabel(commands.find((c) => c.name === TOGGLE_SITE)?.shortcut ?? '');
      draw();
    })
    .catch(() => {
      shortcut = '';
      draw();
    });
  // Follow the page: a scan that finishes, marks that come and go as the switch flips.
  setInterval(() => void refreshPage().then(draw), POLL_MS);
}

void start();

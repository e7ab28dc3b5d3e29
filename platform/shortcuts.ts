import { browser } from 'wxt/browser';

/**
 * Keyboard shortcuts, the same in both browsers: where to change them, and how to show them.
 * Firefox has no chrome://extensions/shortcuts (tabs.create refuses it) but, since 137, an API
 * that opens its own page for them (Add-ons Manager → ⚙ → Manage Extension Shortcuts).
 */

type CommandsWithSettings = typeof browser.commands & { openShortcutSettings?: () => Promise<void> };

/** Whether the browser opens its shortcut settings itself (Firefox 137+); Chromium's is a page. */
export function hasShortcutSettingsApi(): boolean {
  return typeof (browser.commands as CommandsWithSettings | undefined)?.openShortcutSettings === 'function';
}

/** Opens the browser's page where extension shortcuts are changed. */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as CommandsWithSettings;
  if (typeof commands.openShortcutSettings === 'function') return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

const KEY_SYMBOLS: Record<string, string> = { Period: '.', Comma: ',' };

/**
 * A shortcut as the reader types it: Firefox reports the manifest's key names
 * ("Alt+Shift+Period"), Chromium the characters ("Alt+Shift+.").
 */
export function shortcutLabel(shortcut: string): string {
  return shortcut
    .split('+')
    .map((key) => KEY_SYMBOLS[key] ?? key)
    .join('+');
}

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { setUpSiteControls } from '../platform/background/site-controls';
import { STEP_COMMANDS, type UiMessage } from './content/messages';

/**
 * The background only forwards keyboard commands (declared in wxt.config.ts, rebindable at
 * chrome://extensions/shortcuts) to the active tab's top frame, where the card UI listens.
 * Checking happens in the content script (see lib/).
 */

/** Runs one command in a tab (the active one of the focused window by default). Returns whether a message was sent. */
export async function runCommand(command: string, tabId?: number): Promise<boolean> {
  const direction = STEP_COMMANDS[command];
  if (!direction) return false;
  const id = tabId ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (id === undefined) return false;
  const message: UiMessage = { type: 'figure-check:step', direction };
  try {
    // frameId 0: only the top frame moves between figures (it also sees same-origin iframes' figures).
    await browser.tabs.sendMessage(id, message, { frameId: 0 });
    return true;
  } catch {
    return false; // no content script there (a browser page, a page still loading)
  }
}

export default defineBackground(() => {
  browser.commands.onCommand.addListener((command, tab) => {
    void runCommand(command, tab?.id);
  });
  // The same entry point for end-to-end tests, which cannot press extension shortcuts in headless
  // Chromium: they call it through the service worker. The worker's global is not reachable from pages.
  (globalThis as { figureCheck?: { runCommand: typeof runCommand } }).figureCheck = { runCommand };
  // Per-site control: toolbar badge, the `toggle-site` command, the context menu (platform/background/).
  // `figureCheckSites.toggleSiteCommand(tabId?)` is the command's own handler, for the same tests.
  (globalThis as { figureCheckSites?: ReturnType<typeof setUpSiteControls> }).figureCheckSites = setUpSiteControls();
});

/**
 * Why the content script cannot run on a page, from its address — for the popup, which then says
 * so plainly instead of showing a switch that would do nothing. Pure.
 *
 * `undefined` means an ordinary web page: if its content script does not answer, it was opened
 * before the extension was installed or updated (`not-loaded`: reload it).
 */

export type NoAccess = 'browser-page' | 'web-store' | 'pdf' | 'file-access' | 'not-loaded' | 'unknown';

const BROWSER_SCHEMES = /^(chrome|chrome-extension|chrome-untrusted|chrome-search|devtools|edge|brave|opera|vivaldi|about|view-source|moz-extension|resource|data|blob|javascript):/i;
const WEB_STORES = [/^https:\/\/chromewebstore\.google\.com\//i, /^https:\/\/chrome\.google\.com\/webstore/i, /^https:\/\/microsoftedge\.microsoft\.com\/addons/i, /^https:\/\/addons\.mozilla\.org\//i];

export function noAccessReason(url: string | undefined, fileAccessAllowed: boolean): NoAccess | undefined {
  if (!url) return 'unknown';
  if (BROWSER_SCHEMES.test(url)) return 'browser-page';
  if (WEB_STORES.some((r) => r.test(url))) return 'web-store';
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return 'unknown';
  }
  if (/\.pdf$/i.test(path)) return 'pdf';
  if (/^file:/i.test(url)) return fileAccessAllowed ? undefined : 'file-access';
  if (/^https?:/i.test(url)) return undefined;
  return 'unknown';
}

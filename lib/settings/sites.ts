/**
 * "Is checking on for this URL?" — one pure function used by the content script, the popup and the
 * badge alike (Dark Reader's isURLEnabled is the model).
 *
 * Site rules (documented in README):
 * - Hosts compare case-insensitively, without a trailing dot, and `www.` is the same site as the
 *   bare domain: `www.example.com` ≡ `example.com`.
 * - A pattern `example.com` covers the site and all its subdomains (`news.example.com`).
 * - A pattern `*.example.com` covers the subdomains only, not `example.com` itself.
 * - A pattern with a port (`127.0.0.1:8080`) covers that port only; without one, every port.
 * - Local files are the site `file://`.
 */

export type SiteMode = 'all-except' | 'only-listed';

export interface SiteSettings {
  enabled: boolean;
  mode: SiteMode;
  /** Sites turned off in mode `all-except`. */
  disabledSites: readonly string[];
  /** Sites turned on in mode `only-listed`. */
  enabledSites: readonly string[];
}

export const FILE_SITE = 'file://';

/** The site a URL belongs to, as shown in the popup and stored in lists; undefined where we never run. */
export function siteOf(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol === 'file:') return FILE_SITE;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const host = normaliseHost(u.hostname);
  if (!host) return undefined;
  return u.port ? `${host}:${u.port}` : host;
}

/** Idempotent (a stored site list must read back the same): every trailing dot and every leading `www.` go. */
function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/\.+$/, '').replace(/^(www\.)+/, '');
}

/** Normalises what a person typed into a site list ("https://www.Example.com/path" → "example.com"); undefined if it is no site. */
export function normalisePattern(input: string): string | undefined {
  let p = input.trim().toLowerCase();
  if (!p) return undefined;
  if (p === FILE_SITE || p === 'file:' || p === 'file:///') return FILE_SITE;
  const wildcard = p.startsWith('*.');
  if (wildcard) p = p.slice(2);
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(p)) {
    try {
      const u = new URL(p);
      p = u.port ? `${u.hostname}:${u.port}` : u.hostname;
    } catch {
      return undefined;
    }
  }
  p = p.replace(/\/.*$/, '');
  const m = /^([a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d{1,5}))?$/.exec(p);
  if (!m) return undefined;
  const host = normaliseHost(m[1]!);
  if (!host || host.startsWith('.') || host.includes('..')) return undefined;
  const withPort = m[2] ? `${host}:${m[2]}` : host;
  return wildcard ? `*.${withPort}` : withPort;
}

/** Does `pattern` (already normalised) cover `site` (from siteOf)? */
export function patternCovers(pattern: string, site: string): boolean {
  if (pattern === FILE_SITE || site === FILE_SITE) return pattern === site;
  const [siteHost, sitePort] = splitPort(site);
  const subdomainsOnly = pattern.startsWith('*.');
  const [patternHost, patternPort] = splitPort(subdomainsOnly ? pattern.slice(2) : pattern);
  if (patternPort !== undefined && patternPort !== sitePort) return false;
  if (siteHost === patternHost) return !subdomainsOnly;
  return siteHost.endsWith(`.${patternHost}`);
}

function splitPort(site: string): [string, string | undefined] {
  const m = /^(.*?)(?::(\d+))?$/.exec(site)!;
  return [m[1]!, m[2]];
}

export function listCovers(list: readonly string[], site: string): boolean {
  return list.some((p) => patternCovers(p, site));
}

export function isEnabled(url: string, settings: SiteSettings): boolean {
  if (!settings.enabled) return false;
  const site = siteOf(url);
  if (!site) return false;
  return settings.mode === 'all-except' ? !listCovers(settings.disabledSites, site) : listCovers(settings.enabledSites, site);
}

/** Whether the site rules alone turn checking on for this URL (the global switch aside): what the popup's site switch shows. */
export function siteRuleEnabled(url: string, settings: SiteSettings): boolean {
  return isEnabled(url, { ...settings, enabled: true });
}

/**
 * Turns checking on or off for the site of `url` by editing the list of the current mode
 * (the popup's switch, the `toggle-site` command, the context menu):
 * - `all-except`, off: adds the site; on: removes every entry that covers it (a broader
 *   `example.com` entry too, so the site really comes back on);
 * - `only-listed`, on: adds the site; off: removes every entry that covers it.
 * The global switch is left alone. Returns the same object when nothing changes.
 */
export function setSiteEnabled<S extends SiteSettings>(settings: S, url: string, on: boolean): S {
  const site = siteOf(url);
  if (!site || siteRuleEnabled(url, settings) === on) return settings;
  const key = settings.mode === 'all-except' ? 'disabledSites' : 'enabledSites';
  const add = settings.mode === 'all-except' ? !on : on;
  const list = settings[key];
  const next = add ? [...list, site] : list.filter((p) => !patternCovers(p, site));
  return { ...settings, [key]: next };
}

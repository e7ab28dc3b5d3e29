import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import JSZip from 'jszip';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { browser as wxtBrowser } from 'wxt/browser';
import { startServer, type FixtureServer } from '../e2e/server';
import { controlInPage, lastMarkInPage, registryCountsInPage, textInPage, type ControlInPage } from '../shared/page-side';
import { VERDICTS, type Verdict } from '../shared/scenarios';

/**
 * The Firefox harness: stock Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the
 * built extension installed as a real add-on (from a zip of the Firefox build, permanently, as a
 * user's install: it survives a restart). Everything is bounded in time; `close()` always ends
 * the browser, killing it if it does not quit.
 *
 * The network: Firefox sends every request — pages, content scripts, extension pages and the
 * background page, even to 127.0.0.1 — through a recording proxy on 127.0.0.1 that forwards only
 * to the fixture server and refuses everything else, so nothing can leave the machine and every
 * attempt is seen. BiDi's `network.beforeRequestSent` (subscribed for the whole session) adds which
 * browsing context made each request; it does not see the background page, the proxy does.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The moz-extension:// host of the add-on, pinned with `extensions.webextensions.uuids`. */
export const UUID = 'c0ffee00-f1c0-4e2d-9b1e-0123456789ab';
export const VIEWPORT = { width: 1100, height: 800 };
/** Where Firefox's own background requests are sent (a name that cannot resolve; the proxy refuses it). */
export const FIREFOX_OWN = 'http://firefox-own.invalid/';
/** The same rule as Chromium's tests: a real UI language, not an emulation. */
export type Locale = 'en-US' | 'zh-CN';

/** WXT's `browser` as it exists in an extension page. */
export type ExtensionApi = typeof wxtBrowser;

// ---- time limits ----------------------------------------------------------------------------------

export function withTimeout<T>(what: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `read` until `ok` holds (from Node: waitForFunction is refused by extension pages' CSP in Firefox 140). */
export async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeout = 10_000, every = 50): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await withTimeout(what, read(), Math.max(1000, deadline - Date.now()));
      error = undefined;
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeout} ms; last ${error ? `error: ${String(error)}` : `value: ${JSON.stringify(last)}`}`);
    await sleep(every);
  }
}

// ---- the extension under test -----------------------------------------------------------------------

export interface BuiltExtension {
  /** A zip of the Firefox build (what `wxt zip -b firefox` makes), installed as the add-on. */
  zip: string;
  geckoId: string;
  version: string;
  manifest: Record<string, unknown> & { manifest_version: number };
}

let built: Promise<BuiltExtension> | undefined;

/**
 * The build under test: `.output/firefox-mv3` (or FIGURE_CHECK_FIREFOX_EXTENSION, a build folder
 * or a zip such as `.output/figure-check-<version>-firefox.zip`), copied once per test process so
 * a rebuild of .output/ while the tests run cannot change it, and zipped.
 */
export function builtExtension(): Promise<BuiltExtension> {
  built ??= (async () => {
    const from = resolve(ROOT, process.env.FIGURE_CHECK_FIREFOX_EXTENSION ?? '.output/firefox-mv3');
    const dir = mkdtempSync(join(tmpdir(), 'figure-check-firefox-ext-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const zipPath = join(dir, 'figure-check-firefox.zip');
    let zip: JSZip;
    if (from.endsWith('.zip') || from.endsWith('.xpi')) {
      if (!existsSync(from)) throw new Error(`${from} is missing: run \`npx wxt zip -b firefox\` first`);
      const bytes = readFileSync(from);
      writeFileSync(zipPath, bytes);
      zip = await JSZip.loadAsync(bytes);
    } else {
      const copy = await snapshot(from, join(dir, 'build'));
      zip = new JSZip();
      const add = (sub: string) => {
        for (const name of readdirSync(join(copy, sub)).sort()) {
          const path = join(copy, sub, name);
          if (statSync(path).isDirectory()) add(join(sub, name));
          else zip.file(relative(copy, path).split('\\').join('/'), readFileSync(path), { date: new Date(0) });
        }
      };
      add('');
      writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    }
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as BuiltExtension['manifest'];
    const geckoId = (manifest.browser_specific_settings as { gecko?: { id?: string } } | undefined)?.gecko?.id;
    if (!geckoId) throw new Error('the Firefox manifest has no browser_specific_settings.gecko.id');
    return { zip: zipPath, geckoId, version: String(manifest.version), manifest };
  })();
  return built;
}

/** Copies a build folder once it is whole (another `wxt build` may be rewriting it): up to 60 s. */
async function snapshot(from: string, to: string): Promise<string> {
  const whole = (dir: string) => ['manifest.json', 'background.js', 'content-scripts/content.js', 'popup.html', 'options.html'].every((f) => existsSync(join(dir, f)));
  for (let tries = 0; ; tries++) {
    try {
      if (whole(from)) {
        cpSync(from, to, { recursive: true });
        if (whole(to)) return to;
      }
    } catch {
      // a file vanished during the copy: try again
    }
    rmSync(to, { recursive: true, force: true });
    if (tries >= 60) throw new Error(`${from} is missing or incomplete: run \`npx wxt build -b firefox\` first`);
    await sleep(1000);
  }
}

// ---- the network: fixture server behind a recording proxy -------------------------------------------

export interface ProxiedRequest {
  method: string;
  url: string;
  at: number;
  /** Forwarded to the fixture server (true) or refused (false). */
  forwarded: boolean;
}

export interface Network {
  server: FixtureServer;
  /** Every request Firefox sent, in order. */
  proxied: ProxiedRequest[];
  proxyPort: number;
  close(): Promise<void>;
}

export async function startNetwork(): Promise<Network> {
  const server = await startServer();
  const upstream = new URL(server.url);
  const proxied: ProxiedRequest[] = [];
  const proxy: Server = createServer((req, res) => {
    const url = req.url ?? '';
    let target: URL | undefined;
    try {
      target = new URL(url);
    } catch {
      // not a proxy request
    }
    const forwarded = !!target && target.protocol === 'http:' && target.host === upstream.host;
    proxied.push({ method: req.method ?? 'GET', url, at: Date.now(), forwarded });
    if (!forwarded || !target) {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('refused by the test proxy: nothing leaves this machine');
      return;
    }
    const up = httpRequest({ host: upstream.hostname, port: upstream.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  const refuse = (req: IncomingMessage, socket: Socket, scheme: string) => {
    proxied.push({ method: req.method ?? 'CONNECT', url: req.method === 'CONNECT' ? `${scheme}://${req.url}` : (req.url ?? ''), at: Date.now(), forwarded: false });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
  };
  proxy.on('connect', (req: IncomingMessage, socket: Socket) => refuse(req, socket, 'https'));
  proxy.on('upgrade', (req: IncomingMessage, socket: Socket) => refuse(req, socket, 'ws'));
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  const address = proxy.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    proxied,
    proxyPort,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((ok) => proxy.close(() => ok()));
      await server.close();
    },
  };
}

// ---- Firefox --------------------------------------------------------------------------------------------

export interface BidiRequest {
  url: string;
  /** The browsing context (tab or frame) that made it. */
  context: string | null;
  at: number;
}

export interface LaunchOptions {
  /** A profile folder to keep (a restart test); a fresh temporary one otherwise. */
  profileDir?: string;
  /** Firefox's UI language (`intl.locale.requested`; zh-CN needs Debian's firefox-esr-l10n-zh-cn). */
  locale?: Locale;
  /** Install the add-on (default); false when the profile already has it (after a restart). */
  install?: boolean;
  /** Install this zip instead of the build under test (the privacy detector's planted copy). */
  zip?: string;
  /** false: a Firefox without the add-on (the privacy test's baseline). */
  extension?: boolean;
}

type Connection = {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, handler: (params: Record<string, unknown>) => void): void;
};

export class Firefox {
  readonly requests: BidiRequest[] = [];
  private apiPage: Page | undefined;

  private constructor(
    readonly browser: Browser,
    readonly net: Network,
    readonly extension: BuiltExtension,
    private readonly profileToRemove: string | undefined,
  ) {}

  /** Firefox with the add-on installed and its pages reachable at moz-extension://UUID/. */
  static async launch(net: Network, options: LaunchOptions = {}): Promise<Firefox> {
    const extension = await builtExtension();
    const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'figure-check-firefox-profile-'));
    const locale = options.locale ?? 'en-US';
    const launched = await withTimeout(
      'launching Firefox',
      puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        userDataDir: profileDir,
        defaultViewport: VIEWPORT,
        protocolTimeout: 30_000,
        timeout: 30_000,
        // Lets BiDi open moz-extension:// pages.
        args: ['--remote-allow-system-access'],
        // Lets the prefs below point Firefox's own Remote Settings sync at FIREFOX_OWN (refused by the proxy).
        env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [extension.geckoId]: UUID }),
          // A permanent install of an unsigned add-on: honoured by ESR (and Developer Edition, Nightly).
          'xpinstall.signatures.required': false,
          // Every request through the recording proxy, 127.0.0.1 included; no DNS, no prefetching.
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': net.proxyPort,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': net.proxyPort,
          'network.proxy.no_proxies_on': '',
          'network.proxy.allow_hijacking_localhost': true,
          'network.proxy.socks_remote_dns': true,
          'network.dns.disablePrefetch': true,
          'network.prefetch-next': false,
          'network.predictor.enabled': false,
          'browser.translations.enable': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          // Firefox's own background traffic (Remote Settings: blocklists, search config, …) goes to
          // an address of its own, so the privacy test can tell it from the extension's.
          'services.settings.server': `${FIREFOX_OWN}remote-settings/v1`,
          // The browser's UI language: what `i18n.getUILanguage()` reports to the extension.
          'intl.locale.requested': locale,
          'intl.accept_languages': locale === 'zh-CN' ? 'zh-CN, zh, en' : 'en-US, en',
        },
      }),
      60_000,
    );
    const firefox = new Firefox(launched, net, extension, options.profileDir ? undefined : profileDir);
    try {
      const conn = firefox.connection;
      conn.on('network.beforeRequestSent', (e) => {
        const request = e.request as { url: string };
        firefox.requests.push({ url: request.url, context: (e.context as string | null) ?? null, at: Date.now() });
      });
      await conn.send('session.subscribe', { events: ['network.beforeRequestSent'] });
      if (options.extension !== false) {
        if (options.install !== false) {
          await withTimeout('installing the add-on', conn.send('webExtension.install', { extensionData: { type: 'archivePath', path: options.zip ?? extension.zip }, 'moz:permanent': true }), 30_000);
        }
        await firefox.ready();
      }
    } catch (e) {
      await firefox.close();
      throw e;
    }
    return firefox;
  }

  /** Waits until the add-on's own page loads and its API answers (it starts a moment after the install, or the restart). */
  private async ready(): Promise<void> {
    await until(
      'the add-on to start',
      async () => {
        try {
          return await this.ext(() => browser.runtime.getManifest().version);
        } catch (e) {
          await this.apiPage?.close().catch(() => {});
          this.apiPage = undefined;
          throw e;
        }
      },
      (version) => typeof version === 'string',
      30_000,
      250,
    );
  }

  get connection(): Connection {
    return (this.browser as unknown as { connection: Connection }).connection;
  }

  extensionUrl(path: string): string {
    return `moz-extension://${UUID}/${path}`;
  }

  /** A web page in a new tab, loaded. */
  async open(url: string): Promise<Page> {
    const page = await withTimeout('opening a tab', this.browser.newPage(), 15_000);
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
    return page;
  }

  /**
   * One of the extension's pages in a new tab. `page.goto('moz-extension://…')` loads but never
   * resolves in Firefox, so BiDi's own navigate, which waits for the load.
   */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await withTimeout('opening a tab', this.browser.newPage(), 15_000);
    await this.navigate(page, this.extensionUrl(path));
    return page;
  }

  async navigate(page: Page, url: string): Promise<void> {
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    await withTimeout(`navigating to ${url}`, this.connection.send('browsingContext.navigate', { context, url, wait: 'complete' }), 20_000);
  }

  /**
   * Runs `fn` with the extension's API, in one of its pages (options.html, opened once): storage,
   * tabs, the action's badge, and the background page's test hooks (`runtime.getBackgroundPage`).
   */
  async ext<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    if (!this.apiPage || this.apiPage.isClosed()) this.apiPage = await this.openExtensionPage('options.html');
    return inPage(this.apiPage, fn, arg as A);
  }

  /** The browser's tab id of a page: the same question Chromium's tests ask, every tab's content script where it is. */
  async tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    const id = await until(
      `the tab id of ${url}`,
      () =>
        this.ext(async (want: string) => {
          for (const tab of await browser.tabs.query({})) {
            if (tab.id === undefined) continue;
            try {
              const answer = (await browser.tabs.sendMessage(tab.id, { type: 'figure-check:summary' }, { frameId: 0 })) as { url?: string } | undefined;
              if (answer?.url === want) return tab.id;
            } catch {
              // no content script in that tab
            }
          }
          return -1;
        }, url),
      (id) => id >= 0,
      10_000,
      200,
    );
    return id;
  }

  /** The stored settings (storage.local key `settings`). */
  async storedSettings(): Promise<Record<string, unknown>> {
    return this.ext(async () => ((await browser.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>);
  }

  /** What the toolbar button shows for a tab. */
  async badgeOf(tabId: number): Promise<{ text: string; color: number[]; title: string }> {
    return this.ext(async (id: number) => {
      const [text, color, title] = await Promise.all([browser.action.getBadgeText({ tabId: id }), browser.action.getBadgeBackgroundColor({ tabId: id }), browser.action.getTitle({ tabId: id })]);
      return { text, color: [...(color as number[])], title };
    }, tabId);
  }

  /** Runs a keyboard command's own handler in the background page, for a tab (headless Firefox cannot press extension shortcuts). */
  async command(name: 'next-figure' | 'previous-figure' | 'toggle-site', tabId: number): Promise<boolean> {
    return this.ext(
      async ([command, id]: [string, number]) => {
        const bg = (await browser.runtime.getBackgroundPage()) as unknown as {
          figureCheck: { runCommand(c: string, tabId?: number): Promise<boolean> };
          figureCheckSites: { toggleSiteCommand(tabId?: number): Promise<boolean> };
        };
        return command === 'toggle-site' ? bg.figureCheckSites.toggleSiteCommand(id) : bg.figureCheck.runCommand(command, id);
      },
      [name, tabId] as [string, number],
    );
  }

  /** Closes Firefox (killing it if it does not quit within 15 s) and removes its temporary profile. */
  async close(): Promise<void> {
    try {
      await withTimeout('closing Firefox', this.browser.close(), 15_000);
    } catch {
      this.browser.process()?.kill('SIGKILL');
    }
    if (this.profileToRemove) rmSync(this.profileToRemove, { recursive: true, force: true });
  }
}

/** The extension API, in the page functions given to `Firefox.ext` (they run in an extension page). */
declare const browser: ExtensionApi;

// ---- in the page ------------------------------------------------------------------------------------------

/**
 * `page.evaluate(fn, arg)` for functions compiled by tsx: esbuild's `keepNames` wraps inner
 * functions in `__name(…)`, a helper that exists in Node but not in the page, so it is supplied.
 * Runs in the page's own world (page scripts' view: it may read and iterate the highlight registry).
 */
export async function inPage<R, A>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>> {
  const source = `(() => { const __name = (f) => f; return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}); })()`;
  return withTimeout('evaluating in the page', page.evaluate(source) as Promise<Awaited<R>>, 20_000);
}

/** Marks per verdict, read from the page's side of the highlight registry (0 for no entry). */
export async function markCounts(page: Page): Promise<Record<Verdict, number>> {
  const counts = await inPage(page, registryCountsInPage, VERDICTS);
  return Object.fromEntries(VERDICTS.map((v) => [v, counts[v] ?? 0])) as Record<Verdict, number>;
}

export async function totalMarks(page: Page): Promise<number> {
  return Object.values(await markCounts(page)).reduce((a, b) => a + b, 0);
}

/** Waits for the content script's `figure-check:scanned` mark (a finished, painted scan) made after `after` (page time). */
export async function waitForScan(page: Page, after = 0, timeout = 20_000): Promise<{ scan: number; figures: number }> {
  const mark = await until('a finished scan', () => inPage(page, lastMarkInPage, 'scanned'), (m) => !!m && m.at >= after, timeout);
  return mark!.detail as { scan: number; figures: number };
}

/** Waits for the content script to have applied the settings with this outcome (mark `figure-check:settings`). */
export async function waitForSettings(page: Page, enabled: boolean, timeout = 15_000): Promise<void> {
  await until(`settings applied (enabled: ${enabled})`, () => inPage(page, lastMarkInPage, 'settings'), (m) => !!m && (m.detail as { enabled: boolean }).enabled === enabled, timeout);
}

export async function waitForMarks(page: Page, want: 'some' | 'none', timeout = 15_000): Promise<void> {
  await until(`${want === 'some' ? 'marks' : 'no marks'} on ${page.url()}`, () => totalMarks(page), (n) => (want === 'some' ? n > 0 : n === 0), timeout);
}

/** Opens a web page and waits for its marks (or for the settings to have turned checking off). */
export async function openArticle(firefox: Firefox, url: string, marks: 'some' | 'none' = 'some'): Promise<Page> {
  const page = await firefox.open(url);
  await waitForSettings(page, marks === 'some');
  await waitForMarks(page, marks);
  return page;
}

/** Runs a test body with a Firefox and always closes it. */
export async function withFirefox<T>(net: Network, options: LaunchOptions, body: (firefox: Firefox) => Promise<T>): Promise<T> {
  const firefox = await Firefox.launch(net, options);
  try {
    return await body(firefox);
  } finally {
    await firefox.close();
  }
}

/** Waits for a control by role and accessible name (see `controlInPage`) and returns where it is and its state. */
export async function control(page: Page, role: string, name: string, timeout = 10_000): Promise<ControlInPage> {
  const found = await until(`the ${role} "${name}"`, () => inPage(page, controlInPage, [role, name] as const), (c) => c !== null, timeout);
  return found!;
}

/** Clicks a control as a reader would: the pointer, at its centre (the page is brought to the front first). */
export async function click(page: Page, role: string, name: string): Promise<void> {
  await withTimeout('bringing the tab to the front', page.bringToFront(), 10_000);
  const c = await control(page, role, name);
  await withTimeout(`clicking the ${role} "${name}"`, page.mouse.click(c.x, c.y), 10_000);
}

/** Waits until a control's state satisfies `ok`. */
export async function controlState(page: Page, role: string, name: string, ok: (c: ControlInPage) => boolean, timeout = 10_000): Promise<ControlInPage> {
  return (await until(`the ${role} "${name}" in the expected state`, () => inPage(page, controlInPage, [role, name] as const), (c) => c !== null && ok(c), timeout))!;
}

/** Waits until the text of `selector` satisfies `ok` (a string: equal to it). */
export async function text(page: Page, selector: string, ok: string | ((text: string) => boolean), timeout = 10_000): Promise<string> {
  const test = typeof ok === 'string' ? (t: string) => t === ok : ok;
  return (await until(`the text of ${selector}${typeof ok === 'string' ? ` to be "${ok}"` : ''}`, () => inPage(page, textInPage, selector), (t) => t !== null && test(t), timeout))!;
}

/**
 * Whether this Firefox paints text-decoration in ::highlight() (from puppeteer's `browser.version()`,
 * "firefox/140.12.0"): the rule of entrypoints/content/highlight-styles.ts, which the tests check
 * against the screen.
 */
export function decorationsPainted(version: string): boolean {
  const major = Number(/(\d+)\./.exec(version)?.[1] ?? 0);
  return major >= 153;
}

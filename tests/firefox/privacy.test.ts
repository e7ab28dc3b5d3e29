import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import type { Page } from 'puppeteer-core';
import { cardInPage, locateFigureInPage } from '../shared/page-side';
import { PLAIN_PAGE, POPUP, VERDICTS, WEB_PAGES } from '../shared/scenarios';
import { builtExtension, click, Firefox, FIREFOX_OWN, inPage, sleep, startNetwork, until, UUID, waitForScan, withFirefox, withTimeout, type Network } from './harness';

/**
 * Firefox: the add-on makes no network request at all. Every request Firefox makes while it runs
 * — on every seed article and fixture page (marks, an open card, a keyboard command through the
 * background page) and on its own popup and options pages — is recorded from two vantage points:
 *  - the recording proxy every request goes through (harness.ts): pages, content scripts, extension
 *    pages and the background page, 127.0.0.1 included; it forwards only to the fixture server;
 *  - WebDriver BiDi's `network.beforeRequestSent` for the whole session, with the browsing context
 *    of each request (it does not see the background page; the proxy does).
 * A baseline run of the same pages in the same Firefox without the add-on says what the pages load
 * by themselves. A request fails the test unless the baseline made it too, or it is Firefox's own
 * (its Remote Settings sync, sent to FIREFOX_OWN by the harness's prefs); any http(s) request from
 * one of our moz-extension:// pages fails. The last test plants fetch, an image and sendBeacon in a
 * copy of the add-on (content script, background page, popup) and checks that each one is
 * reported: the detector is tested, so a deaf recorder cannot pass.
 */

let net: Network;

before(async () => {
  net = await startNetwork();
}, { timeout: 30_000 });
after(async () => {
  await net?.close();
}, { timeout: 30_000 });

interface Seen {
  url: string;
  via: 'proxy' | 'bidi';
  /** For BiDi: the browsing context, and whether it is one of our extension pages. */
  context?: string | null;
}

/** Everything a Firefox session asked the network for, from both vantage points, since `from`. */
function seenSince(firefox: Firefox, from: { proxy: number; bidi: number }): Seen[] {
  return [
    ...net.proxied.slice(from.proxy).map((r) => ({ url: r.url, via: 'proxy' as const })),
    ...firefox.requests.slice(from.bidi).map((r) => ({ url: r.url, via: 'bidi' as const, context: r.context })),
  ];
}

const mark = (firefox: Firefox) => ({ proxy: net.proxied.length, bidi: firefox.requests.length });
const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;
const firefoxOwn = (url: string) => url.startsWith(FIREFOX_OWN);

/** The rule: what the pages made without the add-on (baseline), Firefox's own traffic and our own files pass; the rest fails. */
function offendingRequests(all: readonly Seen[], baseline: ReadonlySet<string>, extensionContexts: ReadonlySet<string>): Seen[] {
  return all.filter((s) => {
    if (s.url.startsWith(`moz-extension://${UUID}/`) || s.url.startsWith('data:') || s.url.startsWith('blob:')) return false;
    if (s.via === 'bidi' && s.context && extensionContexts.has(s.context)) return true;
    if (firefoxOwn(s.url)) return false;
    return !baseline.has(s.url);
  });
}

/** Opens each web page as a reader would with the add-on: marks, a card, a keyboard command. */
async function browseWithExtension(firefox: Firefox): Promise<Set<string>> {
  const extensionContexts = new Set<string>();
  let commandSent = false;
  for (const path of WEB_PAGES) {
    const page = await firefox.open(net.server.url + path);
    try {
      await waitForScan(page);
      const figure = await inPage(page, locateFigureInPage, ['', VERDICTS] as const);
      if (figure) {
        await withTimeout('bringing the tab to the front', page.bringToFront(), 10_000);
        await page.mouse.move(figure.x, figure.y);
        await until('a card', () => inPage(page, cardInPage, undefined), (c) => c !== null, 5000, 25);
        if (!commandSent) {
          commandSent = await firefox.command('next-figure', await firefox.tabIdOf(page));
          assert.ok(commandSent, 'a keyboard command through the background page');
        }
      }
      await sleep(200);
    } finally {
      await page.close();
    }
  }
  // Our own pages: the popup about a tab (its switch flipped and back), the options page (searched).
  const article = await firefox.open(net.server.url + PLAIN_PAGE);
  await waitForScan(article);
  const popup = await firefox.openExtensionPage(`popup.html?tab=${await firefox.tabIdOf(article)}`);
  extensionContexts.add(contextOf(popup));
  const host = new URL(net.server.url).host;
  await click(popup, 'switch', POPUP.en.siteSwitch(host));
  await click(popup, 'switch', POPUP.en.siteSwitch(host));
  const options = await firefox.openExtensionPage('options.html');
  extensionContexts.add(contextOf(options));
  await inPage(options, () => {
    const search = document.querySelector<HTMLInputElement>('input[type=search]');
    if (search) {
      search.value = 'genai';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, undefined);
  await sleep(1000);
  for (const p of [popup, options, article]) await p.close();
  return extensionContexts;
}

test('the add-on makes no network request: every request was made by the pages themselves, or by Firefox', { timeout: 400_000 }, async (t) => {
  // Baseline: the same pages without the add-on.
  const baseline = new Set<string>();
  await withFirefox(net, { extension: false }, async (firefox) => {
    const from = mark(firefox);
    for (const path of [...WEB_PAGES, PLAIN_PAGE]) {
      const page = await firefox.open(net.server.url + path);
      await sleep(300);
      await page.close();
    }
    for (const s of seenSince(firefox, from)) baseline.add(s.url);
  });
  t.diagnostic(`baseline: ${baseline.size} distinct addresses over ${WEB_PAGES.length + 1} pages`);

  // From before Firefox starts: the add-on's install-time work counts too.
  const proxyStart = net.proxied.length;
  await withFirefox(net, {}, async (firefox) => {
    const extensionContexts = await browseWithExtension(firefox);
    const all = seenSince(firefox, { proxy: proxyStart, bidi: 0 });
    const offending = offendingRequests(all, baseline, extensionContexts);
    t.diagnostic(`recorded ${all.length} requests (${all.filter((s) => s.via === 'proxy').length} through the proxy, ${all.filter((s) => s.via === 'bidi').length} by BiDi)`);
    assert.deepEqual(offending.map((s) => `${s.via}: ${s.url}`), [], 'requests the add-on made');
    // Nothing left the machine: the proxy forwarded only to the fixture server.
    assert.deepEqual(net.proxied.filter((r) => r.forwarded && !r.url.startsWith(`${net.server.url}/`)).map((r) => r.url), []);
  });
});

test('the detector reports a fetch, an image and a beacon planted in the content script, the background page and the popup', { timeout: 180_000 }, async (t) => {
  const built = await builtExtension();
  const zip = await JSZip.loadAsync(readFileSync(built.zip));
  const manifest = built.manifest as unknown as { background: { scripts: string[] }; content_scripts: Array<{ js: string[] }> };
  const popupHtml = await zip.file('popup.html')!.async('string');
  const popupScript = /<script[^>]+src="\/?([^"]+)"/.exec(popupHtml)?.[1];
  assert.ok(popupScript, 'the popup’s script');
  const targets = { content: manifest.content_scripts[0]!.js[0]!, background: manifest.background.scripts[0]!, popup: popupScript };
  const planted: string[] = [];
  for (const [where, file] of Object.entries(targets)) {
    const urls = [`${net.server.url}/planted/${where}-fetch`, `${net.server.url}/planted/${where}-image`, `https://planted.example/${where}-beacon`];
    planted.push(...urls);
    const code = `;(()=>{try{fetch(${JSON.stringify(urls[0])}).catch(()=>{});new Image().src=${JSON.stringify(urls[1])};navigator.sendBeacon(${JSON.stringify(urls[2])});}catch(e){}})();\n`;
    zip.file(file, (await zip.file(file)!.async('string')) + code);
  }
  const dir = mkdtempSync(join(tmpdir(), 'figure-check-planted-'));
  try {
    const plantedZip = join(dir, 'planted.zip');
    writeFileSync(plantedZip, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const proxyStart = net.proxied.length;
    await withFirefox(net, { zip: plantedZip }, async (firefox) => {
      const from = mark(firefox);
      const page = await firefox.open(net.server.url + PLAIN_PAGE);
      await waitForScan(page);
      const popup = await firefox.openExtensionPage(`popup.html?tab=${await firefox.tabIdOf(page)}`);
      const seen = await until(
        'every planted request reported',
        async () => seenSince(firefox, { proxy: proxyStart, bidi: 0 }).map((s) => s.url),
        (urls) => planted.every((p) => urls.some((u) => u === p || u === `https://${new URL(p).host}:443`)),
        15_000,
        200,
      ).catch(() => seenSince(firefox, { proxy: proxyStart, bidi: 0 }).map((s) => s.url));
      const missed = planted.filter((p) => !seen.some((u) => u === p || u === `https://${new URL(p).host}:443`));
      assert.deepEqual(missed, [], 'planted requests the recorder did not see');
      // The rule flags each of them (the page's own document, which a baseline has, passes).
      const flagged = offendingRequests(seenSince(firefox, { proxy: proxyStart, bidi: 0 }), new Set([`${net.server.url}${PLAIN_PAGE}`, `${net.server.url}/favicon.ico`]), new Set([contextOf(popup)])).map((s) => s.url);
      const unflagged = planted.filter((p) => !flagged.some((u) => u === p || u === `https://${new URL(p).host}:443`));
      assert.deepEqual(unflagged, [], 'planted requests the rule lets through');
      // And BiDi alone sees the page-side ones, with the context that made them.
      const bidi = seenSince(firefox, from).filter((s) => s.via === 'bidi');
      for (const where of ['content', 'popup']) assert.ok(bidi.some((s) => s.url.endsWith(`/planted/${where}-fetch`)), `BiDi saw the ${where} fetch`);
      t.diagnostic(`BiDi saw the background's fetch: ${bidi.some((s) => s.url.endsWith('/planted/background-fetch'))} (the proxy did)`);
      await popup.close();
      await page.close();
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type FixtureServer } from './server';

/**
 * Playwright fixtures: a real Debian Chromium with the built extension loaded (never a mock),
 * and the fixture server on 127.0.0.1.
 */

export const BUILT_EXTENSION = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/**
 * The browser loads a private copy of the build, made once per test process: a rebuild of .output/
 * while tests run (another terminal, the Firefox build) can then never change the extension under
 * test. One copy per process keeps the extension id stable across browser restarts.
 */
function privateCopy(): string {
  if (!existsSync(BUILT_EXTENSION)) return BUILT_EXTENSION; // the launch then fails and says so
  const copy = join(mkdtempSync(join(tmpdir(), 'figure-check-ext-')), 'chrome-mv3');
  cpSync(BUILT_EXTENSION, copy, { recursive: true });
  return copy;
}

export const EXTENSION_PATH = privateCopy();

export const CHROMIUM_ARGS = [
  `--disable-extensions-except=${EXTENSION_PATH}`,
  `--load-extension=${EXTENSION_PATH}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type Launched = { context: BrowserContext; extensionId: string; serviceWorker: Worker };

/**
 * Chromium with the extension, waiting for its service worker. On a loaded 2-core machine the
 * worker occasionally fails to show up; one fresh launch then always did, so try up to 3 times.
 */
export async function launchWithExtension(options: { userDataDir?: string; locale?: string } = {}): Promise<Launched> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launchOnce(options);
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}

async function launchOnce(options: { userDataDir?: string; locale?: string }): Promise<Launched> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'figure-check-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: options.locale ?? 'en-US',
    args: [...CHROMIUM_ARGS, ...(options.locale ? [`--lang=${options.locale}`] : [])],
    viewport: { width: 1100, height: 800 },
  });
  try {
    let [serviceWorker] = context.serviceWorkers();
    if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker', { timeout: 20_000 });
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker };
  } catch (e) {
    await context.close().catch(() => {});
    throw e;
  }
}

export const test = base.extend<{ context: BrowserContext; extensionId: string; serviceWorker: Worker }, { server: FixtureServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({}, use, testInfo) => {
    const launched = await launchWithExtension();
    testInfo.attach('extension-id', { body: launched.extensionId });
    await use(launched.context);
    await launched.context.close();
  },
  extensionId: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker');
    await use(new URL(sw.url()).host);
  },
  serviceWorker: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker');
    await use(sw);
  },
});

export const expect = test.expect;

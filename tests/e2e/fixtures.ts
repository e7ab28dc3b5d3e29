import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type FixtureServer } from './server';

/**
 * Playwright fixtures: a real Debian Chromium with the built extension loaded (never a mock),
 * and the fixture server on 127.0.0.1.
 */

export const EXTENSION_PATH = resolve(import.meta.dirname, '../../.output/chrome-mv3');

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

export async function launchWithExtension(options: { userDataDir?: string; locale?: string } = {}): Promise<{ context: BrowserContext; extensionId: string; serviceWorker: Worker }> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'figure-check-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: options.locale ?? 'en-US',
    args: [...CHROMIUM_ARGS, ...(options.locale ? [`--lang=${options.locale}`] : [])],
    viewport: { width: 1100, height: 800 },
  });
  let [serviceWorker] = context.serviceWorkers();
  if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
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

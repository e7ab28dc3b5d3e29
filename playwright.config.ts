import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (never a Playwright download) with the built extension.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  outputDir: 'out/test-results',
  reporter: [['list'], ['json', { outputFile: 'out/playwright.json' }]],
});

import { defineConfig } from 'vitest/config';

// The package suite (tests/package/): checks the built extensions in .output/, so it runs after
// `npx wxt build` and `npx wxt build -b firefox` (scripts/test-all.sh; `npm run test:package`).
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});

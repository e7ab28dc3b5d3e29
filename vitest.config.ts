import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The CLI and accuracy tests start the real CLI (tsx) as a child process: slow on a busy 2-core machine.
    testTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    // Browser and server tests start real processes; give them room on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});

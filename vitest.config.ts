import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    globalSetup: ['test/global-setup.ts'],
    // Browser and server tests start real processes; give them room on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit and integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Browser tests run after the rest, one file at a time: two Chromium sessions typing against a
        // server while other suites load both cores is how a real-time test gets starved.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          fileParallelism: false,
          // A real browser typing against a real server on two loaded cores: a test that fails is run once
          // more (it must then pass from a fresh start); one that fails twice fails the run.
          retry: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
          // A hang detector, not a speed limit: several property tests take 1-2 s on an idle
          // 2-core machine and must not fail when CI is slower or busier than that.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
      {
        test: {
          // Benchmarks are run by `npm run bench` only: they print and record figures, never assert times.
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // `npm run screenshots` only: renders docs/*.png from the built extension.
          name: 'screenshots',
          include: ['scripts/**/*.shots.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

/**
 * `npm run test:faults`: the long fault suite (test/faults/**) with many more kills, writers and
 * hostile inputs than the short version `npm test` runs; prints its figures at the end.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    env: { CLAIMTRACE_FAULTS: 'long' },
    globalSetup: ['test/faults/print-figures.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // The files kill and race processes on a shared machine: one at a time keeps timings honest.
    fileParallelism: false,
  },
});

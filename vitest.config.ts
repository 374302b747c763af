import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Processes, not threads: CLI tests run the CLI in the test process (test/cli/helpers.ts,
    // `claimtraceHere`), which changes the working folder, and threads may not.
    pool: 'forks',
  },
});

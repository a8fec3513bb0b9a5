import { defineProject } from 'vitest/config';

// The api tests Stryker runs against each mutant (stryker.config.mjs): every test that
// can see who may do what, in which state, and which result is shown — not the slow
// ones that check durability, load or fuzzing.
export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    exclude: [
      'src/fuzz.test.ts',
      'src/concurrency.test.ts',
      'src/db/faults.test.ts',
      'src/db/wal-sync.test.ts',
      'src/db/backup.test.ts',
      'src/routes/login-limits.test.ts',
      'src/routes/report-pool.test.ts',
    ],
    testTimeout: 30_000,
  },
});

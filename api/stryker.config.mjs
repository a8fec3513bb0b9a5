// Mutation testing of the api services that decide access, lifecycle and results:
// `pnpm mutation:api` (on demand, not in `npm test`). Runs the api tests that reach each
// mutant (SQLite only: PostgreSQL runs are skipped without TEST_DATABASE_URL) in a sandbox
// copy of api/, so the working tree is never changed; the report is api/reports/mutation/.
// vitest.mutation.config.ts chooses the tests: isolation, assessment/review/report routes,
// the reviewed result, drafts at their date (not fuzzing, faults, load or PDF layout).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  plugins: ['@stryker-mutator/vitest-runner', '@stryker-mutator/typescript-checker'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: [],
  tsconfigFile: 'tsconfig.json',
  ignoreStatic: true,
  mutate: [
    'src/services/access.ts',
    'src/services/lifecycle.ts',
    'src/services/present.ts',
    'src/services/read-model.ts',
    'src/services/review-outcome.ts',
    'src/services/scoring.ts',
    'src/services/review.ts',
    'src/services/assessments.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // Reruns only the mutants whose code or covering tests changed since the last run
  // (the file is in git-ignored reports/; `--force` reruns everything).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  timeoutMS: 30000,
  // The first run of every chosen test (with per-test coverage) on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

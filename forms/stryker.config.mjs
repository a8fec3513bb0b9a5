// Mutation testing of the engine and the checker: `pnpm mutation` (on demand, not in `npm test`:
// it takes far longer than the suite). Runs the forms tests against each mutant in a sandbox
// copy of forms/, so the working tree is never changed; the report is forms/reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Named, since pnpm keeps the plugins out of core's own node_modules.
  plugins: ['@stryker-mutator/vitest-runner', '@stryker-mutator/typescript-checker'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // The TypeScript checker (drops mutants that do not compile) takes one of the two
  // processes on a 2-core machine and doubles the run: `pnpm mutation --checkers typescript`.
  checkers: [],
  tsconfigFile: 'tsconfig.json',
  // Module-level constants would rerun every test for each mutant.
  ignoreStatic: true,
  // The lifecycle decides who may do what in which state (the api's services ask it).
  mutate: [
    'src/engine/**/*.ts',
    'src/checker/**/*.ts',
    'src/lifecycle/**/*.ts',
    '!src/**/*.test.ts',
  ],
  coverageAnalysis: 'perTest',
  // One process: the machine has 2 cores shared with other work (`--concurrency` overrides).
  concurrency: 1,
  // Reruns only the mutants whose code or covering tests changed since the last run
  // (the file is in git-ignored reports/; `--force` reruns everything).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  timeoutMS: 20000,
  // The first run of every test with per-test coverage, on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

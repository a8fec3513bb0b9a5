import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// The forms tests as Stryker runs them (stryker.config.mjs): the same tests, with room for
// the property tests' many runs under coverage instrumentation on a busy machine.
//
// MUTATION_CRITERIA=1 adds the criteria tests (test/criteria: the built-in definitions scored
// end to end, totals worked out by hand), so an engine mutant is judged by real definitions
// too. Off by default: every criteria file loads and checks all built-in definitions when it
// is collected, and Stryker reruns that for each mutant — on 2026-11-29 (load 15) the six
// scoring files went from about 20 mutants a minute to 4. Stryker runs this config from a
// sandbox copy of forms/ (forms/.stryker-tmp/sandbox-…) and test/criteria is outside it: the
// criteria files are found from the repository root, and their `@zhiping/forms` imports are
// pointed at the directory this file is in, so they score with the mutated sandbox code.
const here = dirname(fileURLToPath(import.meta.url));
let repo = here;
while (!existsSync(join(repo, 'pnpm-workspace.yaml')) && dirname(repo) !== repo)
  repo = dirname(repo);
const criteria = process.env.MUTATION_CRITERIA === '1' && existsSync(join(repo, 'test/criteria'));
// MUTATION_TESTS=src/engine/score.test.ts,… runs only those test files (as in the api run): on a
// busy machine a file's mutants go several times faster without the property tests, whose
// hundreds of random definitions are rerun for every mutant they cover. A narrowed run can only
// under-report the score (fewer tests to kill a mutant).
const only = (process.env.MUTATION_TESTS ?? '').split(',').filter(Boolean);

export default defineProject({
  resolve: {
    alias: [
      { find: /^@zhiping\/forms$/, replacement: join(here, 'src/index.ts') },
      { find: /^@zhiping\/forms\/node$/, replacement: join(here, 'src/node/index.ts') },
      { find: /^@zhiping\/forms\/source$/, replacement: join(here, 'src/source/lines.ts') },
      {
        find: /^@zhiping\/forms\/testing\/all-kinds$/,
        replacement: join(here, 'src/testing/all-kinds.ts'),
      },
    ],
  },
  test: {
    name: 'forms',
    include: [
      ...(only.length > 0 ? only : ['src/**/*.test.ts']),
      ...(criteria ? [`${relative(here, repo)}/test/criteria/**/*.test.ts`] : []),
    ],
    testTimeout: 60_000,
  },
});

import { defineProject } from 'vitest/config';

// The api tests Stryker runs against each mutant (stryker.config.mjs): the ones that see
// who may do what in which state and which result is shown — the isolation matrix, the
// assessment, review and report routes, the reviewed result and drafts at their date.
// Not the slow ones that check durability, load, fuzzing or how a PDF is laid out.
// MUTATION_TESTS=a.test.ts,… runs only those (each api test file pays for its own harness, so a
// run on one or two services is far quicker with the tests that reach them).
const only = (process.env.MUTATION_TESTS ?? '').split(',').filter(Boolean);

export default defineProject({
  test: {
    name: 'api',
    include:
      only.length > 0
        ? only
        : [
            'src/isolation.test.ts',
            'src/routes/assessments.test.ts',
            'src/routes/review.test.ts',
            'src/routes/review-rounds.test.ts',
            'src/routes/as-of.test.ts',
            'src/routes/legacy-result.test.ts',
            'src/routes/conflicts.test.ts',
            'src/routes/reports.test.ts',
            'src/routes/forms.test.ts',
            'src/reports/reviewed.test.ts',
            'src/services/*.test.ts',
          ],
    // Set-up (migrations, seed, scrypt) is slow on a busy machine.
    // MUTATION_EXCLUDE=a.test.ts,… leaves out tests that fail for reasons of their own
    // (Stryker needs a green first run).
    exclude: (process.env.MUTATION_EXCLUDE ?? '').split(',').filter(Boolean),
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { defineProject } from 'vitest/config';

// The forms tests as Stryker runs them (stryker.config.mjs): the same tests, with room for
// the property tests' many runs under coverage instrumentation on a busy machine.
export default defineProject({
  test: { name: 'forms', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
});

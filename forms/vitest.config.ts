import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'forms',
    include: ['src/**/*.test.ts'],
    // Pure functions and caches of what is read from disk: the files share
    // the worker's loaded modules instead of importing zod and the engine each.
    isolate: false,
  },
});

import { defineProject } from 'vitest/config';

// The cross-package tests without a browser: the CLI, the criteria, fault injection and the
// scale-out test. They run two files at a time with forms, api and web; the browser tests
// are a project of their own (vitest.e2e.config.ts).
export default defineProject({
  test: {
    name: 'cross-package',
    include: ['**/*.test.ts'],
    exclude: ['e2e/**', '**/node_modules/**'],
    testTimeout: 60_000,
  },
});

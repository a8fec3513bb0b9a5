import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cross-package',
    include: ['**/*.test.ts'],
    testTimeout: 60_000,
    // One Chromium and one API bundle for all the browser test files of a run.
    globalSetup: ['e2e/support/global-setup.ts'],
  },
});

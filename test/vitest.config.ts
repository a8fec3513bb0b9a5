import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cross-package',
    include: ['**/*.test.ts'],
    testTimeout: 60_000,
    // A browser test polls for what the page shows after a click, Back or a reload. With
    // two files at a time (two browsers, two servers on 2 cores) a render can take longer
    // than vitest's default second; what these tests check is that it comes, not how soon.
    expect: { poll: { timeout: 10_000 } },
    // One Chromium and one API bundle for all the browser test files of a run.
    globalSetup: ['e2e/support/global-setup.ts'],
  },
});

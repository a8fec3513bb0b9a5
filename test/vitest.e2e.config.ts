import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    // One Chromium and one API bundle for all the browser test files of a run.
    globalSetup: ['e2e/support/global-setup.ts'],
    // One file at a time, after the other projects (which run two at a time): a browser's
    // timing is what a neighbour on the same 2 cores disturbs (a render that came late
    // failed a browser test in two of three runs with two files at a time).
    fileParallelism: false,
    sequence: { groupOrder: 1 },
    // A browser test polls for what the page shows after a click, Back or a reload. On a
    // busy machine a render can take longer than vitest's default second; what these tests
    // check is that it comes, not how soon.
    expect: { poll: { timeout: 10_000 } },
  },
});

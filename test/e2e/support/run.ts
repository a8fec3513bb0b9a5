import { inject } from 'vitest';

/**
 * What the browser tests of one vitest run share (test/e2e/support/
 * global-setup.ts provides it): a directory for what is made once per run
 * (the API bundle, a seeded database to copy, the check that web/dist is
 * current) and the address of one Chromium all files connect to.
 */
export interface E2eRun {
  dir: string;
  /** Playwright's WebSocket endpoint of the shared Chromium, if there is one. */
  chromium: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eRun: E2eRun;
  }
}

/** The run's shared things; null outside vitest (the browser bench, a script). */
export function e2eRun(): E2eRun | null {
  if (!process.env.VITEST) return null;
  return inject('e2eRun') ?? null;
}

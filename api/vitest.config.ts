import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files share the worker's loaded modules (Hono, zod, Kysely, pdfmake…)
    // instead of importing them afresh each: 12 api files took 111 s and 32 s
    // of CPU isolated, 43 s and 13 s not (load 12-15). Every file still opens
    // its own database (testing/harness.ts); module state is only caches of
    // what is read from disk (definitions, fonts, sources).
    isolate: false,
  },
});

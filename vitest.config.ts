import { defineConfig } from 'vitest/config';

// One runner for the workspace: each package with tests is a project.
export default defineConfig({
  test: {
    projects: ['forms', 'api', 'web', 'test/vitest.config.ts', 'test/vitest.e2e.config.ts'],
    // Two files at a time for forms, api, web and the cross-package tests without a browser,
    // then the browser tests one at a time (test/vitest.e2e.config.ts). Files that share
    // PostgreSQL with a neighbour found two races, both mended: Kysely's migrator read every
    // schema's catalogue while another file dropped its schema (db/migrations.ts reads again;
    // migrate-race.test.ts), and one file killed every process's change-feed connection and
    // heard every schema's notifications (db/change-feed.ts). MAX_WORKERS=1: one at a time.
    maxWorkers: Number(process.env.MAX_WORKERS ?? 2),
  },
});

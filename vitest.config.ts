import { defineConfig } from 'vitest/config';

// One runner for the workspace: each package with tests is a project.
export default defineConfig({
  test: {
    projects: ['forms', 'api', 'web', 'test'],
    // Two files at a time: on 2 cores the tests took 862 s one at a time and 643 s two at a
    // time. Files then share PostgreSQL with a neighbour, which found two races, both mended:
    // Kysely's migrator read every schema's catalog while another file dropped its schema
    // (db/migrations.ts reads again; migrate-race.test.ts), and one file killed every
    // process's change-feed connection and heard every schema's notifications
    // (db/change-feed.ts: a schema's own name and notifications). MAX_WORKERS=1 for one.
    maxWorkers: Number(process.env.MAX_WORKERS ?? 2),
  },
});

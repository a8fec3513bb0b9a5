import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { initial } from './migrations/0001-initial.ts';
import { files } from './migrations/0002-files.ts';
import { loginAttempts } from './migrations/0003-login-attempts.ts';
import { fileDeletion } from './migrations/0004-file-deletion.ts';
import { reviewRounds } from './migrations/0005-review-rounds.ts';
import { notifications } from './migrations/0006-notifications.ts';
import { readModel } from './migrations/0007-read-model.ts';
import { evidenceBlobs } from './migrations/0008-evidence-blobs.ts';
import { admin } from './migrations/0009-admin.ts';
import { history } from './migrations/0010-history.ts';
import { programmes } from './migrations/0011-programmes.ts';
import { rollupFills } from './migrations/0012-rollup-fills.ts';
import { programmeClosed } from './migrations/0013-programme-closed.ts';
import { organisationTitles } from './migrations/0014-organisation-titles.ts';
import { actorChanges } from './migrations/0015-actor-changes.ts';
import { oneListIndex } from './migrations/0016-one-list-index.ts';
import { actorChangesSchema } from './migrations/0017-actor-changes-schema.ts';
import type { Dialect } from './open.ts';
import type { Database } from './schema.ts';

/*
 * Migrations are code, one file per step in ./migrations, never edited once
 * released: a change to the schema is a new file listed here. Both dialects
 * run the same steps; the only difference is how an auto-incrementing key is
 * spelled, so a step takes the dialect when it needs it.
 */
const migrations = (dialect: Dialect): Record<string, Migration> => ({
  '0001-initial': initial(dialect),
  '0002-files': files(),
  '0003-login-attempts': loginAttempts(),
  '0004-file-deletion': fileDeletion(),
  '0005-review-rounds': reviewRounds(),
  '0006-notifications': notifications(dialect),
  '0007-read-model': readModel(),
  '0008-evidence-blobs': evidenceBlobs(dialect),
  '0009-admin': admin(dialect),
  '0010-history': history(),
  '0011-programmes': programmes(),
  '0012-rollup-fills': rollupFills(),
  '0013-programme-closed': programmeClosed(),
  '0014-organisation-titles': organisationTitles(),
  '0015-actor-changes': actorChanges(dialect),
  '0016-one-list-index': oneListIndex(),
  '0017-actor-changes-schema': actorChangesSchema(dialect),
});

/** Brings the schema up to date; safe to run at every start and from several processes. */
export async function migrate(db: Kysely<Database>, dialect: Dialect, schema?: string) {
  if (dialect === 'postgres' && schema) {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    // Steps written in parallel branches may land in either order; each is
    // independent of its neighbours, so a database that already ran a later
    // one still runs an earlier one it has not seen.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error)
      return results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
    if (dialect === 'postgres' && attempt < 10 && vanishedMeanwhile(error)) {
      await new Promise((r) => setTimeout(r, 25 * attempt));
      continue;
    }
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`数据库迁移失败 (migration ${failed} failed): ${String(error)}`);
  }
}

/*
 * Kysely's migrator finds its own table by reading the columns of every
 * schema in the database, with functions that look each schema and table
 * up by name again: one dropped meanwhile (another deployment's, another
 * test file's) fails that read with "schema … does not exist" (3F000) or
 * "relation … does not exist" (42P01) — seen with two test files at a time
 * and reproduced in migrate-race.test.ts. Nothing ran yet (on PostgreSQL
 * the steps run in one transaction after that read), so reading again is
 * safe.
 */
const VANISHED = new Set(['3F000', '42P01']);
function vanishedMeanwhile(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    typeof err.code === 'string' &&
    VANISHED.has(err.code)
  );
}

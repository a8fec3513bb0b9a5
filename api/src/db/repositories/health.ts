import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Readiness: the database answers a query. */
export async function databaseAnswers(db: Kysely<Database>): Promise<void> {
  await db.selectFrom('definitions').select('id').limit(1).execute();
}

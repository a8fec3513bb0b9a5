import { databaseAnswers } from '../db/repositories/health.ts';
import type { Deps } from '../deps.ts';

/** Readiness: the database answers. */
export async function readiness(deps: Deps) {
  await databaseAnswers(deps.db.kysely);
  return { ok: true, database: deps.db.dialect };
}

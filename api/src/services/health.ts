import { databaseAnswers } from '../db/repositories/health.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';

/** Readiness: the database answers (else 503 with Retry-After, whatever the failure). */
export async function readiness(deps: Deps) {
  try {
    await databaseAnswers(deps.db.kysely);
  } catch (err) {
    deps.log.error('就绪检查：数据库无响应', err instanceof Error ? err.message : err);
    throw new DomainError('unavailable', { retryAfter: 2 });
  }
  return { ok: true, database: deps.db.dialect };
}

import type { Actor } from '../auth/session.ts';
import type { AuditEntry } from '../contract/index.ts';
import { auditTrail } from '../db/repositories/audit.ts';
import type { Deps } from '../deps.ts';
import { assessmentFor } from './access.ts';

/** An assessment's append-only log, for whoever may read the assessment. */
export async function auditOf(deps: Deps, actor: Actor, id: string): Promise<AuditEntry[]> {
  await assessmentFor(deps.db.kysely, actor, id);
  return auditTrail(deps.db.kysely, id);
}

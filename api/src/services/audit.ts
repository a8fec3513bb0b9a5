import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export type AuditAction =
  | 'created'
  | 'saved'
  | 'submitted'
  | 'reopened'
  | 'assigned'
  | 'reviewed'
  | 'decided';

/** Appends one entry; the log has no update or delete anywhere in the code. */
export async function audit(
  db: Kysely<Database> | Transaction<Database>,
  entry: { assessment: string; actor: string; action: AuditAction; detail: object; at: Date },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      assessment_id: entry.assessment,
      actor_id: entry.actor,
      action: entry.action,
      detail: JSON.stringify(entry.detail),
      at: entry.at.toISOString(),
    })
    .execute();
}

export async function auditTrail(db: Kysely<Database>, assessment: string) {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.action', 'a.actor_id', 'u.name', 'a.detail', 'a.at'])
    .where('a.assessment_id', '=', assessment)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    action: r.action,
    actor: { id: r.actor_id, name: r.name ?? '（已删除的用户）' },
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    at: r.at,
  }));
}

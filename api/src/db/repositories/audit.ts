import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../schema.ts';
import { parseColumn, toColumn } from './json.ts';

export type AuditAction =
  | 'created'
  | 'saved'
  | 'submitted'
  | 'reopened'
  | 'assigned'
  | 'reviewed'
  | 'decided'
  | 'settled'
  | 'finished'
  | 'replied'
  | 'lead_changed'
  // Programmes (issue 18).
  | 'applied'
  | 'withdrawn'
  | 'office_viewed'
  | 'file_deleted'
  | 'renamed'
  | 'carried_over'
  | 'pending_confirmed'
  // Programmes (issue 18): applying, withdrawing, and the office reading an application.
  | 'applied'
  | 'withdrawn'
  | 'office_viewed'
  | 'rollup_filled'
  | 'rollup_overridden';

/** What changed, as the entry's JSON object. */
const AuditDetail = z.record(z.string(), z.unknown());
export type AuditDetail = z.infer<typeof AuditDetail>;

export interface AuditEntry {
  id: number;
  action: string;
  actor: { id: string; name: string };
  detail: AuditDetail;
  at: string;
}

/** Appends one entry; the log has no update or delete anywhere in the code. */
export async function appendAudit(
  db: Kysely<Database>,
  entry: { assessment: string; actor: string; action: AuditAction; detail: object; at: Date },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      assessment_id: entry.assessment,
      actor_id: entry.actor,
      action: entry.action,
      detail: toColumn(entry.detail),
      at: entry.at.toISOString(),
    })
    .execute();
}

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  /** ISO timestamps, inclusive from, exclusive to. */
  from?: string | undefined;
  to?: string | undefined;
}

/** An assessment's log, oldest first, optionally filtered. */
export async function auditTrail(
  db: Kysely<Database>,
  assessment: string,
  filter: AuditFilter = {},
): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.action', 'a.actor_id', 'u.name', 'a.detail', 'a.at'])
    .where('a.assessment_id', '=', assessment);
  if (filter.actor) q = q.where('a.actor_id', '=', filter.actor);
  if (filter.action) q = q.where('a.action', '=', filter.action);
  // Timestamps are ISO strings in UTC: they order as text on both databases.
  if (filter.from) q = q.where('a.at', '>=', filter.from);
  if (filter.to) q = q.where('a.at', '<', filter.to);
  const rows = await q.orderBy('a.id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    action: r.action,
    actor: { id: r.actor_id, name: r.name ?? '（已删除的用户）' },
    detail: parseColumn(AuditDetail, r.detail, `audit_log.detail of ${r.id}`),
    at: r.at,
  }));
}

/** When the assessment was last submitted (any round), or null if never. */
export async function lastSubmittedAt(
  db: Kysely<Database>,
  assessment: string,
): Promise<string | null> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('assessment_id', '=', assessment)
    .where('action', '=', 'submitted')
    .executeTakeFirst();
  return r?.at ?? null;
}

export interface SealedSubmission {
  title: string;
  organisation: string;
  submittedAt: string;
}

/** The assessment whose current submission carries this seal. */
export async function currentSeal(
  db: Kysely<Database>,
  hash: string,
): Promise<SealedSubmission | undefined> {
  const r = await db
    .selectFrom('assessments as a')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .select(['a.title', 'o.name', 'a.submitted_at'])
    .where('a.submission_hash', '=', hash)
    .executeTakeFirst();
  return r?.submitted_at
    ? { title: r.title, organisation: r.name, submittedAt: r.submitted_at }
    : undefined;
}

/**
 * A seal of an earlier submission (later returned and reopened): it lives
 * on in the audit log. `hash` must be `sha256:<hex>` (checked at the edge).
 */
export async function pastSeal(
  db: Kysely<Database>,
  hash: string,
): Promise<SealedSubmission | undefined> {
  const r = await db
    .selectFrom('audit_log as l')
    .innerJoin('assessments as a', 'a.id', 'l.assessment_id')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .select(['a.title', 'o.name', 'l.at'])
    .where('l.action', '=', 'submitted')
    .where('l.detail', 'like', `%"seal":"${hash}"%`)
    .executeTakeFirst();
  return r && { title: r.title, organisation: r.name, submittedAt: r.at };
}

import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AdminAuditTable, Database } from '../schema.ts';
import { parseColumn, toColumn } from './json.ts';
import { offsetOf } from './search.ts';

/* The admin audit log: who changed which account or organisation, and how. */

export type AdminAuditAction =
  | 'organisation_created'
  | 'organisation_changed'
  | 'user_created'
  | 'user_changed'
  | 'user_disabled'
  | 'user_enabled'
  | 'link_issued'
  | 'password_set'
  | 'reviewers_changed';

const Detail = z.record(z.string(), z.unknown());

export interface AdminAuditEntry {
  id: number;
  action: string;
  actor: { id: string; name: string };
  targetKind: AdminAuditTable['target_kind'];
  targetId: string;
  detail: Record<string, unknown>;
  at: string;
}

/** Appends one entry; nothing in the code updates or deletes one. */
export async function appendAdminAudit(
  db: Kysely<Database>,
  e: {
    actor: string;
    action: AdminAuditAction;
    target: { kind: AdminAuditTable['target_kind']; id: string };
    detail: object;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('admin_audit')
    .values({
      actor_id: e.actor,
      action: e.action,
      target_kind: e.target.kind,
      target_id: e.target.id,
      detail: toColumn(e.detail),
      at: e.at.toISOString(),
    })
    .execute();
}

/** Newest first, optionally about one target. */
export async function adminAuditPage(
  db: Kysely<Database>,
  f: { targetId?: string | undefined },
  page: number,
  pageSize: number,
): Promise<{ items: AdminAuditEntry[]; total: number }> {
  let q = db.selectFrom('admin_audit as a');
  if (f.targetId) q = q.where('a.target_id', '=', f.targetId);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .select([
        'a.id',
        'a.action',
        'a.actor_id',
        'u.name',
        'a.target_kind',
        'a.target_id',
        'a.detail',
        'a.at',
      ])
      .orderBy('a.id', 'desc')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      action: r.action,
      actor: { id: r.actor_id, name: r.name ?? '（已删除的用户）' },
      targetKind: r.target_kind,
      targetId: r.target_id,
      detail: parseColumn(Detail, r.detail, `admin_audit.detail of ${r.id}`),
      at: r.at,
    })),
  };
}

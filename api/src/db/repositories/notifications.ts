import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, NotificationTable } from '../schema.ts';
import { parseColumn, toColumn } from './json.ts';

/* The in-app inbox: one row per recipient and event; read once opened. */

export type NotificationKind = NotificationTable['kind'];

const Detail = z.record(z.string(), z.unknown());

export interface Notification {
  id: number;
  kind: NotificationKind;
  assessment: { id: string; title: string };
  actor: { id: string; name: string };
  detail: Record<string, unknown>;
  at: string;
  readAt: string | null;
}

/** One notification per recipient (a recipient never appears twice for one event). */
export async function notify(
  db: Kysely<Database>,
  n: {
    to: readonly string[];
    kind: NotificationKind;
    assessmentId: string;
    actorId: string;
    detail: object;
    at: string;
  },
): Promise<void> {
  const to = [...new Set(n.to)].filter((u) => u !== n.actorId);
  if (to.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      to.map((user) => ({
        user_id: user,
        assessment_id: n.assessmentId,
        kind: n.kind,
        actor_id: n.actorId,
        detail: toColumn(n.detail),
        created_at: n.at,
      })),
    )
    .execute();
}

/** A user's inbox, newest first. */
export async function inboxOf(
  db: Kysely<Database>,
  userId: string,
  o: { unreadOnly: boolean; limit: number },
): Promise<Notification[]> {
  let q = db
    .selectFrom('notifications as n')
    .innerJoin('assessments as a', 'a.id', 'n.assessment_id')
    .leftJoin('users as u', 'u.id', 'n.actor_id')
    .select([
      'n.id',
      'n.kind',
      'n.assessment_id',
      'a.title',
      'n.actor_id',
      'u.name',
      'n.detail',
      'n.created_at',
      'n.read_at',
    ])
    .where('n.user_id', '=', userId);
  if (o.unreadOnly) q = q.where('n.read_at', 'is', null);
  const rows = await q.orderBy('n.id', 'desc').limit(o.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    assessment: { id: r.assessment_id, title: r.title },
    actor: { id: r.actor_id, name: r.name ?? '' },
    detail: parseColumn(Detail, r.detail, `notifications.detail of ${r.id}`),
    at: r.created_at,
    readAt: r.read_at,
  }));
}

export async function unreadCount(db: Kysely<Database>, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Marks the user's notifications read (these ids, or all). */
export async function markRead(
  db: Kysely<Database>,
  userId: string,
  ids: readonly number[] | undefined,
  at: string,
): Promise<void> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return;
    q = q.where('id', 'in', [...ids]);
  }
  await q.execute();
}

/** The respondents of an organisation: who hears of a return or a decision. */
export async function respondentsOf(db: Kysely<Database>, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'respondent')
    .execute();
  return rows.map((r) => r.id);
}

/** The reviewers assigned to an assessment: who hears of a resubmission. */
export async function reviewerIdsOf(db: Kysely<Database>, assessmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('assignments')
    .select('reviewer_id')
    .where('assessment_id', '=', assessmentId)
    .execute();
  return rows.map((r) => r.reviewer_id);
}

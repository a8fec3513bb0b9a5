import type { Kysely } from 'kysely';
import type { Actor } from '../auth/session.ts';
import {
  inboxOf,
  markRead,
  type NotificationKind,
  notify,
  respondentsOf,
  reviewerIdsOf,
  unreadCount,
} from '../db/repositories/notifications.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { queueWebhook } from './webhooks.ts';

/*
 * The in-app inbox. Events are written in the same transaction as the
 * change they announce, so a notification never tells of something that
 * did not happen. Who hears of what:
 *   assigned → the reviewer; resubmitted → every reviewer;
 *   returned, decided → the organisation's respondents (and, for decided,
 *   the other reviewers).
 */
export async function announce(
  trx: Kysely<Database>,
  e: {
    kind: NotificationKind;
    assessment: { id: string; orgId: string };
    actorId: string;
    /** For `assigned`: the reviewer. */
    to?: string;
    detail: object;
    at: string;
  },
): Promise<void> {
  let to: string[];
  if (e.kind === 'assigned') to = e.to ? [e.to] : [];
  else if (e.kind === 'resubmitted') to = await reviewerIdsOf(trx, e.assessment.id);
  else {
    to = await respondentsOf(trx, e.assessment.orgId);
    if (e.kind === 'decided') to.push(...(await reviewerIdsOf(trx, e.assessment.id)));
  }
  await notify(trx, {
    to,
    kind: e.kind,
    assessmentId: e.assessment.id,
    actorId: e.actorId,
    detail: e.detail,
    at: e.at,
  });
  // The organisation's integrators hear of every event on its assessments.
  await queueWebhook(trx, {
    orgId: e.assessment.orgId,
    event: `assessment.${e.kind}`,
    payload: { assessment: e.assessment.id, ...e.detail },
    at: e.at,
  });
}

export async function inbox(deps: Deps, actor: Actor, unreadOnly: boolean) {
  const db = deps.db.kysely;
  return {
    unread: await unreadCount(db, actor.id),
    items: await inboxOf(db, actor.id, { unreadOnly, limit: 200 }),
  };
}

export async function readNotifications(deps: Deps, actor: Actor, ids: number[] | undefined) {
  const db = deps.db.kysely;
  await markRead(db, actor.id, ids, deps.now().toISOString());
  return { unread: await unreadCount(db, actor.id) };
}

import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/session.ts';
import {
  type Delivery,
  deleteWebhook,
  deliveriesOf,
  dueDeliveries,
  enqueueDelivery,
  recordAttempt,
  saveWebhook,
  webhookOf,
} from '../db/repositories/webhooks.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';

/*
 * An optional webhook per organisation, for integrators: each review event
 * on the organisation's assessments is queued in the same transaction as
 * the event (so none is announced that did not happen), then POSTed with
 * its body signed — `X-Zhiping-Signature: sha256=<HMAC-SHA256(secret, body)>`
 * — and retried with exponential backoff until delivered or given up.
 */

/** Attempts before a delivery is marked failed. */
export const MAX_ATTEMPTS = 6;
/** Wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min, 8 min. */
export const backoffMs = (attempt: number) => 30_000 * 2 ** (attempt - 1);
const TIMEOUT_MS = 5_000;

/** The signature header's value for a body. */
export const signatureOf = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Queues an event for the organisation's webhook, if it has one (inside the event's transaction). */
export async function queueWebhook(
  trx: Kysely<Database>,
  e: { orgId: string; event: string; payload: object; at: string },
): Promise<void> {
  if (!(await webhookOf(trx, e.orgId))) return;
  const body = JSON.stringify({ event: e.event, at: e.at, ...e.payload });
  await enqueueDelivery(trx, { orgId: e.orgId, event: e.event, body, at: e.at });
}

/** Sends every delivery that is due; returns how many were attempted. */
export async function dispatchWebhooks(deps: Deps): Promise<number> {
  const db = deps.db.kysely;
  const due = await dueDeliveries(db, deps.now().toISOString(), 50);
  for (const d of due) await attempt(deps, d);
  return due.length;
}

async function attempt(deps: Deps, d: Delivery): Promise<void> {
  const db = deps.db.kysely;
  const hook = await webhookOf(db, d.orgId);
  let status: number | null = null;
  let error: string | null = null;
  if (!hook) error = 'webhook removed';
  else
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-zhiping-event': d.event,
          'x-zhiping-delivery': String(d.id),
          'x-zhiping-signature': signatureOf(hook.secret, d.body),
        },
        body: d.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
  const now = deps.now();
  const n = d.attempts + 1;
  const done = error === null;
  await recordAttempt(db, d.id, d.attempts, {
    state: done ? 'delivered' : n >= MAX_ATTEMPTS || !hook ? 'failed' : 'pending',
    nextAt: new Date(now.getTime() + (done ? 0 : backoffMs(n))).toISOString(),
    status,
    error,
    deliveredAt: done ? now.toISOString() : null,
  });
}

/** Admin: an organisation's webhook (the secret is never shown again) and its delivery log. */
export async function webhookView(deps: Deps, orgId: string) {
  const db = deps.db.kysely;
  const hook = await webhookOf(db, orgId);
  return {
    url: hook?.url ?? null,
    deliveries: (await deliveriesOf(db, orgId)).map(({ body: _, orgId: __, ...d }) => d),
  };
}

export async function setWebhook(
  deps: Deps,
  actor: Actor,
  orgId: string,
  w: { url: string; secret: string } | null,
): Promise<void> {
  const db = deps.db.kysely;
  if (w === null) await deleteWebhook(db, orgId);
  else await saveWebhook(db, { orgId, ...w, by: actor.id, at: deps.now().toISOString() });
}

/**
 * Sends due deliveries every `intervalMs` in this process; several
 * processes may run it — a delivery's attempt is recorded conditionally,
 * so a delivery is counted once (it may, rarely, be sent twice: receivers
 * deduplicate by X-Zhiping-Delivery).
 */
export function startWebhookLoop(deps: Deps, intervalMs = 10_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    dispatchWebhooks(deps)
      .catch((err: unknown) =>
        deps.log.error('发送 webhook 失败', err instanceof Error ? err.message : err),
      )
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

import type { Kysely } from 'kysely';
import type { Database, WebhookDeliveryTable } from '../schema.ts';

/* An organisation's webhook and its delivery log. */

export interface Webhook {
  orgId: string;
  url: string;
  secret: string;
}

export async function webhookOf(db: Kysely<Database>, orgId: string): Promise<Webhook | undefined> {
  const r = await db
    .selectFrom('webhooks')
    .select(['org_id', 'url', 'secret'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return r && { orgId: r.org_id, url: r.url, secret: r.secret };
}

/** Sets (or replaces) the organisation's webhook. */
export async function saveWebhook(
  db: Kysely<Database>,
  w: Webhook & { by: string; at: string },
): Promise<void> {
  const values = { url: w.url, secret: w.secret, created_by: w.by, created_at: w.at };
  await db
    .insertInto('webhooks')
    .values({ org_id: w.orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

export async function deleteWebhook(db: Kysely<Database>, orgId: string): Promise<void> {
  await db.deleteFrom('webhooks').where('org_id', '=', orgId).execute();
}

export async function enqueueDelivery(
  db: Kysely<Database>,
  d: { orgId: string; event: string; body: string; at: string },
): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      org_id: d.orgId,
      event: d.event,
      body: d.body,
      state: 'pending',
      next_at: d.at,
      created_at: d.at,
    })
    .execute();
}

export interface Delivery {
  id: number;
  orgId: string;
  event: string;
  body: string;
  state: WebhookDeliveryTable['state'];
  attempts: number;
  nextAt: string;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

type Row = Awaited<ReturnType<typeof selectDeliveries>>[number];
const selectDeliveries = (db: Kysely<Database>) =>
  db.selectFrom('webhook_deliveries').selectAll().orderBy('id').execute();

const fromRow = (r: Row): Delivery => ({
  id: Number(r.id),
  orgId: r.org_id,
  event: r.event,
  body: r.body,
  state: r.state,
  attempts: Number(r.attempts),
  nextAt: r.next_at,
  lastStatus: r.last_status === null ? null : Number(r.last_status),
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

/** Deliveries due by `now`, oldest first. */
export async function dueDeliveries(
  db: Kysely<Database>,
  now: string,
  limit: number,
): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('state', '=', 'pending')
    .where('next_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

/** An organisation's delivery log, newest first. */
export async function deliveriesOf(db: Kysely<Database>, orgId: string): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map(fromRow);
}

/** Records one attempt, only if the delivery is still pending at `attempts` (one sender wins). */
export async function recordAttempt(
  db: Kysely<Database>,
  id: number,
  attempts: number,
  r: {
    state: WebhookDeliveryTable['state'];
    nextAt: string;
    status: number | null;
    error: string | null;
    deliveredAt: string | null;
  },
): Promise<boolean> {
  const u = await db
    .updateTable('webhook_deliveries')
    .set({
      state: r.state,
      attempts: attempts + 1,
      next_at: r.nextAt,
      last_status: r.status,
      last_error: r.error,
      delivered_at: r.deliveredAt,
    })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('attempts', '=', attempts)
    .executeTakeFirst();
  return Number(u.numUpdatedRows) === 1;
}

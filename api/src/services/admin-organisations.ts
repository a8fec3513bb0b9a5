import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/session.ts';
import type {
  AdminOrganisation,
  NewOrganisationBody,
  OrganisationChangeBody,
  OrganisationPage,
  OrganisationQuery,
} from '../contract/index.ts';
import { insertOrganisation } from '../db/repositories/accounts.ts';
import { appendAdminAudit } from '../db/repositories/admin-audit.ts';
import {
  findAdminOrganisation,
  organisationPage,
  updateOrganisation,
} from '../db/repositories/organisations.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';

/* Organisations, as the platform admin manages them (the route checks the role). */

export async function organisations(deps: Deps, q: OrganisationQuery): Promise<OrganisationPage> {
  const { items, total } = await organisationPage(deps.db.kysely, q, q.page, q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function createOrganisation(
  deps: Deps,
  actor: Actor,
  b: NewOrganisationBody,
): Promise<AdminOrganisation> {
  const id = randomUUID();
  const at = deps.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await insertOrganisation(trx, { id, ...b, at: at.toISOString() });
    await appendAdminAudit(trx, {
      actor: actor.id,
      action: 'organisation_created',
      target: { kind: 'organisation', id },
      detail: b,
      at,
    });
  });
  const created = await findAdminOrganisation(deps.db.kysely, id);
  if (!created) throw new Error(`organisation ${id} vanished after insert`);
  return created;
}

export async function changeOrganisation(
  deps: Deps,
  actor: Actor,
  id: string,
  b: OrganisationChangeBody,
): Promise<AdminOrganisation> {
  const db = deps.db.kysely;
  const before = await findAdminOrganisation(db, id);
  if (!before) throw new DomainError('not_found', { what: 'organisation', id });
  const at = deps.now();
  await db.transaction().execute(async (trx) => {
    await updateOrganisation(trx, id, b);
    await appendAdminAudit(trx, {
      actor: actor.id,
      action: 'organisation_changed',
      target: { kind: 'organisation', id },
      detail: { before: pick(before, b), after: b },
      at,
    });
  });
  const after = await findAdminOrganisation(db, id);
  if (!after) throw new DomainError('not_found', { what: 'organisation', id });
  return after;
}

/** The fields a change names, as they were: the audit entry says from what to what. */
function pick(o: AdminOrganisation, change: OrganisationChangeBody): Record<string, unknown> {
  const was: Record<string, unknown> = {
    name: o.name,
    shortName: o.shortName,
    kind: o.kind,
    region: o.region,
    regionLevel: o.regionLevel,
  };
  return Object.fromEntries(Object.keys(change).map((k) => [k, was[k]]));
}

import { randomUUID } from 'node:crypto';
import { checkTitles, textOf } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import {
  type DeclaredTitle,
  declaredTitles,
  findDeclaredTitle,
  insertDeclaredTitle,
  revokeDeclaredTitle,
} from '../db/repositories/organisation-titles.ts';
import type { Programme } from '../db/repositories/programmes.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { cohortTiers, Rankings, type TitleRecord } from './programme-cohort.ts';
import { regionCovers } from './programmes.ts';

/*
 * An organisation's previous titles (issue 18): the tiers closed calls
 * awarded it, and the titles an office or admin declared with the document
 * they rest on (titles from before the platform, or from another body).
 * Titles are public facts in the schemes (认定名单 are published), so an
 * office may read and declare them for any organisation in its region; the
 * organisation reads its own.
 */

export interface TitleCheckView {
  tier: string;
  title: string;
  years: number;
  met: boolean;
  heldSince: string | null;
  metFrom: string | null;
}

/** Each tier's title rule against the organisation's titles, on the call's closing day. */
export async function titleChecksFor(
  deps: Deps,
  orgId: string,
  p: Programme,
  rankings: Rankings = new Rankings(deps),
): Promise<TitleCheckView[]> {
  if (Object.keys(p.titleRules).length === 0) return [];
  const held = (await rankings.titlesOf([orgId], p)).get(orgId) ?? [];
  return checkTitles(held, p.titleRules, p.closesOn).map((c) => ({
    tier: c.tier,
    title: c.rule.title,
    years: c.rule.years,
    met: c.met,
    heldSince: c.held?.since ?? null,
    metFrom: c.metFrom,
  }));
}

/**
 * Whether the whole call is out of reach: every tier the call awards asks
 * for a title the organisation fails. A call with one tier open to anyone
 * still takes the application; the ranking then says which tiers it may get.
 */
export function callBarred(p: Programme, tiers: readonly string[], checks: TitleCheckView[]) {
  if (tiers.length === 0) return false;
  return tiers.every((t) => p.titleRules[t] && checks.some((c) => c.tier === t && !c.met));
}

/** The tiers a call awards (the floor tier left out), for `callBarred`, and their zh labels. */
export async function awardedTiers(
  deps: Deps,
  p: Programme,
): Promise<{ ids: string[]; label: (id: string) => string }> {
  const { definition } = await deps.definitions.get(`${p.definitionId}@${p.definitionVersion}`);
  return {
    ids: cohortTiers(p, definition).map((t) => t.id),
    label: (id) => textOf(definition.tiers.find((t) => t.id === id)?.label, 'zh') || id,
  };
}

const isOfficeActor = (actor: Actor) =>
  actor.role === 'admin' || (actor.role === 'respondent' && actor.orgKind === 'city');

/** The organisation if the actor may read its titles: itself, an office over its region, an admin. */
async function visibleOrganisation(deps: Deps, actor: Actor, orgId: string, write = false) {
  const org = await deps.db.kysely
    .selectFrom('organisations')
    .select(['id', 'name', 'region'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  const own = actor.orgId === orgId && !write;
  const office =
    isOfficeActor(actor) &&
    (actor.role === 'admin' ||
      (org !== undefined &&
        actor.orgId !== orgId &&
        regionCovers(actor.orgRegion ?? '', org.region)));
  if (!org || !(own || office))
    throw new DomainError('not_found', { what: 'organisation', id: orgId });
  return { id: org.id, name: org.name };
}

export interface OrganisationTitles {
  organisation: { id: string; name: string };
  held: TitleRecord[];
  declarations: DeclaredTitle[];
}

export async function titlesOfOrganisation(
  deps: Deps,
  actor: Actor,
  orgId: string,
): Promise<OrganisationTitles> {
  const organisation = await visibleOrganisation(deps, actor, orgId);
  const held = (await new Rankings(deps).titlesOf([orgId])).get(orgId) ?? [];
  return { organisation, held, declarations: await declaredTitles(deps.db.kysely, [orgId]) };
}

/**
 * An office (for an organisation in its region, never its own) or an admin
 * declares a title with the document it rests on. The row keeps who and
 * when; it is never deleted.
 */
export async function declareTitle(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: { title: string; since: string; source: string },
): Promise<DeclaredTitle> {
  if (!isOfficeActor(actor)) throw new DomainError('not_permitted', { roles: ['admin'] });
  await visibleOrganisation(deps, actor, orgId, true);
  const id = randomUUID();
  await insertDeclaredTitle(deps.db.kysely, {
    id,
    orgId,
    title: input.title,
    since: input.since,
    source: input.source,
    by: actor.id,
    byOrg: actor.orgId,
    at: deps.now().toISOString(),
  });
  const made = await findDeclaredTitle(deps.db.kysely, id);
  if (!made) throw new Error('title vanished after insert');
  return made;
}

/** Revokes a declaration (declared by mistake, or the title was lost), saying why. Once. */
export async function revokeTitle(
  deps: Deps,
  actor: Actor,
  orgId: string,
  titleId: string,
  reason: string,
): Promise<DeclaredTitle> {
  if (!isOfficeActor(actor)) throw new DomainError('not_permitted', { roles: ['admin'] });
  await visibleOrganisation(deps, actor, orgId, true);
  const db = deps.db.kysely;
  const t = await findDeclaredTitle(db, titleId);
  if (!t || t.orgId !== orgId)
    throw new DomainError('not_found', { what: 'organisation', id: titleId });
  await revokeDeclaredTitle(db, titleId, { by: actor.id, at: deps.now().toISOString(), reason });
  const after = await findDeclaredTitle(db, titleId);
  if (!after) throw new Error('title vanished after revoke');
  return after;
}

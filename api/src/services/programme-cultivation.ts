import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/session.ts';
import { findProgramme, insertProgramme, type Programme } from '../db/repositories/programmes.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { Rankings } from './programme-cohort.ts';
import { isOffice, todayFor, windowOf } from './programmes.ts';

/*
 * Yearly review of enterprises in cultivation (domain.md §4: titles are
 * reviewed every year; missing two yearly reviews loses the right to
 * re-assessment). A yearly call links to last year's by `previousId`; the
 * chain of calls is the programme's history. An organisation is in
 * cultivation once a closed call of the chain awarded it a tier; every
 * later closed call it did not apply to is a missed review.
 */

/** The threshold is the national rule's (国知办函运字〔2023〕572号, domain.md §4 [read, high]). */
export const MISSED_REVIEWS_FLAG = 2;

const shiftYear = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // 29 February has no twin next year: the call closes on the 28th.
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Next year's call: the same settings, the window a year later, linked to this one. */
export async function nextYear(deps: Deps, actor: Actor, id: string): Promise<Programme> {
  const db = deps.db.kysely;
  const p = await findProgramme(db, id);
  if (!p || !isOffice(actor, p)) throw new DomainError('not_found', { what: 'programme', id });
  const next = {
    ...p,
    id: randomUUID(),
    opensOn: shiftYear(p.opensOn),
    closesOn: shiftYear(p.closesOn),
    recurrence: 'yearly' as const,
    previousId: p.id,
    createdAt: deps.now().toISOString(),
    createdBy: actor.id,
  };
  await insertProgramme(db, next);
  const created = await findProgramme(db, next.id);
  if (!created) throw new Error('programme vanished after insert');
  return created;
}

/** The calls of a chain, oldest first, ending at `p` (at most 50 back). */
export async function chainOf(deps: Deps, p: Programme): Promise<Programme[]> {
  const chain = [p];
  let at = p;
  for (let i = 0; i < 50 && at.previousId; i++) {
    const prev = await findProgramme(deps.db.kysely, at.previousId);
    if (!prev || prev.ownerOrgId !== p.ownerOrgId) break;
    chain.unshift(prev);
    at = prev;
  }
  return chain;
}

export interface CultivationLine {
  organisation: { id: string; name: string };
  awarded: { programme: string; title: string; tier: string };
  /** Closed calls after the award that the organisation did not apply to. */
  missed: { programme: string; title: string }[];
  flagged: boolean;
}

/** The organisations in cultivation along this call's chain, and the reviews each missed. */
export async function cultivationOf(
  deps: Deps,
  actor: Actor,
  id: string,
  rankings: Rankings = new Rankings(deps),
): Promise<CultivationLine[]> {
  const p = await findProgramme(deps.db.kysely, id);
  if (!p || !isOffice(actor, p)) throw new DomainError('not_found', { what: 'programme', id });
  return cultivationAlong(deps, await chainOf(deps, p), rankings);
}

/**
 * Cultivation along a chain of calls (oldest first). Each closed call is
 * ranked once through `rankings`, however many chains or requests in this
 * request ask for it (the dashboard walks every chain of an office).
 */
export async function cultivationAlong(
  deps: Deps,
  chain: readonly Programme[],
  rankings: Rankings,
): Promise<CultivationLine[]> {
  const today = todayFor(deps);
  const closed = chain.filter((c) => windowOf(c, today) === 'closed');
  const lines = new Map<string, CultivationLine>();
  for (const call of closed) {
    const ranked = await rankings.call(call);
    const placed = new Map(ranked.cohort?.placements.map((x) => [x.id, x.tier]));
    const applied = new Set(ranked.live.map((a) => a.orgId));
    for (const line of lines.values())
      if (!applied.has(line.organisation.id))
        line.missed.push({ programme: call.id, title: call.title });
    for (const a of ranked.live) {
      const awarded = placed.get(a.assessmentId) ?? null;
      if (awarded === null || lines.has(a.orgId)) continue;
      lines.set(a.orgId, {
        organisation: { id: a.orgId, name: a.orgName },
        awarded: { programme: call.id, title: call.title, tier: awarded },
        missed: [],
        flagged: false,
      });
    }
  }
  return [...lines.values()]
    .map((l) => ({ ...l, flagged: l.missed.length >= MISSED_REVIEWS_FLAG }))
    .sort(
      (a, b) =>
        Number(b.flagged) - Number(a.flagged) ||
        b.missed.length - a.missed.length ||
        a.organisation.name.localeCompare(b.organisation.name, 'zh'),
    );
}

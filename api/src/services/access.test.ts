import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/session.ts';
import { DomainError } from '../domain/errors.ts';
import { type Client, type Harness, harness, sampleAnswers } from '../testing/harness.ts';
import { assessmentFor, scopeOf, visibleRelation } from './access.ts';

/*
 * The one door to an assessment (access.ts), called directly with actors built here, so
 * that cases no route can produce are covered too: an admin placed in the respondent's
 * own organisation, and a reviewer handed a draft row.
 */
describe('who sees an assessment, and as what', () => {
  let h: Harness;
  let alice: Client;
  let admin: Client;
  let draftId: string;
  let soloId: string; // submitted, rita alone assigned
  let pairId: string; // submitted, rita assigned first (leads), then rob

  const actor = (id: string, role: Actor['role'], orgId: string): Actor => ({
    id,
    email: `${id}@example.cn`,
    name: id,
    role,
    orgId,
    orgName: orgId,
    orgKind: 'enterprise',
    orgRegion: null,
    sessionId: 's',
  });
  const aliceA = () => actor(h.users.alice.id, 'respondent', 'org-a');
  const bobB = () => actor(h.users.bob.id, 'respondent', 'org-b');
  const rita = () => actor(h.users.rita.id, 'reviewer', 'reviews');
  const rob = () => actor(h.users.rob.id, 'reviewer', 'reviews');

  const notFound = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code: 'not_found', params: { what: 'assessment' } });
  };

  beforeAll(async () => {
    h = await harness('sqlite');
    [alice, admin] = await Promise.all([h.as('alice'), h.as('admin')]);
    const answers = sampleAnswers('gbt29490-2023/ready-manufacturer');
    const create = async () =>
      (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023', answers })).body;
    const submit = async () => {
      const a = await create();
      const s = await alice.req('POST', `/api/assessments/${a.id}/submit`, {
        revision: a.revision,
      });
      expect(s.status).toBe(200);
      return a.id as string;
    };
    const assign = async (id: string, reviewerId: string) =>
      expect(
        (await admin.req('POST', `/api/assessments/${id}/reviewers`, { reviewerId })).status,
      ).toBe(204);
    draftId = (await create()).id;
    soloId = await submit();
    await assign(soloId, h.users.rita.id);
    pairId = await submit();
    await assign(pairId, h.users.rita.id);
    await assign(pairId, h.users.rob.id);
  }, 120_000); // migrations, seeding and scrypt on a busy machine
  afterAll(() => h?.close());

  it('scopes a reviewer by assignment and everyone else by organisation', () => {
    expect(scopeOf(rita())).toEqual({ reviewerId: h.users.rita.id });
    expect(scopeOf(aliceA())).toEqual({ orgId: 'org-a' });
    expect(scopeOf(actor('u-admin', 'admin', 'platform'))).toEqual({ orgId: 'platform' });
  });

  it('gives the owner their draft, as owner and not assigned', async () => {
    const v = await assessmentFor(h.deps.db.kysely, aliceA(), draftId);
    expect(v.row.id).toBe(draftId);
    expect(v.row.status).toBe('draft');
    expect(v.relation).toEqual({ role: 'respondent', owner: true, assigned: false });
  });

  it('answers another organisation, and an id that does not exist, with the same 404', async () => {
    await notFound(assessmentFor(h.deps.db.kysely, bobB(), draftId));
    await notFound(assessmentFor(h.deps.db.kysely, aliceA(), 'no-such-id'));
  });

  it('never opens the door to an admin, even one placed in the owning organisation', async () => {
    // Through the organisation scope this admin would find the row: only the role check stops it.
    await notFound(assessmentFor(h.deps.db.kysely, actor('u-admin', 'admin', 'org-a'), soloId));
  });

  it('gives an assigned reviewer the submission, as assigned and lead when alone', async () => {
    const v = await assessmentFor(h.deps.db.kysely, rita(), soloId);
    expect(v.row.id).toBe(soloId);
    expect(v.relation).toEqual({ role: 'reviewer', owner: false, assigned: true, lead: true });
    // Not assigned: 404, as for a stranger.
    await notFound(assessmentFor(h.deps.db.kysely, rob(), soloId));
  });

  it('of two reviewers, the first assigned leads and the other does not', async () => {
    const first = await assessmentFor(h.deps.db.kysely, rita(), pairId);
    const second = await assessmentFor(h.deps.db.kysely, rob(), pairId);
    expect(first.relation).toEqual({ role: 'reviewer', owner: false, assigned: true, lead: true });
    expect(second.relation).toEqual({
      role: 'reviewer',
      owner: false,
      assigned: true,
      lead: false,
    });
  });

  it('hides a draft from a reviewer, even one found through an assignment', async () => {
    const row = { id: soloId, org_id: 'org-a', status: 'draft' };
    await notFound(visibleRelation(h.deps.db.kysely, rita(), row));
    // The owner's relation to the same row does not depend on its state.
    expect(await visibleRelation(h.deps.db.kysely, aliceA(), row)).toEqual({
      role: 'respondent',
      owner: true,
      assigned: false,
    });
  });
});

import { allowedActions } from '@zhiping/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Assessment, findAssessment } from '../db/repositories/assessments.ts';
import { type Client, type Harness, harness, sampleAnswers } from '../testing/harness.ts';
import { detailOf, selfResult, summaryOf } from './present.ts';

/*
 * Assessments as the contract shows them (present.ts), field by field. The sample is
 * ready-manufacturer, whose total is worked out by hand in test/criteria/gbt29490-2023:
 * 100 less six gaps (0.710 + 0.515 + 0.433 + 0.385 + 0.375 + 0.277) = 97.3054, tier 可以申请认证.
 */
describe('an assessment as the contract shows it', () => {
  let h: Harness;
  let alice: Client;
  let rita: Client;
  let admin: Client;
  const answers = sampleAnswers('gbt29490-2023/ready-manufacturer');
  const owner = { role: 'respondent', owner: true, assigned: false } as const;

  beforeAll(async () => {
    h = await harness('sqlite');
    [alice, rita, admin] = await Promise.all([h.as('alice'), h.as('rita'), h.as('admin')]);
  }, 120_000); // migrations, seeding and scrypt on a busy machine
  afterAll(() => h?.close());

  const stored = async (id: string): Promise<Assessment> => {
    const row = await findAssessment(h.deps.db.kysely, id, 'all');
    if (!row) throw new Error(`${id} was not stored`);
    return row;
  };
  const draft = async (title: string) => {
    const res = await alice.req('POST', '/api/assessments', {
      definition: 'gbt29490-2023',
      title,
      answers,
      asOf: '2026-11-18',
    });
    expect(res.status).toBe(201);
    return stored(res.body.id);
  };
  const defOf = (row: Assessment) =>
    h.deps.definitions.get(`${row.definition_id}@${row.definition_version}`);

  it('summarises a draft with its live result at its date', async () => {
    const row = await draft('二〇二六年自评');
    const s = await summaryOf(h.deps.definitions, row, '澄湖精密传动');
    expect(s).toEqual({
      id: row.id,
      title: '二〇二六年自评',
      status: 'draft',
      revision: row.revision,
      definition: {
        id: 'gbt29490-2023',
        version: '2.1.0',
        ref: 'gbt29490-2023@2.1.0',
        title: 'GB/T 29490-2023 企业知识产权合规管理体系：认证准备度自评',
      },
      organisation: { id: 'org-a', name: '澄湖精密传动' },
      asOf: '2026-11-18',
      score: 97.3054,
      verdict: '可以申请认证',
      progress: { answered: expect.any(Number), applicable: expect.any(Number) },
      submittedAt: null,
      updatedAt: row.updated_at,
    });
    // Every applicable item of the sample is answered.
    expect(s.progress?.answered).toBe(s.progress?.applicable);
    expect(s.progress?.applicable).toBeGreaterThan(60);
  });

  it('reads the frozen result of a submission, and scores only a draft', async () => {
    const row = await draft('冻结');
    const def = await defOf(row);
    expect(row.result).toBeNull();
    expect(selfResult(row, def).total.score).toBe(97.3054);
    // A stored result is what was frozen, whatever the answers would give now.
    const frozen = { ...selfResult(row, def), total: { score: 12.5, points: 1, max: 8 } };
    expect(selfResult({ ...row, result: frozen }, def)).toBe(frozen);
    expect((await summaryOf(h.deps.definitions, { ...row, result: frozen }, 'x')).score).toBe(12.5);
  });

  it('shows a cited file under its stored name and leaves other answers as they are', async () => {
    const row = await draft('证据');
    const up = await h.app.request(`/api/assessments/${row.id}/files?name=budget.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie: alice.cookie ?? '' },
      body: new Uint8Array(Buffer.from('%PDF-1.7\n          ')),
    });
    expect(up.status).toBe(201);
    const file = JSON.parse(await up.text());
    const cited = {
      ...row.answers,
      'c7.1.budget-evidence': { files: [{ id: file.id, name: '改过的名字.docx' }], note: 'n' },
    };
    const d = await detailOf(
      h.deps.db.kysely,
      h.deps.definitions,
      { ...row, answers: cited },
      owner,
    );
    expect(d.answers['c7.1.budget-evidence']).toEqual({
      files: [{ id: file.id, name: 'budget.pdf' }],
      note: 'n',
    });
    // Malformed stored answers (a null answer, file entries that are not files) pass unchanged.
    const odd = await detailOf(
      h.deps.db.kysely,
      h.deps.definitions,
      {
        ...row,
        answers: {
          ...cited,
          'x.null': null,
          'c7.5.manual-file': { files: [null, 'junk', {}, { id: file.id, name: 'x' }] },
        } as never,
      },
      owner,
    );
    expect(odd.answers['x.null']).toBeNull();
    expect(odd.answers['c7.5.manual-file']).toStrictEqual({
      files: [null, 'junk', {}, { id: file.id, name: 'budget.pdf' }],
    });
    // A plain answer, a list and a reference-only piece of evidence pass unchanged.
    expect(d.answers['p.manufactures']).toBe(true);
    expect(d.answers['c4.5.ip-types']).toEqual(answers['c4.5.ip-types']);
    expect(d.answers['c7.5.manual-file']).toEqual(answers['c7.5.manual-file']);
  });

  it('details a draft: hashes, position, no review, what the owner may do', async () => {
    const row = await draft('详情');
    const d = await detailOf(h.deps.db.kysely, h.deps.definitions, row, owner);
    expect(d).toMatchObject({
      id: row.id,
      status: 'draft',
      organisation: { id: 'org-a', name: '机构 org-a' },
      definitionHash: row.definition_hash,
      position: row.position,
      submissionHash: null,
      reviewedResult: null,
      reviewed: null,
      reviewers: [],
      reviews: [],
      decision: null,
      can: allowedActions('draft', owner),
    });
    expect(d.can.edit).toBe(true);
    expect(d.answers).toEqual(row.answers);
    expect(d.result.total.score).toBe(97.3054);
    // An organisation that cannot be found shows an empty name rather than failing.
    const lost = await detailOf(
      h.deps.db.kysely,
      h.deps.definitions,
      { ...row, org_id: 'gone' },
      owner,
    );
    expect(lost.organisation).toEqual({ id: 'gone', name: '' });
  });

  it('details a decided submission with its decision and reviewer', async () => {
    const row = await draft('已决定');
    expect(
      (await alice.req('POST', `/api/assessments/${row.id}/submit`, { revision: row.revision }))
        .status,
    ).toBe(200);
    expect(
      (
        await admin.req('POST', `/api/assessments/${row.id}/reviewers`, {
          reviewerId: h.users.rita.id,
        })
      ).status,
    ).toBe(204);
    const approved = await rita.req('POST', `/api/assessments/${row.id}/decision`, {
      outcome: 'approve',
      agreeRest: true,
      comment: '同意',
    });
    expect(approved.status).toBe(200);
    const decided = await stored(row.id);
    const d = await detailOf(h.deps.db.kysely, h.deps.definitions, decided, owner);
    expect(d.status).toBe('decided');
    expect(d.submittedAt).toBe(decided.submitted_at);
    expect(d.submittedAt).not.toBeNull();
    expect(d.submissionHash).toBe(decided.submission_hash);
    expect(d.submissionHash).toMatch(/\S/);
    expect(d.decision).toEqual({
      outcome: 'approve',
      comment: '同意',
      reviewer: { id: h.users.rita.id, name: 'rita' },
      at: decided.decided_at,
    });
    // Every item agreed: the reviewed score is the self-assessed one.
    expect(d.reviewed).toMatchObject({ score: 97.3054 });
    expect(d.reviewedResult?.total.score).toBe(97.3054);
    expect(d.can).toEqual(allowedActions('decided', owner));
    // A decider whose account is gone is still named by id.
    const orphan = await detailOf(
      h.deps.db.kysely,
      h.deps.definitions,
      { ...decided, decided_by: 'u-gone' },
      owner,
    );
    expect(orphan.decision?.reviewer).toEqual({ id: 'u-gone', name: '' });
    const nobody = await detailOf(
      h.deps.db.kysely,
      h.deps.definitions,
      { ...decided, decided_by: null },
      owner,
    );
    expect(nobody.decision?.reviewer).toEqual({ id: '', name: '' });
    // No comment stored: an empty one.
    const silent = await detailOf(
      h.deps.db.kysely,
      h.deps.definitions,
      { ...decided, decision_comment: null },
      owner,
    );
    expect(silent.decision?.comment).toBe('');
    // A decision without its date is not shown as one.
    const undated = await detailOf(
      h.deps.db.kysely,
      h.deps.definitions,
      { ...decided, decided_at: null },
      owner,
    );
    expect(undated.decision).toBeNull();
  });
});

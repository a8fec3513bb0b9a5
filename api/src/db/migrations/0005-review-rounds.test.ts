import { score } from '@zhiping/forms';
import { loadBuiltins } from '@zhiping/forms/node';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleAnswers } from '../../testing/harness.ts';
import { initial } from './0001-initial.ts';
import { answerHash, reviewRounds } from './0005-review-rounds.ts';

/*
 * An install from before rounds: its submitted assessments become round 1,
 * their judgements round-1 judgements of the answers they judged, and the
 * first reviewer assigned leads. A draft gets no round.
 */
describe('migration 0005 on an existing database', () => {
  const sqlite = new SQLite(':memory:');
  // The fixture names no published definition row: only what the backfill reads matters here.
  sqlite.pragma('foreign_keys = OFF');
  // biome-ignore lint/suspicious/noExplicitAny: the schema as it was before the migration
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  afterAll(() => db.destroy());

  it('turns each submission into round 1 with its judgements and a lead', async () => {
    await initial('sqlite').up(db);
    const at = '2026-11-01T08:00:00.000Z';
    await db
      .insertInto('organisations')
      .values([
        { id: 'o', name: '企业', kind: 'enterprise', region: null, created_at: at },
        { id: 'r', name: '评审机构', kind: 'review-body', region: null, created_at: at },
      ])
      .execute();
    await db
      .insertInto('users')
      .values(
        ['alice', 'rita', 'rob'].map((n) => ({
          id: n,
          org_id: n === 'alice' ? 'o' : 'r',
          email: `${n}@x.cn`,
          name: n,
          role: n === 'alice' ? 'respondent' : 'reviewer',
          password_hash: '!',
          created_at: at,
        })),
      )
      .execute();
    const answers = sampleAnswers('gbt29490-2023/nearly-ready-software');
    const result = score(loadBuiltins().get('gbt29490-2023'), answers, { asOf: '2026-11-01' });
    const row = (id: string, submitted: boolean) => ({
      id,
      org_id: 'o',
      definition_id: 'gbt29490-2023',
      definition_version: '1.0.0',
      definition_hash: 'h',
      title: id,
      status: submitted ? 'decided' : 'draft',
      revision: 3,
      answers: JSON.stringify(answers),
      as_of: '2026-11-01',
      position: null,
      result: submitted ? JSON.stringify(result) : null,
      submission_hash: submitted ? 'sha256:seal' : null,
      submitted_at: submitted ? at : null,
      decision: submitted ? 'approve' : null,
      decision_comment: submitted ? '' : null,
      decided_by: submitted ? 'rob' : null,
      decided_at: submitted ? at : null,
      created_by: 'alice',
      created_at: at,
      updated_at: at,
    });
    await db
      .insertInto('assessments')
      .values([row('old', true), row('draft', false)])
      .execute();
    await db
      .insertInto('assignments')
      .values([
        { assessment_id: 'old', reviewer_id: 'rob', assigned_by: 'admin', assigned_at: at },
        {
          assessment_id: 'old',
          reviewer_id: 'rita',
          assigned_by: 'admin',
          assigned_at: '2026-11-02T08:00:00.000Z',
        },
      ])
      .execute();
    const item = result.items.find((i) => i.weight > 0)?.id ?? '';
    await db
      .insertInto('item_reviews')
      .values({
        assessment_id: 'old',
        item_id: item,
        reviewer_id: 'rob',
        verdict: 'override',
        status: 'unmet',
        points: null,
        reason: '未见记录',
        comment: null,
        updated_at: at,
      })
      .execute();

    await reviewRounds().up(db);

    const rounds = await db.selectFrom('rounds').selectAll().execute();
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({
      assessment_id: 'old',
      number: 1,
      seal: 'sha256:seal',
      decision: 'approve',
      self_score: result.total.score,
      self_tier: result.verdict.tier,
      reviewed_result: null, // frozen by the service on first read
    });
    const judgements = await db.selectFrom('judgements').selectAll().execute();
    expect(judgements).toEqual([
      expect.objectContaining({
        round: 1,
        item_id: item,
        reviewer_id: 'rob',
        kind: 'own',
        state: 'current',
        judged_round: 1,
        answer_hash: answerHash(answers[item]),
      }),
    ]);
    const leads = await db
      .selectFrom('assignments')
      .select(['reviewer_id', 'lead'])
      .orderBy('reviewer_id')
      .execute();
    expect(leads).toEqual([
      { reviewer_id: 'rita', lead: 0 },
      { reviewer_id: 'rob', lead: 1 },
    ]);
  });
});

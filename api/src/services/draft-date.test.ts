import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssessment } from '../db/repositories/assessments.ts';
import { type Client, type Harness, harness, sampleAnswers } from '../testing/harness.ts';
import { selfResult } from './present.ts';

/*
 * A draft has no frozen result: it is scored live, at its own assessment date.
 * gbt29490-2023's g.running holds once the system has run more than 3 calendar
 * months: started 2026-03-02, that is from 2026-06-03 (2026-06-02 is exactly
 * 3 months, not more). Scored without its date the gate would stay unknown.
 */
describe('a draft is scored at its assessment date', () => {
  let h: Harness;
  let alice: Client;
  const answers = sampleAnswers('gbt29490-2023/ready-manufacturer'); // pre.started 2026-03-02

  beforeAll(async () => {
    h = await harness('sqlite');
    alice = await h.as('alice');
  });
  afterAll(() => h?.close());

  async function draftAt(asOf: string) {
    const res = await alice.req('POST', '/api/assessments', {
      definition: 'gbt29490-2023',
      title: `草稿 ${asOf}`,
      answers,
      asOf,
    });
    expect(res.status).toBe(201);
    const row = await findAssessment(h.deps.db.kysely, res.body.id, 'all');
    if (!row) throw new Error('the draft was not stored');
    expect(row.status).toBe('draft');
    expect(row.result).toBeNull();
    const def = await h.deps.definitions.get(`${row.definition_id}@${row.definition_version}`);
    return { id: res.body.id as string, row, result: selfResult(row, def) };
  }

  const running = (r: { gates: { id: string; outcome: string; eligibleFrom?: string }[] }) =>
    r.gates.find((g) => g.id === 'g.running');

  it('on the day the system has run exactly 3 months: the gate fails, eligible the next day', async () => {
    const { id, result } = await draftAt('2026-06-02');
    expect(running(result)).toMatchObject({ outcome: 'failed', eligibleFrom: '2026-06-03' });
    // The detail and the list read the same live result.
    const detail = (await alice.get(`/api/assessments/${id}`)).body;
    expect(running(detail.result)).toMatchObject({ outcome: 'failed', eligibleFrom: '2026-06-03' });
    expect(detail.result.total.score).toBe(result.total.score);
  });

  it('a day later: the gate passes', async () => {
    const { id, result } = await draftAt('2026-06-03');
    expect(running(result)?.outcome).toBe('passed');
    const detail = (await alice.get(`/api/assessments/${id}`)).body;
    expect(running(detail.result)?.outcome).toBe('passed');
    const listed = (await alice.get('/api/assessments')).body;
    const items: { id: string; verdict: unknown }[] = Array.isArray(listed) ? listed : listed.items;
    expect(items.find((x) => x.id === id)?.verdict).toEqual(result.verdict.label);
  });

  it('moving the date of a draft moves its result', async () => {
    const { id, row } = await draftAt('2026-06-03');
    const moved = await alice.req('PATCH', `/api/assessments/${id}`, {
      revision: row.revision,
      asOf: '2026-06-02',
    });
    expect(moved.status).toBe(200);
    const detail = (await alice.get(`/api/assessments/${id}`)).body;
    expect(detail.asOf).toBe('2026-06-02');
    expect(running(detail.result)?.outcome).toBe('failed');
  });
});

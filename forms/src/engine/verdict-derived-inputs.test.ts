import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { score } from './score.ts';

/*
 * A gate decided as not applicable (whenNotApplicable) only when answering more cannot
 * decide it (verdict.ts). Two ways a question can still be open behind a derived value,
 * found by the mutation run of 2026-11-29 (MUTATION.md): an item shown by a condition on
 * a derived value, and an empty computed item whose inputs are unanswered.
 *
 *   q.n (number), d.n = q.n + 0, y (yes/no) shown when d.n ≥ 1
 *   q.a, q.b (numbers), d.ratio = q.a / q.b, c.ratio (computed, shows d.ratio)
 *   q.make (yes/no), p.audit (yes/no) shown when q.make is true
 *   q.m (number), d.m = q.m + 0, c.m (computed, shows d.m), z (yes/no) shown when c.m ≥ 1
 */
const def = Definition.parse({
  id: 'verdict-derived-inputs',
  version: '1.0.0',
  family: 'gbt29490',
  title: '经派生值读取的门槛',
  audience: ['enterprise'],
  sections: [
    {
      id: 's',
      title: '概况',
      items: [
        { id: 'q.n', kind: 'number', prompt: '数量' },
        {
          id: 'y',
          kind: 'yesno',
          prompt: '有吗？',
          visibleWhen: { op: 'gte', ref: 'd.n', value: 1 },
        },
        { id: 'q.a', kind: 'number', prompt: '甲' },
        { id: 'q.b', kind: 'number', prompt: '乙' },
        { id: 'c.ratio', kind: 'computed', prompt: '甲比乙', value: 'd.ratio' },
        { id: 'q.make', kind: 'yesno', prompt: '有生产吗？' },
        { id: 'q.m', kind: 'number', prompt: '件数' },
        { id: 'c.m', kind: 'computed', prompt: '件数（计算）', value: 'd.m' },
        {
          id: 'z',
          kind: 'yesno',
          prompt: '有记录吗？',
          visibleWhen: { op: 'gte', ref: 'c.m', value: 1 },
        },
        {
          id: 'p.audit',
          kind: 'yesno',
          prompt: '审核了吗？',
          visibleWhen: { op: 'eq', ref: 'q.make', value: true },
        },
      ],
    },
  ],
  derived: [
    { id: 'd.n', label: '数量', expr: { op: 'add', args: [{ ref: 'q.n' }, 0] } },
    { id: 'd.m', label: '件数', expr: { op: 'add', args: [{ ref: 'q.m' }, 0] } },
    { id: 'd.ratio', label: '比', expr: { op: 'div', args: [{ ref: 'q.a' }, { ref: 'q.b' }] } },
  ],
  gates: [
    {
      id: 'g.y',
      title: '有',
      condition: { op: 'eq', ref: 'y', value: true },
      failMessage: '没有',
      whenNotApplicable: 'pass',
    },
    {
      id: 'g.z',
      title: '有记录',
      condition: { op: 'eq', ref: 'z', value: true },
      failMessage: '没有记录',
      whenNotApplicable: 'pass',
    },
    {
      id: 'g.mix',
      title: '审核且比值够',
      condition: {
        op: 'all',
        of: [
          { op: 'eq', ref: 'p.audit', value: true },
          { op: 'gte', ref: 'c.ratio', value: 1 },
        ],
      },
      failMessage: '不够',
      whenNotApplicable: 'pass',
    },
  ],
  tiers: [{ id: 'low', label: '起步' }],
});
const gateOf = (answers: Record<string, unknown>, id: string) => {
  const g = score(def, answers as never, { asOf: '2026-11-30' }).gates.find((x) => x.id === id);
  if (!g) throw new Error(`no gate ${id}`);
  return g;
};

describe('an item shown by a condition on a derived value', () => {
  it('is still open while the question behind the derived value is unanswered', () => {
    // q.n unanswered: d.n has no value, y is hidden, but answering q.n = 5 would show it.
    const g = gateOf({}, 'g.y');
    expect(g.outcome).toBe('unknown');
    expect(g).not.toHaveProperty('notApplicable');
  });

  it('does not apply once that question is answered and keeps it hidden', () => {
    // q.n = 0: d.n = 0 < 1 hides y for good.
    expect(gateOf({ 'q.n': 0 }, 'g.y')).toMatchObject({ outcome: 'passed', notApplicable: true });
  });
});

describe('an item shown by a condition on a computed item', () => {
  it('is still open while the question the computed item is made from is unanswered', () => {
    // q.m unanswered: c.m is empty, z hidden; q.m = 5 would show z.
    const g = gateOf({}, 'g.z');
    expect(g.outcome).toBe('unknown');
    expect(g).not.toHaveProperty('notApplicable');
  });

  it('does not apply once that question is answered and keeps it hidden', () => {
    // q.m = 0: c.m = 0 < 1.
    expect(gateOf({ 'q.m': 0 }, 'g.z')).toMatchObject({ outcome: 'passed', notApplicable: true });
  });
});

describe('an empty computed item beside an item that does not apply', () => {
  it('is an open question while an input it is computed from is unanswered', () => {
    // p.audit hidden by q.make false; c.ratio empty because q.b is unanswered: q.b = 10 would
    // make 5 / 10 = 0.5 < 1 and fail the gate, so it cannot pass as not applicable yet.
    const g = gateOf({ 'q.make': false, 'q.a': 5 }, 'g.mix');
    expect(g.outcome).toBe('unknown');
    expect(g).not.toHaveProperty('notApplicable');
  });

  it('is no open question when every input is answered and it still has no value', () => {
    // 5 / 0 has no value whatever is answered next.
    expect(gateOf({ 'q.make': false, 'q.a': 5, 'q.b': 0 }, 'g.mix')).toMatchObject({
      outcome: 'passed',
      notApplicable: true,
    });
  });
});

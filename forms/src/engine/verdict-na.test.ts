import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { score } from './score.ts';

/*
 * Gates decided as not applicable, and dates on gates (verdict.ts): which inputs count as
 * "does not apply", which as "still open", and when a gate says from when it will pass.
 * Survivors of the mutation run of 2026-11-29 (MUTATION.md); each case is worked out by
 * hand from the definition below.
 *
 *   early (index 0, shown when q.make is true): e.audit
 *   profile: q.make, q.count, q.base, q.records (may be answered 不适用), c.rate = q.count / q.base,
 *            q.high (shown when c.rate ≥ 1)
 *   prod (shown when q.make is true): p.has, p.audit (shown when p.has is true)
 */
const gate = (id: string, condition: unknown, extra: Record<string, unknown> = {}) => ({
  id,
  title: id,
  condition,
  failMessage: `${id} 未通过`,
  ...extra,
});
const pass = { whenNotApplicable: 'pass' };
const def = Definition.parse({
  id: 'verdict-na',
  version: '1.0.0',
  family: 'gbt29490',
  title: '不适用的门槛',
  audience: ['enterprise'],
  sections: [
    {
      id: 'early',
      title: '前置',
      visibleWhen: { op: 'eq', ref: 'q.make', value: true },
      items: [{ id: 'e.audit', kind: 'yesno', prompt: '做过前置审核吗？' }],
    },
    {
      id: 'profile',
      title: '概况',
      items: [
        { id: 'q.make', kind: 'yesno', prompt: '有生产环节吗？' },
        { id: 'q.count', kind: 'number', prompt: '专利数' },
        { id: 'q.base', kind: 'number', prompt: '研发人员数' },
        { id: 'q.records', kind: 'yesno', prompt: '记录齐全吗？', allowNotApplicable: true },
        { id: 'c.rate', kind: 'computed', prompt: '人均专利', value: 'd.rate' },
        {
          id: 'q.high',
          kind: 'yesno',
          prompt: '人均专利高于同行吗？',
          visibleWhen: { op: 'gte', ref: 'c.rate', value: 1 },
        },
      ],
    },
    {
      id: 'prod',
      title: '生产',
      visibleWhen: { op: 'eq', ref: 'q.make', value: true },
      items: [
        { id: 'p.has', kind: 'yesno', prompt: '有生产审核制度吗？' },
        {
          id: 'p.audit',
          kind: 'yesno',
          prompt: '按制度审核了吗？',
          visibleWhen: { op: 'eq', ref: 'p.has', value: true },
        },
      ],
    },
  ],
  derived: [
    {
      id: 'd.rate',
      label: '人均专利',
      expr: { op: 'div', args: [{ ref: 'q.count' }, { ref: 'q.base' }] },
    },
  ],
  gates: [
    // First in the list: a gate that fails now and passes from 2027-01-01 on.
    gate('g.soon', {
      op: 'any',
      of: [
        { op: 'gte', ref: 'q.count', value: 10 },
        { op: 'asOf', from: '2027-01-01' },
      ],
    }),
    gate(
      'g.mixed',
      {
        op: 'all',
        of: [
          { op: 'eq', ref: 'p.audit', value: true },
          { op: 'gte', ref: 'q.count', value: 1 },
        ],
      },
      pass,
    ),
    gate(
      'g.either',
      {
        op: 'any',
        of: [
          { op: 'eq', ref: 'p.audit', value: true },
          { op: 'gte', ref: 'q.count', value: 1 },
        ],
      },
      { whenNotApplicable: 'fail' },
    ),
    gate('g.calc', { op: 'gte', ref: 'c.rate', value: 1 }, pass),
    gate(
      'g.calcmix',
      {
        op: 'all',
        of: [
          { op: 'eq', ref: 'p.audit', value: true },
          { op: 'gte', ref: 'c.rate', value: 1 },
        ],
      },
      pass,
    ),
    gate(
      'g.records',
      { op: 'eq', ref: 'q.records', value: true },
      { whenNotApplicable: 'fail', notApplicableMessage: '没有记录可查' },
    ),
    gate('g.early', { op: 'eq', ref: 'e.audit', value: true }, pass),
    gate('g.high', { op: 'eq', ref: 'q.high', value: true }, pass),
  ],
  tiers: [
    { id: 'low', label: '起步' },
    // g.ghost is named by no gate (the checker refuses that; the engine must not throw).
    { id: 'high', label: '良好', gates: ['g.soon', 'g.records', 'g.ghost'] },
  ],
});
const asOf = '2026-11-30';
const run = (answers: Record<string, unknown>) => score(def, answers as never, { asOf });
const gateOf = (answers: Record<string, unknown>, id: string) => {
  const g = run(answers).gates.find((x) => x.id === id);
  if (!g) throw new Error(`no gate ${id}`);
  return g;
};

describe('a gate over an item hidden by an answer and an item that applies', () => {
  it('passes as not applicable once the item that applies is answered', () => {
    // q.make false hides prod, so p.audit (and p.has, unanswered inside it) does not apply;
    // q.count is shown and answered: nothing left to answer, all[unknown, true] is unknown.
    expect(gateOf({ 'q.make': false, 'q.count': 5 }, 'g.mixed')).toMatchObject({
      outcome: 'passed',
      notApplicable: true,
      message: null,
    });
  });

  it('waits while the item that applies is unanswered', () => {
    const g = gateOf({ 'q.make': false }, 'g.mixed');
    expect(g.outcome).toBe('unknown');
    expect(g).not.toHaveProperty('notApplicable');
  });

  it('is not made not-applicable when its condition is decided already', () => {
    // any[unknown, 5 ≥ 1] holds: passed on its own, though whenNotApplicable says fail.
    const g = gateOf({ 'q.make': false, 'q.count': 5 }, 'g.either');
    expect(g).toMatchObject({ outcome: 'passed', message: null });
    expect(g).not.toHaveProperty('notApplicable');
  });
});

describe('a gate over a computed item', () => {
  it('with no value of its own (division by zero) is unknown, not not-applicable', () => {
    // 5 / 0 has no value: c.rate is shown and empty, nothing it reads is hidden.
    const g = gateOf({ 'q.make': true, 'q.count': 5, 'q.base': 0 }, 'g.calc');
    expect(g.outcome).toBe('unknown');
    expect(g).not.toHaveProperty('notApplicable');
  });

  it('beside a hidden item passes as not applicable: an empty computed item is no open question', () => {
    // p.audit hidden by q.make false; c.rate empty (5 / 0) though every input is answered.
    expect(gateOf({ 'q.make': false, 'q.count': 5, 'q.base': 0 }, 'g.calcmix')).toMatchObject({
      outcome: 'passed',
      notApplicable: true,
    });
  });
});

describe('a gate over an item shown by a condition on a computed item', () => {
  it('passes as not applicable when the computed item is empty though all it reads is answered', () => {
    // c.rate = 5 / 0 has no value, so q.high (shown when c.rate ≥ 1) is hidden, and no
    // answer left open could show it.
    expect(gateOf({ 'q.count': 5, 'q.base': 0 }, 'g.high')).toMatchObject({
      outcome: 'passed',
      notApplicable: true,
    });
  });
});

describe('a gate over a question answered 不适用', () => {
  it('is decided by whenNotApplicable, with its own message', () => {
    const g = gateOf({ 'q.records': { notApplicable: true, reason: '无记录' } }, 'g.records');
    expect(g).toMatchObject({ outcome: 'failed', notApplicable: true, message: '没有记录可查' });
  });
});

describe('a gate over an item of the first section (index 0)', () => {
  it("waits while the question that shows the section is open, and passes once it's answered no", () => {
    expect(gateOf({}, 'g.early').outcome).toBe('unknown');
    expect(gateOf({ 'q.make': false }, 'g.early')).toMatchObject({
      outcome: 'passed',
      notApplicable: true,
    });
  });
});

describe('the date a gate passes from', () => {
  it('is given for a failed gate only, not for one passed or open', () => {
    // 5 < 10, but from 2027-01-01 the asOf half holds.
    expect(gateOf({ 'q.count': 5 }, 'g.soon')).toMatchObject({
      outcome: 'failed',
      eligibleFrom: '2027-01-01',
    });
    // 20 ≥ 10: passed now, and it holds on 2027-01-01 too; no date to wait for.
    const passed = gateOf({ 'q.count': 20 }, 'g.soon');
    expect(passed.outcome).toBe('passed');
    expect(passed).not.toHaveProperty('eligibleFrom');
    const traced = run({ 'q.count': 20 }).trace.find((t) => t.rule === 'gate:g.soon');
    expect(traced).not.toHaveProperty('eligibleFrom');
    // Unanswered: unknown now, any[unknown, true] holds on 2027-01-01; still no date.
    const open = gateOf({}, 'g.soon');
    expect(open.outcome).toBe('unknown');
    expect(open).not.toHaveProperty('eligibleFrom');
  });

  it("is each gate's own among a tier's blockers", () => {
    // g.soon waits for 2027-01-01; g.records failed outright; g.ghost is no gate at all.
    const r = run({ 'q.count': 5, 'q.records': false });
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'low', label: '起步', score: 0 },
      {
        code: 'tier.missed',
        tier: 'high',
        label: '良好',
        blockers: [
          { code: 'gate.waiting', gate: 'g.soon', from: '2027-01-01' },
          { code: 'gate.failed', gate: 'g.records' },
          { code: 'gate.unknown', gate: 'g.ghost' },
        ],
      },
    ]);
    expect(r.trace.find((t) => t.rule === 'tier:high.gate:g.ghost')?.outcome).toBe('unknown');
  });
});

import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { allMet, fixture } from '../testing/fixture.ts';
import { score } from './score.ts';

/*
 * Verdict details the fixture alone does not reach (forms/README, survivors of verdict.ts):
 * a gate only time can pass, the targets summary, and a gate over an input hidden through a
 * parent section. All on the fixture (tiers base → mid ≥ 50 with the veto g.no-penalty →
 * top ≥ 80 with g.running); allMet scores 100.
 */

const asOf = '2026-11-30';

describe('a gate that only time can pass', () => {
  // g.running reads the start date itself (as the built-in definitions do): more than three
  // calendar months. Started 2026-10-01: three months end 2027-01-01, so from 2027-01-02.
  const waiting = Definition.parse({
    ...fixture,
    gates: [
      {
        id: 'g.running',
        title: '体系运行超过3个月',
        condition: {
          op: 'elapsed',
          ref: 'p.started',
          amount: 3,
          unit: 'month',
          boundary: 'moreThan',
        },
        failMessage: '体系运行尚未超过3个月',
      },
      ...fixture.gates.slice(1),
    ],
  });

  it('fails with the date it will pass from, in the gate, the trace and the reason', () => {
    const r = score(waiting, { ...allMet, 'p.started': '2026-10-01' }, { asOf });
    expect(r.gates[0]).toMatchObject({
      id: 'g.running',
      outcome: 'failed',
      eligibleFrom: '2027-01-02',
    });
    expect(r.trace[0]).toEqual({
      rule: 'gate:g.running',
      outcome: 'failed',
      code: 'gate',
      gate: 'g.running',
      eligibleFrom: '2027-01-02',
    });
    expect(r.verdict.tier).toBe('mid');
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'mid', label: '基本就绪', score: 100 },
      {
        code: 'tier.missed',
        tier: 'top',
        label: '可以申请',
        blockers: [{ code: 'gate.waiting', gate: 'g.running', from: '2027-01-02' }],
      },
    ]);
  });

  it('passes the day after, and names no date without an assessment date', () => {
    // 2027-01-01 is exactly three months: still failed; 2027-01-02 passes.
    const on = (d: string) =>
      score(waiting, { ...allMet, 'p.started': '2026-10-01' }, { asOf: d }).gates[0];
    expect(on('2027-01-01')).toMatchObject({ outcome: 'failed', eligibleFrom: '2027-01-02' });
    expect(on('2027-01-02')?.outcome).toBe('passed');
    expect(on('2027-01-02')).not.toHaveProperty('eligibleFrom');
    const undated = score(waiting, { ...allMet, 'p.started': '2026-10-01' });
    expect(undated.gates[0]).not.toHaveProperty('eligibleFrom');
    expect(undated.trace[0]).not.toHaveProperty('eligibleFrom');
  });

  it('gives a failed veto no date: time does not undo a penalty', () => {
    const r = score(waiting, { ...allMet, 'p.penalty': true }, { asOf });
    expect(r.gates[1]).toMatchObject({ id: 'g.no-penalty', outcome: 'failed' });
    expect(r.gates[1]).not.toHaveProperty('eligibleFrom');
    expect(r.verdict.reasons[1]).toMatchObject({
      code: 'tier.missed',
      tier: 'mid',
      blockers: [{ code: 'gate.failed', gate: 'g.no-penalty' }],
    });
  });
});

describe('the targets summary', () => {
  // b1.staff becomes a target item (5 staff, 10 points); top needs every target.
  const d = structuredClone(fixture);
  const b1 = d.sections[2]?.sections[0]?.items[0];
  if (b1?.kind === 'number')
    b1.scoring = { type: 'target', target: 5, points: 10, direction: 'atLeast' };
  (d.tiers[2] as (typeof d.tiers)[number]).allTargets = true;

  it('follows the reasons at the top tier, where no missed tier lists the targets', () => {
    const r = score(d, allMet, { asOf });
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'top', label: '可以申请', score: 100 },
      { code: 'targets.summary', attained: 1, total: 1, missed: [] },
    ]);
  });

  it('is left out when the missed tier already lists the targets missed', () => {
    // 4 of 5 staff: 10 × 4/5 = 8 of 10 points in b1 (b weight 1 of 4: b1 is 1/8 of 100),
    // so the total is 100 − 2/10 × 12.5 = 97.5, above 80: only the target keeps top away.
    const r = score(d, { ...allMet, 'b1.staff': 4 }, { asOf });
    expect(r.total.score).toBe(97.5);
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'mid', label: '基本就绪', score: 97.5 },
      {
        code: 'tier.missed',
        tier: 'top',
        label: '可以申请',
        blockers: [{ code: 'targets.missed', attained: 0, total: 1, missed: ['b1.staff'] }],
      },
    ]);
  });

  it('is added when a lower tier is what was missed', () => {
    // A penalty stops mid: the missed tier is mid, whose blockers do not list targets.
    const r = score(d, { ...allMet, 'p.penalty': true }, { asOf });
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'base', label: '尚未就绪', score: 100 },
      {
        code: 'tier.missed',
        tier: 'mid',
        label: '基本就绪',
        blockers: [{ code: 'gate.failed', gate: 'g.no-penalty' }],
      },
      { code: 'targets.summary', attained: 1, total: 1, missed: [] },
    ]);
  });

  it('is never given by a definition without an all-targets tier', () => {
    const plain = structuredClone(d);
    (plain.tiers[2] as (typeof plain.tiers)[number]).allTargets = false;
    const r = score(plain, allMet, { asOf });
    expect(r.targets).toEqual({ attained: 1, total: 1, missed: [] });
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'top', label: '可以申请', score: 100 },
    ]);
  });
});

describe('a gate over an input hidden through a parent section', () => {
  // prod (shown to manufacturers) now holds a subsection prod.audit, whose item is shown
  // only where p.penalty is false; g.audit reads it and passes when it does not apply.
  const d = structuredClone(fixture);
  const prod = d.sections[3];
  if (!prod) throw new Error('the fixture has no prod section');
  prod.sections.push(
    Definition.parse({
      ...fixture,
      sections: [
        {
          id: 'prod.audit',
          title: '生产审核',
          items: [
            {
              id: 'prod.audit.done',
              kind: 'yesno',
              points: 10,
              prompt: '做过生产审核吗？',
              visibleWhen: { op: 'eq', ref: 'p.penalty', value: false },
            },
          ],
        },
      ],
    }).sections[0] as (typeof prod.sections)[number],
  );
  d.gates.push({
    id: 'g.audit',
    title: '生产审核',
    kind: 'eligibility',
    condition: { op: 'eq', ref: 'prod.audit.done', value: true },
    failMessage: '没有生产审核',
    notApplicableMessage: '不涉及生产审核',
    whenNotApplicable: 'pass',
    citations: [],
  });
  const audit = (answers: Record<string, unknown>) =>
    score(d, answers as never, { asOf }).gates.find((g) => g.id === 'g.audit');
  const { 'p.make': _make, ...noMake } = allMet;
  const { 'p.penalty': _penalty, ...noPenalty } = allMet;

  it('passes as not applicable when the grandparent section is hidden by an answer', () => {
    expect(audit({ ...allMet, 'p.make': false })).toMatchObject({
      outcome: 'passed',
      notApplicable: true,
      message: null,
    });
  });

  it('waits while the question that shows the grandparent section is open', () => {
    expect(audit(noMake)).toMatchObject({ outcome: 'unknown', message: '没有生产审核' });
    expect(audit(noMake)).not.toHaveProperty('notApplicable');
  });

  it('waits while the question the item itself depends on is open', () => {
    // Shown section, item hidden because p.penalty is unanswered: answering could show it.
    expect(audit(noPenalty)?.outcome).toBe('unknown');
    // p.penalty true hides the item by an answer: not applicable.
    expect(audit({ ...allMet, 'p.penalty': true })).toMatchObject({
      outcome: 'passed',
      notApplicable: true,
    });
  });

  it('reads the answer once the item is shown', () => {
    expect(audit({ ...allMet, 'prod.audit.done': false })).toMatchObject({
      outcome: 'failed',
      message: '没有生产审核',
    });
    expect(audit({ ...allMet, 'prod.audit.done': true })?.outcome).toBe('passed');
    // Shown and unanswered: unknown, not "not applicable".
    expect(audit(allMet)?.outcome).toBe('unknown');
  });
});

describe('a gate over an input hidden by a question answered not applicable', () => {
  // a.extra is asked only where b2.records is at least 1; b2.records may be answered 不适用.
  // g.extra reads a.extra and fails, with its own message, when a.extra does not apply.
  const d = structuredClone(fixture);
  d.sections[1]?.items.push(
    Definition.parse({
      ...fixture,
      sections: [
        {
          id: 'x',
          title: '补充',
          items: [
            {
              id: 'a.extra',
              kind: 'yesno',
              prompt: '记录是否定期抽查？',
              visibleWhen: { op: 'gte', ref: 'b2.records', value: 1 },
            },
          ],
        },
      ],
    }).sections[0]?.items[0] as (typeof fixture.sections)[number]['items'][number],
  );
  d.gates.push({
    id: 'g.extra',
    title: '记录抽查',
    kind: 'eligibility',
    condition: { op: 'eq', ref: 'a.extra', value: true },
    failMessage: '记录没有抽查',
    notApplicableMessage: '不涉及记录，不能抽查',
    whenNotApplicable: 'fail',
    citations: [],
  });
  const extra = (answers: Record<string, unknown>) =>
    score(d, answers as never, { asOf }).gates.find((g) => g.id === 'g.extra');

  it('is decided as not applicable, with its own message, when the question says 不适用', () => {
    expect(extra({ ...allMet, 'b2.records': { notApplicable: true, reason: '无记录' } })).toEqual(
      expect.objectContaining({
        outcome: 'failed',
        notApplicable: true,
        message: '不涉及记录，不能抽查',
      }),
    );
  });

  it('waits while that question is open, and uses the fail message once asked and refused', () => {
    const { 'b2.records': _r, ...open } = allMet;
    expect(extra(open)?.outcome).toBe('unknown');
    expect(extra({ ...allMet, 'a.extra': false })).toMatchObject({
      outcome: 'failed',
      message: '记录没有抽查',
    });
    expect(extra({ ...allMet, 'a.extra': false })).not.toHaveProperty('notApplicable');
  });

  it('falls back to the fail message when no not-applicable message is given', () => {
    const plain = structuredClone(d);
    const g = plain.gates.find((x) => x.id === 'g.extra');
    if (g) delete g.notApplicableMessage;
    const r = score(
      plain,
      { ...allMet, 'b2.records': { notApplicable: true, reason: '无' } } as never,
      {
        asOf,
      },
    );
    expect(r.gates.find((x) => x.id === 'g.extra')).toMatchObject({
      outcome: 'failed',
      notApplicable: true,
      message: '记录没有抽查',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { reasonText } from '../present/verdict-text.ts';
import { allMet, fixture, partlyMet } from '../testing/fixture.ts';
import { compile, itemById } from './compile.ts';
import { score } from './score.ts';

const asOf = '2026-11-21';
const item = (r: ReturnType<typeof score>, id: string) => r.items.find((i) => i.id === id);
const section = (r: ReturnType<typeof score>, id: string) => r.sections.find((s) => s.id === id);

describe('score', () => {
  it('gives 100 and the top tier when everything is met and every gate passes', () => {
    const r = score(fixture, allMet, { asOf });
    expect(r.total.score).toBe(100);
    expect(r.verdict.tier).toBe('top');
    expect(r.gaps).toEqual([]);
    expect(r.next).toBeNull();
    expect(r.derived['d.months']).toBe(10); // 2026-01-01 → 2026-11-21
    expect(r.gates.map((g) => g.outcome)).toEqual(['passed', 'passed']);
  });

  // See `partlyMet`: a = 0.25, b = 0.5, total = (2·0.25 + 1·0.5) / 3 = 1/3.
  const partial = partlyMet;

  it('weights sections and rolls nested sections up by their weights', () => {
    const r = score(fixture, partial, { asOf });
    expect(r.total.score).toBeCloseTo(33.3333, 3);
    expect(section(r, 'a')?.ratio).toBe(0.25);
    expect(section(r, 'b')?.ratio).toBe(0.5);
    expect(section(r, 'prod')?.ratio).toBeNull();
    expect(r.total).toMatchObject({ points: 15, max: 40 });
  });

  it("applies a reviewer's overrides in place of the self-assessment", () => {
    // a.policy met: a = (10 + 5) / 20 = 0.75, total = (2·0.75 + 0.5) / 3.
    const met = score(fixture, partial, { asOf, overrides: { 'a.policy': { status: 'met' } } });
    expect(met.total.score).toBeCloseTo(66.6667, 3);
    expect(item(met, 'a.policy')).toMatchObject({ status: 'met', points: 10, overridden: true });
    expect(item(met, 'a.budget')?.overridden).toBeUndefined();
    // a.budget not applicable: a = 0 / 10, total = 0.5 / 3.
    const na = score(fixture, partial, {
      asOf,
      overrides: { 'a.budget': { status: 'not_applicable' } },
    });
    expect(na.total.score).toBeCloseTo(16.6667, 3);
    // Partial points are clamped into the item's range.
    const over = score(fixture, partial, {
      asOf,
      overrides: { 'a.budget': { status: 'partial', points: 99 } },
    });
    expect(item(over, 'a.budget')).toMatchObject({ status: 'met', points: 10 });
    // An override of a hidden item changes nothing.
    const hidden = score(fixture, partial, {
      asOf,
      overrides: { 'prod.check': { status: 'met' } },
    });
    expect(hidden.total.score).toBeCloseTo(33.3333, 3);
  });

  it('scores a 观察项 as met, full points, and marks it for the reports', () => {
    // a.budget partial (5/10) judged an observation: a = (0 + 10) / 20 = 0.5, total = (2·0.5 + 0.5) / 3.
    const obs = score(fixture, partial, {
      asOf,
      overrides: { 'a.budget': { status: 'observation' } },
    });
    expect(obs.total.score).toBe(50);
    expect(item(obs, 'a.budget')).toMatchObject({
      status: 'met',
      points: 10,
      overridden: true,
      observation: true,
    });
    // Not a gap: it costs nothing.
    expect(obs.gaps.map((g) => g.item)).not.toContain('a.budget');
    // Points sent with an observation are ignored: it is never partly scored.
    const withPoints = score(fixture, partial, {
      asOf,
      overrides: { 'a.budget': { status: 'observation', points: 2 } },
    });
    expect(item(withPoints, 'a.budget')?.points).toBe(10);
    // Only the judged item is marked; a plain 符合 override is not an observation.
    const met = score(fixture, partial, { asOf, overrides: { 'a.budget': { status: 'met' } } });
    expect(met.total.score).toBe(obs.total.score);
    expect(item(met, 'a.budget')?.observation).toBeUndefined();
    expect(item(obs, 'a.policy')?.observation).toBeUndefined();
    // A hidden item judged an observation is neither scored nor listed.
    const hidden = score(fixture, partial, {
      asOf,
      overrides: { 'prod.check': { status: 'observation' } },
    });
    expect(item(hidden, 'prod.check')?.observation).toBeUndefined();
    expect(hidden.total.score).toBeCloseTo(33.3333, 3);
  });

  it('reaches a tier with a total exactly on its line, and not one step below', () => {
    // A non-manufacturer (prod hidden), no penalty, running since 2026-01-01 (> 3 months).
    // b = (b1 + b2) / 2 with b1, b2 out of 10; total = (2·a + b) / 3 × 100, so one point of
    // b2 is worth 100 / (3 · 2 · 10) = 5/3 of the total, and 0.00006 of a point is 0.0001.
    const base = { 'p.make': false, 'p.started': '2026-01-01', 'p.penalty': false };
    const b2 = (points: number) => ({ 'b2.records': { status: 'partial' as const, points } });
    // a = 10/20 (policy yes, no budget), b1 = 0 (no staff), b2 = 10/10: (2·0.5 + 0.5) / 3 = 50.
    const mid = { ...base, 'a.policy': true, 'a.budget': 'none', 'b1.staff': 0, 'b2.records': 2 };
    const atMid = score(fixture, mid, { asOf });
    expect(atMid.total.score).toBe(50);
    expect(atMid.verdict.tier).toBe('mid');
    // b2 = 9.99994: b = 0.499997, total = (1 + 0.499997) / 3 × 100 = 49.9999.
    const belowMid = score(fixture, mid, { asOf, overrides: b2(9.99994) });
    expect(belowMid.total.score).toBe(49.9999);
    expect(belowMid.verdict.tier).toBe('base');
    expect(belowMid.verdict.reasons[1]).toMatchObject({
      code: 'tier.missed',
      tier: 'mid',
      blockers: [{ code: 'score.below', score: 49.9999, min: 50 }],
    });
    // a = 1 (policy, full budget), b1 = 5/10 (2 staff), b2 = 3/10: (2 + 0.4) / 3 = 80.
    const top = { ...base, 'a.policy': true, 'a.budget': 'full', 'b1.staff': 2, 'b2.records': 0 };
    const atTop = score(fixture, top, { asOf, overrides: b2(3) });
    expect(atTop.total.score).toBe(80);
    expect(atTop.verdict.tier).toBe('top');
    // b2 = 2.99994: 80 − 0.00006 × 5/3 = 79.9999.
    const belowTop = score(fixture, top, { asOf, overrides: b2(2.99994) });
    expect(belowTop.total.score).toBe(79.9999);
    expect(belowTop.verdict.tier).toBe('mid');
    expect(belowTop.verdict.reasons[1]).toMatchObject({
      tier: 'top',
      blockers: [{ code: 'score.below', score: 79.9999, min: 80 }],
    });
  });

  it('gives each item a status mirroring the auditor verdicts', () => {
    const r = score(fixture, partial, { asOf });
    expect(item(r, 'a.policy')?.status).toBe('unmet');
    expect(item(r, 'a.budget')?.status).toBe('partial');
    expect(item(r, 'prod.check')?.status).toBe('not_applicable');
    expect(item(r, 'p.make')?.status).toBe('info');
    expect(score(fixture, {}, { asOf }).items.every((i) => i.status !== 'met')).toBe(true);
  });

  // a carries 2/3 of the total over 20 points: 3.33 per point; b1 and b2 carry 1/6 each over
  // 10 points: 1.67 per point. So a.policy costs 33.3, a.budget 16.7, b1.staff and b2.records 8.3.
  it('orders gaps by the points of the total they cost, ties in definition order', () => {
    const r = score(fixture, partial, { asOf });
    expect(r.gaps.map((g) => [g.item, Math.round(g.cost * 10) / 10])).toEqual([
      ['a.policy', 33.3],
      ['a.budget', 16.7],
      ['b1.staff', 8.3],
      ['b2.records', 8.3],
    ]);
    // Codes and figures only: the words are the definition's item, found by id.
    expect(Object.keys(r.gaps[0] ?? {}).sort()).toEqual(['cost', 'item', 'section', 'status']);
    expect(itemById(compile(fixture), r.gaps[0]?.item ?? '')?.recommendation).toBe(
      '制定并发布方针',
    );
  });

  it('names the fewest items that reach the next tier', () => {
    const r = score(fixture, partial, { asOf });
    expect(r.verdict.tier).toBe('base');
    // mid needs 50: 16.7 short; a.policy alone is worth 33.3.
    expect(r.next).toMatchObject({ tier: 'mid', reachable: true, gates: [] });
    expect(r.next?.items.map((i) => i.item)).toEqual(['a.policy']);
    expect(r.next?.scoreGap).toBeCloseTo(16.6667, 3);
  });

  it('takes a not-applicable answer out of the denominator', () => {
    const na = { ...partial, 'b2.records': { notApplicable: true, reason: '无此业务' } };
    const r = score(fixture, na, { asOf });
    expect(item(r, 'b2.records')?.status).toBe('not_applicable');
    expect(section(r, 'b2')?.ratio).toBeNull();
    expect(section(r, 'b')?.ratio).toBe(0.5); // b1 alone
    expect(section(r, 'b')?.max).toBe(10);
  });

  it('ignores a not-applicable answer where the item does not allow one', () => {
    const r = score(fixture, { ...partial, 'a.policy': { notApplicable: true } }, { asOf });
    expect(item(r, 'a.policy')?.status).toBe('unanswered');
  });

  it('lets a failed gate decide the verdict whatever the score, and says why', () => {
    const r = score(fixture, { ...allMet, 'p.started': '2026-10-01' }, { asOf });
    expect(r.total.score).toBe(100);
    expect(r.verdict.tier).toBe('mid');
    expect(r.gates.find((g) => g.id === 'g.running')?.outcome).toBe('failed');
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'mid', label: expect.anything(), score: 100 },
      {
        code: 'tier.missed',
        tier: 'top',
        label: expect.anything(),
        blockers: [{ code: 'gate.failed', gate: 'g.running' }],
      },
    ]);
    const missed = r.verdict.reasons[1];
    expect(missed && reasonText(missed, { result: r })).toContain('体系运行未满3个月');
    expect(r.next).toMatchObject({ tier: 'top', scoreGap: 0, items: [], gates: ['g.running'] });
    expect(r.trace).toContainEqual(
      expect.objectContaining({ rule: 'tier:top.gate:g.running', outcome: 'failed' }),
    );
  });

  it('keeps a gate unknown, not failed, while its answers are missing', () => {
    const { 'p.penalty': _, ...rest } = allMet;
    const r = score(fixture, rest, { asOf });
    expect(r.gates.find((g) => g.id === 'g.no-penalty')?.outcome).toBe('unknown');
    expect(r.verdict.tier).toBe('base'); // tiers are cumulative: mid is blocked, so top is too
    expect(score(fixture, allMet).gates.find((g) => g.id === 'g.running')?.outcome).toBe('unknown'); // no asOf
  });

  it('treats answers that do not fit their item as unanswered instead of throwing', () => {
    const bad = {
      'a.policy': 'yes',
      'a.budget': 'lots',
      'b1.staff': 'many',
      'b2.records': 7,
      unknown: 1,
    };
    const r = score(fixture, bad, { asOf });
    for (const id of ['a.policy', 'a.budget', 'b1.staff', 'b2.records'])
      expect(item(r, id)?.status).toBe('unanswered');
    expect(r.progress.requiredMissing).toContain('a.policy');
  });

  it('reports progress over the items that apply', () => {
    const r = score(fixture, { 'p.make': false, 'a.policy': true }, { asOf });
    // profile 3 + a 2 + b 2 apply (prod hidden); two answered.
    expect(r.progress).toMatchObject({ answered: 2, applicable: 7 });
  });
});

describe('veto semantics', () => {
  // The same definition with the veto named by no tier: the engine still applies it above
  // the lowest tier, so authors cannot forget it.
  const unnamed = structuredClone(fixture);
  for (const t of unnamed.tiers) t.gates = t.gates.filter((g) => g !== 'g.no-penalty');

  it('a failed veto caps the verdict at the lowest tier, whichever tiers name it', () => {
    for (const def of [fixture, unnamed]) {
      const r = score(def, { ...allMet, 'p.penalty': true }, { asOf });
      expect(r.total.score).toBe(100);
      expect(r.verdict.tier).toBe('base');
      expect(r.verdict.reasons[1]).toMatchObject({
        code: 'tier.missed',
        tier: 'mid',
        blockers: [{ code: 'gate.failed', gate: 'g.no-penalty' }],
      });
      expect(r.next?.gates).toEqual(['g.no-penalty']);
    }
  });

  it('an undetermined veto keeps every tier above the lowest open', () => {
    const { 'p.penalty': _, ...rest } = allMet;
    const r = score(unnamed, rest, { asOf });
    expect(r.verdict.tier).toBe('base');
    expect(r.verdict.reasons[1]).toMatchObject({
      blockers: [{ code: 'gate.unknown', gate: 'g.no-penalty' }],
    });
  });

  it('an eligibility gate blocks only the tiers that name it (and those above)', () => {
    const r = score(fixture, { ...allMet, 'p.started': '2026-10-01' }, { asOf });
    expect(r.verdict.tier).toBe('mid');
  });
});

describe('gates over inputs that do not apply', () => {
  // g.make-check reads prod.check, which only manufacturers are asked.
  const withGate = (whenNotApplicable?: 'pass' | 'fail') => {
    const d = structuredClone(fixture);
    d.gates.push({
      id: 'g.make-check',
      title: '生产环节有检查',
      kind: 'eligibility',
      condition: { op: 'eq', ref: 'prod.check', value: true },
      failMessage: '生产环节没有检查',
      ...(whenNotApplicable ? { whenNotApplicable } : {}),
      citations: [],
    });
    (d.tiers[2] as (typeof d.tiers)[number]).gates.push('g.make-check');
    return d;
  };
  const outcome = (r: ReturnType<typeof score>) => r.gates.find((g) => g.id === 'g.make-check');
  it('decides as declared when a profile answer hides the input and all else is answered', () => {
    const answers = { ...allMet, 'p.make': false };
    expect(outcome(score(withGate('fail'), answers, { asOf }))).toMatchObject({
      outcome: 'failed',
      notApplicable: true,
    });
    expect(outcome(score(withGate('pass'), answers, { asOf }))?.outcome).toBe('passed');
    expect(score(withGate('pass'), answers, { asOf }).verdict.tier).toBe('top');
    expect(score(withGate('fail'), answers, { asOf }).verdict.tier).toBe('mid');
    // Without a declaration the gate stays unknown (the checker requires one).
    expect(outcome(score(withGate(), answers, { asOf }))?.outcome).toBe('unknown');
  });
  it('stays unknown while an applicable input is unanswered, and reads a visible answer as usual', () => {
    const { 'p.make': _, ...rest } = allMet;
    // p.make unanswered: prod is hidden only because the profile question is still open;
    // answering it could show prod.check, so the gate waits.
    expect(outcome(score(withGate('fail'), rest, { asOf }))?.outcome).toBe('unknown');
    expect(
      outcome(score(withGate('fail'), { ...allMet, 'prod.check': false }, { asOf }))?.outcome,
    ).toBe('failed');
    expect(outcome(score(withGate('fail'), allMet, { asOf }))?.outcome).toBe('passed');
  });
});

describe('dates a definition applies between', () => {
  const dated = {
    ...structuredClone(fixture),
    validFrom: '2024-01-01',
    validUntil: '2025-12-31',
    supersededBy: 'next-edition',
  };
  it('scores as usual while it applies, and says not-yet-in-force before', () => {
    const r = score(dated, { ...allMet, 'p.started': '2025-01-01' }, { asOf: '2025-12-31' });
    expect(r.verdict.tier).toBe('top');
    expect(r.edition).toEqual({
      status: 'current',
      validFrom: '2024-01-01',
      validUntil: '2025-12-31',
      supersededBy: 'next-edition',
    });
    expect(score(dated, allMet, { asOf: '2023-12-31' }).edition?.status).toBe('notYetInForce');
  });
  it('gives no tier after validUntil, naming what replaces it', () => {
    const r = score(dated, allMet, { asOf: '2026-01-01' });
    expect(r.verdict).toMatchObject({ tier: null, label: null });
    expect(r.verdict.reasons).toEqual([
      { code: 'definition.expired', validUntil: '2025-12-31', supersededBy: 'next-edition' },
    ]);
    expect(r.next).toBeNull();
    expect(r.total.score).toBe(100);
    expect(reasonText(r.verdict.reasons[0] as never, { result: r, locale: 'en' })).toBe(
      'These criteria apply until 2025-12-31; the assessment date is later, so no tier is given. Use “next-edition” instead; these answers can be carried over.',
    );
  });
  it('has no edition without an assessment date or declared dates', () => {
    expect(score(dated, allMet).edition).toBeUndefined();
    expect(score(fixture, allMet, { asOf }).edition).toBeUndefined();
  });
});

describe('bonus sections', () => {
  const withBonus = structuredClone(fixture);
  withBonus.sections.push({
    id: 'extra',
    title: '加分',
    weight: 1,
    bonus: 5,
    items: [
      {
        id: 'x.one',
        kind: 'yesno',
        points: 1,
        prompt: '一？',
        required: true,
        allowNotApplicable: false,
        citations: [],
      },
      {
        id: 'x.two',
        kind: 'yesno',
        points: 1,
        prompt: '二？',
        required: true,
        allowNotApplicable: false,
        citations: [],
      },
    ],
    sections: [],
  });
  it('adds its share of the bonus on top of the 100-point total, and leaves the rest alone', () => {
    expect(score(withBonus, allMet, { asOf }).total.score).toBe(100);
    expect(score(withBonus, { ...allMet, 'x.one': true }, { asOf }).total.score).toBe(102.5);
    expect(
      score(withBonus, { ...allMet, 'x.one': true, 'x.two': true }, { asOf }).total.score,
    ).toBe(105);
    // An unearned bonus item is a gap worth its share of the bonus.
    const r = score(withBonus, { ...allMet, 'x.one': true }, { asOf });
    expect(r.gaps).toEqual([expect.objectContaining({ item: 'x.two', cost: 2.5 })]);
  });
});

describe('tiers that need every target', () => {
  const d = structuredClone(fixture);
  // b1.staff becomes a target item (5 staff): a fully met definition still needs it.
  const b1 = d.sections[2]?.sections[0]?.items[0];
  if (b1?.kind === 'number')
    b1.scoring = { type: 'target', target: 5, points: 10, direction: 'atLeast' };
  (d.tiers[2] as (typeof d.tiers)[number]).allTargets = true;
  it('is reached only with every applicable target met, and names those missed', () => {
    expect(score(d, allMet, { asOf }).verdict.tier).toBe('top');
    expect(score(d, allMet, { asOf }).targets).toEqual({ attained: 1, total: 1, missed: [] });
    const r = score(d, { ...allMet, 'b1.staff': 4.999 }, { asOf });
    expect(r.total.score).toBeGreaterThan(80);
    expect(r.verdict.tier).toBe('mid');
    expect(r.verdict.reasons[1]).toMatchObject({
      code: 'tier.missed',
      blockers: [{ code: 'targets.missed', attained: 0, total: 1, missed: ['b1.staff'] }],
    });
    expect(
      reasonText(r.verdict.reasons[1] as never, { result: r, definition: d, locale: 'en' }),
    ).toContain('0 of 1 targets attained; missed: ');
  });
});

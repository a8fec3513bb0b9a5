import { describe, expect, it } from 'vitest';
import type { Definition } from '../schema/definition.ts';
import { allMet, fixture } from '../testing/fixture.ts';
import { score } from './score.ts';

/*
 * The verdict's reasons and trace, step by step, on the fixture: tiers base → mid (≥ 50,
 * the veto g.no-penalty) → top (≥ 80, g.running: d.months > 3, and the veto, which binds
 * every tier above the lowest and is checked first). Weights: a 2, b 1, prod 1 (shown to
 * manufacturers only).
 */

const asOf = '2026-11-30';

describe('decide', () => {
  it('traces every gate, then every tier score and gate in order; one gate short of top', () => {
    // Started 2026-10-01: one whole month by 2026-11-30 (two on 2026-12-01), not more than 3.
    // Everything else is met: 100.
    const r = score(fixture, { ...allMet, 'p.started': '2026-10-01' }, { asOf });
    expect(r.total.score).toBe(100);
    expect(r.trace).toEqual([
      { rule: 'gate:g.running', outcome: 'failed', code: 'gate', gate: 'g.running' },
      { rule: 'gate:g.no-penalty', outcome: 'passed', code: 'gate', gate: 'g.no-penalty' },
      ...[
        ['base', 0],
        ['mid', 50],
      ].flatMap(([tier, min]) => [
        {
          rule: `tier:${tier}.minScore`,
          outcome: 'passed',
          code: 'tier.score',
          tier,
          score: 100,
          min,
        },
        ...(tier === 'mid'
          ? [
              {
                rule: 'tier:mid.gate:g.no-penalty',
                outcome: 'passed',
                code: 'tier.gate',
                tier: 'mid',
                gate: 'g.no-penalty',
              },
            ]
          : []),
      ]),
      {
        rule: 'tier:top.minScore',
        outcome: 'passed',
        code: 'tier.score',
        tier: 'top',
        score: 100,
        min: 80,
      },
      {
        rule: 'tier:top.gate:g.no-penalty',
        outcome: 'passed',
        code: 'tier.gate',
        tier: 'top',
        gate: 'g.no-penalty',
      },
      {
        rule: 'tier:top.gate:g.running',
        outcome: 'failed',
        code: 'tier.gate',
        tier: 'top',
        gate: 'g.running',
      },
    ]);
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'mid', label: '基本就绪', score: 100 },
      {
        code: 'tier.missed',
        tier: 'top',
        label: '可以申请',
        blockers: [{ code: 'gate.failed', gate: 'g.running' }],
      },
    ]);
    expect(r.gates).toEqual([
      {
        id: 'g.running',
        title: '体系运行满3个月',
        kind: 'eligibility',
        outcome: 'failed',
        message: '体系运行未满3个月',
        citations: [],
      },
      {
        id: 'g.no-penalty',
        title: '无行政处罚',
        kind: 'veto',
        outcome: 'passed',
        message: null,
        citations: [],
      },
    ]);
  });

  it('a failed veto holds the verdict at the lowest tier whatever the score', () => {
    // a.policy no: a = (0 + 10) / 20 = 0.5; b and prod full: (2 × 0.5 + 1 + 1) / 4 = 75.
    const r = score(fixture, { ...allMet, 'p.penalty': true, 'a.policy': false }, { asOf });
    expect(r.total.score).toBe(75);
    expect(r.verdict.tier).toBe('base');
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'base', label: '尚未就绪', score: 75 },
      {
        code: 'tier.missed',
        tier: 'mid',
        label: '基本就绪',
        blockers: [{ code: 'gate.failed', gate: 'g.no-penalty' }],
      },
    ]);
  });

  it('nothing answered: the score below the line and the gate unknown, both named', () => {
    const r = score(fixture, { 'p.make': false }, { asOf });
    expect(r.total.score).toBe(0);
    expect(r.gates.map((g) => [g.outcome, g.message])).toEqual([
      ['unknown', '体系运行未满3个月'],
      ['unknown', '运行期间受过行政处罚'],
    ]);
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'base', label: '尚未就绪', score: 0 },
      {
        code: 'tier.missed',
        tier: 'mid',
        label: '基本就绪',
        blockers: [
          { code: 'score.below', score: 0, min: 50 },
          { code: 'gate.unknown', gate: 'g.no-penalty' },
        ],
      },
    ]);
  });
});

describe('requirements and gates over inputs that do not apply', () => {
  // top also requires a manufacturer and a production check (g.check over prod.check, which a
  // non-manufacturer is not asked: whenNotApplicable decides it, with its own message).
  const def = (whenNotApplicable: 'pass' | 'fail'): Definition => {
    const d = structuredClone(fixture);
    d.gates.push({
      id: 'g.check',
      title: '生产检查',
      kind: 'eligibility',
      condition: { op: 'eq', ref: 'prod.check', value: true },
      failMessage: '未做生产检查',
      notApplicableMessage: '无生产环节',
      whenNotApplicable,
      citations: [],
    });
    const top = d.tiers[2] as Definition['tiers'][number];
    top.gates.push('g.check');
    top.requires = { op: 'eq', ref: 'p.make', value: true };
    return d;
  };

  it('fails a gate whose input is hidden by a given answer, with the not-applicable message', () => {
    // A non-manufacturer meeting everything asked: prod drops out, (2 × 1 + 1 × 1) / 3 = 100.
    const r = score(def('fail'), { ...allMet, 'p.make': false }, { asOf });
    expect(r.total.score).toBe(100);
    expect(r.gates[2]).toEqual({
      id: 'g.check',
      title: '生产检查',
      kind: 'eligibility',
      outcome: 'failed',
      message: '无生产环节',
      citations: [],
      notApplicable: true,
    });
    expect(r.verdict.reasons).toEqual([
      { code: 'tier.reached', tier: 'mid', label: '基本就绪', score: 100 },
      {
        code: 'tier.missed',
        tier: 'top',
        label: '可以申请',
        blockers: [
          { code: 'gate.failed', gate: 'g.check' },
          { code: 'requires.failed', tier: 'top', label: '可以申请' },
        ],
      },
    ]);
    expect(r.trace.at(-1)).toEqual({
      rule: 'tier:top.requires',
      outcome: 'failed',
      code: 'tier.requires',
      tier: 'top',
    });
  });

  it('passes it with "pass"; leaves it unknown while the hiding answer is not given', () => {
    const passed = score(def('pass'), { ...allMet, 'p.make': false }, { asOf });
    expect(passed.gates[2]).toMatchObject({
      outcome: 'passed',
      message: null,
      notApplicable: true,
    });
    const { 'p.make': _, ...unsure } = allMet;
    const r = score(def('fail'), unsure, { asOf });
    expect(r.gates[2]).toEqual({
      id: 'g.check',
      title: '生产检查',
      kind: 'eligibility',
      outcome: 'unknown',
      message: '未做生产检查',
      citations: [],
    });
    expect(r.verdict.reasons[1]).toEqual({
      code: 'tier.missed',
      tier: 'top',
      label: '可以申请',
      blockers: [
        { code: 'gate.unknown', gate: 'g.check' },
        { code: 'requires.unknown', tier: 'top', label: '可以申请' },
      ],
    });
  });

  it('a manufacturer is judged on the answer itself', () => {
    const r = score(def('pass'), { ...allMet, 'prod.check': false }, { asOf });
    expect(r.gates[2]).toMatchObject({ outcome: 'failed', message: '未做生产检查' });
    expect(r.gates[2]?.notApplicable).toBeUndefined();
  });
});

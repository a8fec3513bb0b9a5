import { describe, expect, it } from 'vitest';
import { checkMapping } from '../checker/mapping.ts';
import { Definition } from '../schema/definition.ts';
import { Mapping } from '../schema/mapping.ts';
import { fixture } from '../testing/fixture.ts';
import { applyMapping, confirmPending } from './mapping.ts';

const target = Definition.parse({
  ...structuredClone(fixture),
  id: 'fixture-next',
  sections: [
    {
      id: 'x',
      title: 'X',
      items: [
        { id: 'x.policy', kind: 'yesno', points: 5, prompt: '方针？' },
        {
          id: 'x.budget',
          kind: 'single',
          prompt: '预算？',
          options: [
            { id: 'none', label: '无' },
            { id: 'full', label: '足', points: 5 },
          ],
        },
        { id: 'x.staff', kind: 'yesno', prompt: '有专职人员吗？' },
        { id: 'x.records', kind: 'scale', scale: 'maturity', points: 5, prompt: '记录？' },
      ],
    },
  ],
  derived: [],
  gates: [],
  tiers: [{ id: 't', label: 'T' }],
});

const mapping = Mapping.parse({
  id: 'm',
  title: '沿用',
  from: 'fixture@1.0.0',
  to: 'fixture-next@1.0.0',
  pairs: [
    { from: 'a.policy', to: 'x.policy' },
    { from: 'a.budget', to: 'x.budget' },
    { from: 'b1.staff', to: 'x.staff' },
    { from: 'b2.records', to: 'x.records' },
  ],
});

describe('mappings', () => {
  it('carries compatible answers over and skips the rest with a reason', () => {
    const r = applyMapping(mapping, fixture, target, {
      'a.policy': true,
      'a.budget': 'some',
      'b1.staff': 3,
      'b2.records': 2,
    });
    expect(r.answers).toEqual({ 'x.policy': true, 'x.records': 2 });
    expect(r.carried).toEqual(['x.policy', 'x.records']);
    expect(r.skipped.map((s) => [s.from, s.reason.split(' ')[0]])).toEqual([
      ['a.budget', 'options'], // "some" does not exist in the target
      ['b1.staff', 'kinds'],
    ]);
  });

  it('is checked: pairs of different kinds or missing options are errors', () => {
    const codes = checkMapping(mapping, fixture, target).map((p) => [p.code, p.path.join('.')]);
    expect(codes).toEqual([
      ['incompatible_pair', 'pairs.1'],
      ['incompatible_pair', 'pairs.2'],
    ]);
  });
});

describe('answers carried "to be confirmed"', () => {
  const confirming = Mapping.parse({
    ...mapping,
    pairs: [
      { from: 'a.policy', to: 'x.policy' },
      { from: 'b2.records', to: 'x.records', confirm: true },
    ],
  });
  const carried = applyMapping(confirming, fixture, target, { 'a.policy': true, 'b2.records': 2 });
  it('go to pending, not to the answers', () => {
    expect(carried.answers).toEqual({ 'x.policy': true });
    expect(carried.pending).toEqual({ 'x.records': 2 });
    expect(carried.carried).toEqual(['x.policy', 'x.records']);
  });
  it('move into the answers once confirmed; an answer given meanwhile wins', () => {
    expect(confirmPending(carried, ['x.records'])).toEqual({
      answers: { 'x.policy': true, 'x.records': 2 },
      pending: {},
    });
    expect(confirmPending(carried, [])).toEqual({
      answers: { 'x.policy': true },
      pending: { 'x.records': 2 },
    });
    const answered = { ...carried, answers: { ...carried.answers, 'x.records': 1 } };
    expect(confirmPending(answered, ['x.records'])).toEqual({
      answers: { 'x.policy': true, 'x.records': 1 },
      pending: {},
    });
  });
});

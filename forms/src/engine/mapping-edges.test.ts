import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { Item } from '../schema/item.ts';
import { Mapping } from '../schema/mapping.ts';
import { fixture } from '../testing/fixture.ts';
import { applyMapping, incompatibility } from './mapping.ts';

const options = (...ids: string[]) => ids.map((id) => ({ id, label: id }));
const both = { from: fixture, to: fixture };

describe('incompatibility edges', () => {
  it('a computed item is never carried, even to a computed item', () => {
    const c = Item.parse({ id: 'c', kind: 'computed', prompt: '合计', value: 'd.months' });
    expect(incompatibility(c, c, both)).toBe('computed items are not answered');
  });

  it('multiple choice: every option of the source must exist in the target', () => {
    const from = Item.parse({
      id: 'm',
      kind: 'multi',
      prompt: '多选',
      options: options('a', 'b', 'c'),
    });
    const to = Item.parse({ id: 'm', kind: 'multi', prompt: '多选', options: options('a', 'x') });
    expect(incompatibility(from, to, both)).toBe('options missing in the target: b, c');
    // A target with more options than the source takes every answer.
    expect(incompatibility(to, Item.parse({ ...to, options: options('a', 'x', 'y') }), both)).toBe(
      null,
    );
  });

  it('single choice onto a superset of its options is compatible', () => {
    const from = Item.parse({
      id: 's',
      kind: 'single',
      prompt: '单选',
      options: options('a', 'b'),
    });
    const to = Item.parse({
      id: 's',
      kind: 'single',
      prompt: '单选',
      options: options('b', 'a', 'c'),
    });
    expect(incompatibility(from, to, both)).toBe(null);
  });

  it('a scale the source definition lacks has no levels, so it differs from a defined one', () => {
    const s = Item.parse({ id: 's', kind: 'scale', prompt: '程度', scale: 'maturity' });
    const noScales = { ...fixture, scales: {} };
    expect(incompatibility(s, s, { from: noScales, to: fixture })).toMatch(/^scale levels differ/);
    expect(incompatibility(s, s, { from: fixture, to: noScales })).toMatch(/^scale levels differ/);
    expect(incompatibility(s, s, both)).toBe(null);
  });
});

describe('applyMapping edges', () => {
  const target = Definition.parse({
    ...structuredClone(fixture),
    id: 'fixture-next',
    sections: [
      {
        id: 'x',
        title: 'X',
        items: [
          { id: 'x.policy', kind: 'yesno', prompt: '方针？' },
          {
            id: 'x.budget',
            kind: 'single',
            prompt: '预算？',
            options: options('none', 'some', 'full'),
          },
          { id: 'x.staff', kind: 'number', prompt: '人数', max: 5 },
          {
            id: 'x.records',
            kind: 'scale',
            scale: 'maturity',
            prompt: '记录？',
            allowNotApplicable: true,
          },
          { id: 'x.records2', kind: 'scale', scale: 'maturity', prompt: '记录（二）？' },
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
      { from: 'a.ghost', to: 'x.policy' },
      { from: 'a.policy', to: 'x.ghost' },
      { from: 'a.budget', to: 'x.budget' },
      { from: 'b2.records', to: 'x.records' },
      { from: 'b2.records', to: 'x.records2' },
      { from: 'b1.staff', to: 'x.staff' },
    ],
  });
  const na = { notApplicable: true, reason: '无纸质记录' };

  it('says why each answer stays behind and carries "does not apply" where the target allows it', () => {
    const r = applyMapping(mapping, fixture, target, {
      'a.policy': true,
      'b2.records': na,
      'b1.staff': 8,
    });
    expect(r.answers).toEqual({ 'x.records': na });
    expect(r.carried).toEqual(['x.records']);
    expect(r.pending).toEqual({});
    expect(r.skipped).toEqual([
      { from: 'a.ghost', to: 'x.policy', reason: 'unknown item' },
      { from: 'a.policy', to: 'x.ghost', reason: 'unknown item' },
      { from: 'a.budget', to: 'x.budget', reason: 'unanswered' },
      {
        from: 'b2.records',
        to: 'x.records2',
        reason: 'the target item cannot be marked not applicable',
      },
      // 8 staff is more than the target's maximum of 5.
      { from: 'b1.staff', to: 'x.staff', reason: 'the answer does not fit the target item' },
    ]);
  });

  it('carries a fitting number', () => {
    const r = applyMapping(mapping, fixture, target, { 'b1.staff': 5 });
    expect(r.answers).toEqual({ 'x.staff': 5 });
  });
});

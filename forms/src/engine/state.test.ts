import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { score } from './score.ts';

/*
 * Visibility as the state walk decides it: an item's own condition, a
 * sub-section under a hidden parent, and a computed item's value. (Survivors
 * of the mutation run: no forms test looked at these directly.)
 */
const def = Definition.parse({
  id: 'state',
  version: '1.0.0',
  family: 'gbt29490',
  title: '可见性',
  audience: ['enterprise'],
  sections: [
    {
      id: 'profile',
      title: '概况',
      items: [
        { id: 'p.make', kind: 'yesno', prompt: '生产？' },
        { id: 'p.staff', kind: 'number', prompt: '人数' },
      ],
    },
    {
      id: 'a',
      title: '甲',
      items: [
        { id: 'a.always', kind: 'yesno', points: 10, prompt: '总是问' },
        {
          id: 'a.make',
          kind: 'yesno',
          points: 10,
          prompt: '生产才问',
          visibleWhen: { op: 'eq', ref: 'p.make', value: true },
        },
        {
          id: 'a.staff',
          kind: 'computed',
          value: 'p.staff',
          prompt: '人数（计算）',
          scoring: { type: 'target', target: 10, points: 10, direction: 'atLeast' },
        },
      ],
    },
    {
      id: 'prod',
      title: '生产',
      visibleWhen: { op: 'eq', ref: 'p.make', value: true },
      sections: [
        {
          id: 'prod.line',
          title: '产线',
          items: [{ id: 'prod.check', kind: 'yesno', points: 10, prompt: '检查？' }],
        },
      ],
    },
  ],
  tiers: [{ id: 'base', label: '起点' }],
});

const item = (r: ReturnType<typeof score>, id: string) => r.items.find((i) => i.id === id);

describe('visibility and values in the state walk', () => {
  it('hides an item whose own condition fails, and a sub-section under a hidden parent', () => {
    const answers = { 'p.make': false, 'a.always': true, 'a.make': true, 'prod.check': true };
    const r = score(def, answers);
    expect(item(r, 'a.make')).toMatchObject({ visible: false, status: 'not_applicable' });
    expect(item(r, 'prod.check')).toMatchObject({ visible: false, status: 'not_applicable' });
    expect(r.sections.find((s) => s.id === 'prod.line')?.visible).toBe(false);
    // a: a.always 10 of 10; a.staff unanswered 0 of 10 → 0.5; prod drops out → 50.
    expect(r.total.score).toBe(50);
    const shown = score(def, { ...answers, 'p.make': true });
    expect(item(shown, 'a.make')).toMatchObject({ visible: true, status: 'met' });
    expect(item(shown, 'prod.check')).toMatchObject({ visible: true, status: 'met' });
  });

  it('gives a computed item the value it names', () => {
    const r = score(def, { 'p.make': false, 'a.always': true, 'p.staff': 5 });
    // 5 of the target 10 → 5 of 10 points.
    expect(item(r, 'a.staff')).toMatchObject({ status: 'partial', points: 5 });
    expect(r.progress.applicable).toBe(3); // p.make, p.staff, a.always: a computed item is not asked
  });
});

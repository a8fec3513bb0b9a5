import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { score } from './score.ts';

/*
 * Edges of working out the state (state.ts): the very first section hidden
 * hides its sub-sections too (its index is 0, a parent like any other), and
 * more derived values than items, each read by the next, all keep their
 * values. The first section x is shown only when q is yes.
 */
const def = Definition.parse({
  id: 'state-edges',
  version: '1.0.0',
  family: 'gbt29490',
  title: '状态',
  audience: ['enterprise'],
  sections: [
    {
      id: 'x',
      title: '甲',
      visibleWhen: { op: 'eq', ref: 'q', value: true },
      sections: [
        {
          id: 'x1',
          title: '甲一',
          items: [{ id: 'x1.a', kind: 'yesno', points: 10, prompt: '甲一？' }],
        },
      ],
    },
    {
      id: 'p',
      title: '概况',
      items: [
        { id: 'q', kind: 'yesno', prompt: '有甲吗？' },
        { id: 'n', kind: 'number', prompt: '人数' },
      ],
    },
  ],
  derived: [
    { id: 'd1', label: '二倍', expr: { op: 'mul', args: [{ ref: 'n' }, 2] } },
    { id: 'd2', label: '加一', expr: { op: 'add', args: [{ ref: 'd1' }, 1] } },
    { id: 'd3', label: '再加一', expr: { op: 'add', args: [{ ref: 'd2' }, 1] } },
    { id: 'd4', label: '又加一', expr: { op: 'add', args: [{ ref: 'd3' }, 1] } },
  ],
  tiers: [{ id: 'base', label: '起步' }],
});
const asOf = '2026-11-29';

describe('the state of the answers', () => {
  it('hides the sub-sections of a hidden first section', () => {
    const hidden = score(def, { q: false, n: 5, 'x1.a': true }, { asOf });
    expect(hidden.sections.find((s) => s.id === 'x1')?.visible).toBe(false);
    expect(hidden.items.find((i) => i.id === 'x1.a')).toMatchObject({
      visible: false,
      status: 'not_applicable',
    });
    const shown = score(def, { q: true, n: 5, 'x1.a': true }, { asOf });
    expect(shown.items.find((i) => i.id === 'x1.a')).toMatchObject({
      visible: true,
      status: 'met',
    });
  });

  it('keeps every derived value, however many more than the items', () => {
    // 4 derived values over 3 items: n × 2 = 10, then 11, 12, 13; the answer n stays 5.
    const r = score(def, { q: true, n: 5 }, { asOf });
    expect(r.derived).toEqual({ d1: 10, d2: 11, d3: 12, d4: 13 });
    expect(r.progress).toMatchObject({ answered: 2, applicable: 3 });
  });
});

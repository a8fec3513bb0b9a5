import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import {
  CycleError,
  compile,
  dependencyGraph,
  inputItems,
  type Step,
  tierGates,
  topologicalOrder,
} from './compile.ts';

/*
 * compile.ts on a definition whose items refer forward (to a later section and to derived
 * values), so the order of evaluation differs from the order of the definition. Every
 * expected graph, order and index below is worked out by hand from this outline:
 *
 *   s.a (shown when q.late is true)          section 0
 *     a.x  yesno, shown when d.sum ≥ 1        item 0
 *     a.c  computed: d.sum                    item 1
 *     s.a1                                    section 1
 *       a1.y number                           item 2
 *   s.b                                       section 2
 *     q.late yesno                            item 3
 *     b.n    number                           item 4
 *   d.sum = b.n + a1.y                        derived 0
 *   d.twice = d.sum × 2                       derived 1
 */
const def = Definition.parse({
  id: 'compile-order',
  version: '1.0.0',
  family: 'gbt29490',
  title: '编译',
  audience: ['enterprise'],
  sections: [
    {
      id: 's.a',
      title: '甲',
      visibleWhen: { op: 'eq', ref: 'q.late', value: true },
      items: [
        {
          id: 'a.x',
          kind: 'yesno',
          prompt: '甲？',
          visibleWhen: { op: 'gte', ref: 'd.sum', value: 1 },
        },
        { id: 'a.c', kind: 'computed', prompt: '合计', value: 'd.sum' },
      ],
      sections: [
        { id: 's.a1', title: '甲一', items: [{ id: 'a1.y', kind: 'number', prompt: '件数' }] },
      ],
    },
    {
      id: 's.b',
      title: '乙',
      items: [
        { id: 'q.late', kind: 'yesno', prompt: '乙？' },
        { id: 'b.n', kind: 'number', prompt: '人数' },
      ],
    },
  ],
  derived: [
    { id: 'd.sum', label: '合计', expr: { op: 'add', args: [{ ref: 'b.n' }, { ref: 'a1.y' }] } },
    { id: 'd.twice', label: '两倍', expr: { op: 'mul', args: [{ ref: 'd.sum' }, 2] } },
  ],
  gates: [
    {
      id: 'g.one',
      kind: 'veto',
      title: '一',
      condition: { op: 'gte', ref: 'd.twice', value: 4 },
      failMessage: '一',
    },
    {
      id: 'g.two',
      title: '二',
      condition: { op: 'eq', ref: 'q.late', value: true },
      failMessage: '二',
    },
    // Reads an id that is neither item nor derived value (the checker refuses it).
    { id: 'g.ghost', title: '三', condition: { op: 'eq', ref: 'zz', value: 1 }, failMessage: '三' },
  ],
  tiers: [
    { id: 't0', label: '零', gates: ['g.two'] },
    { id: 't1', label: '一', minScore: 10, gates: ['g.two'] },
    { id: 't2', label: '二', minScore: 20, gates: ['g.one', 'g.two'] },
  ],
});

const section = (index: number): Step => ({ kind: 'section', index });
const item = (index: number): Step => ({ kind: 'item', index });
const derived = (index: number): Step => ({ kind: 'derived', index });

describe('dependencyGraph', () => {
  it('keys sections, items and derived values, each with the steps it waits for', () => {
    expect([...dependencyGraph(def)]).toEqual([
      ['s:s.a', { step: section(0), deps: ['i:q.late'] }],
      ['i:a.x', { step: item(0), deps: ['s:s.a', 'd:d.sum'] }],
      ['i:a.c', { step: item(1), deps: ['s:s.a', 'd:d.sum'] }],
      ['s:s.a1', { step: section(1), deps: ['s:s.a'] }],
      ['i:a1.y', { step: item(2), deps: ['s:s.a1'] }],
      ['s:s.b', { step: section(2), deps: [] }],
      ['i:q.late', { step: item(3), deps: ['s:s.b'] }],
      ['i:b.n', { step: item(4), deps: ['s:s.b'] }],
      ['d:d.sum', { step: derived(0), deps: ['i:b.n', 'i:a1.y'] }],
      ['d:d.twice', { step: derived(1), deps: ['d:d.sum'] }],
    ]);
  });
});

describe('topologicalOrder', () => {
  it('puts every step after its inputs, each once, depth first in the order of the definition', () => {
    // s:s.a waits for q.late, which waits for s.b; a.x waits for d.sum, which waits for
    // b.n and then a1.y (and a1.y for s.a1); d.twice comes last, after d.sum.
    expect(topologicalOrder(dependencyGraph(def))).toEqual([
      section(2),
      item(3),
      section(0),
      item(4),
      section(1),
      item(2),
      derived(0),
      item(0),
      item(1),
      derived(1),
    ]);
    expect(compile(def).order).toEqual(topologicalOrder(dependencyGraph(def)));
  });

  it('passes over references to nothing (the checker reports them)', () => {
    const graph = new Map([
      ['s:s', { step: section(0), deps: ['i:nowhere'] }],
      ['i:x', { step: item(0), deps: ['s:s', 'd:nothing'] }],
    ]);
    expect(topologicalOrder(graph)).toEqual([section(0), item(0)]);
  });

  it('names the cycle, from where it closes, without the steps visited on the way', () => {
    // x (section s1) waits for d.a; d.a for q (section s2, first visited from d.a) and
    // d.b; d.b for d.a again. The path to the cycle (x) and the finished q and s2 are not
    // part of it.
    const cyclic = Definition.parse({
      ...def,
      sections: [
        {
          id: 's1',
          title: '一',
          items: [
            {
              id: 'x',
              kind: 'yesno',
              prompt: '一？',
              visibleWhen: { op: 'gte', ref: 'd.a', value: 1 },
            },
          ],
        },
        { id: 's2', title: '二', items: [{ id: 'q', kind: 'number', prompt: '二？' }] },
      ],
      derived: [
        { id: 'd.a', label: '甲', expr: { op: 'add', args: [{ ref: 'q' }, { ref: 'd.b' }] } },
        { id: 'd.b', label: '乙', expr: { op: 'add', args: [{ ref: 'd.a' }, 1] } },
      ],
      gates: [],
      tiers: [{ id: 't0', label: '零' }],
    });
    let thrown: unknown;
    try {
      topologicalOrder(dependencyGraph(cyclic));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CycleError);
    expect(thrown).toMatchObject({
      name: 'CycleError',
      cycle: ['d:d.a', 'd:d.b', 'd:d.a'],
      message: 'circular dependency: d:d.a → d:d.b → d:d.a',
    });
  });
});

describe('inputItems', () => {
  it('follows derived values down to the items they read, each once', () => {
    // d.twice → d.sum → b.n, a1.y; then q.late itself (twice named, once listed).
    expect([...inputItems(def, ['d.twice', 'q.late', 'q.late'])]).toEqual([
      'b.n',
      'a1.y',
      'q.late',
    ]);
  });

  it('adds to the sets it is given, and skips what was seen already', () => {
    const into = new Set(['before']);
    const seen = new Set(['d.sum']);
    // d.twice is walked; d.sum was seen, so b.n and a1.y are not reached.
    expect([...inputItems(def, ['d.twice', 'q.late'], into, seen)]).toEqual(['before', 'q.late']);
    expect([...seen].sort()).toEqual(['d.sum', 'd.twice', 'q.late']);
  });

  it('stops in a cycle of derived values', () => {
    const derivedOnly = {
      derived: [
        {
          id: 'd.a',
          label: '甲',
          expr: { op: 'add' as const, args: [{ ref: 'q' }, { ref: 'd.b' }] },
        },
        { id: 'd.b', label: '乙', expr: { op: 'add' as const, args: [{ ref: 'd.a' }, 1] } },
      ],
    };
    expect([...inputItems(derivedOnly, ['d.a'])]).toEqual(['q']);
  });
});

describe('tierGates', () => {
  it('gives the lowest tier its own gates, every higher one the vetoes first, once each', () => {
    expect(tierGates(def)).toEqual([['g.two'], ['g.one', 'g.two'], ['g.one', 'g.two']]);
    expect(
      tierGates({
        gates: def.gates.map((g) => ({ ...g, kind: 'eligibility' as const })),
        tiers: def.tiers,
      }),
    ).toEqual([['g.two'], ['g.two'], ['g.one', 'g.two']]);
  });
});

describe('compile', () => {
  // A fresh copy per test: compile caches per definition object, and a test that hit the
  // cache would not run the code it checks (nor be chosen by Stryker to judge its mutants).
  const fresh = () => {
    const d = structuredClone(def);
    return { d, c: compile(d) };
  };

  it('indexes sections with their parent, sub-sections and items, and the top ones', () => {
    const { c } = fresh();
    expect(c.sections.map((s) => [s.section.id, s.index, s.parent, s.children, s.items])).toEqual([
      ['s.a', 0, -1, [1], [0, 1]],
      ['s.a1', 1, 0, [], [2]],
      ['s.b', 2, -1, [], [3, 4]],
    ]);
    expect(c.top).toEqual([0, 2]);
  });

  it('indexes items with their section, and keeps derived values after the items', () => {
    const { d, c } = fresh();
    expect(c.items.map((i) => [i.item.id, i.index, i.section, i.sectionId])).toEqual([
      ['a.x', 0, 0, 's.a'],
      ['a.c', 1, 0, 's.a'],
      ['a1.y', 2, 1, 's.a1'],
      ['q.late', 3, 2, 's.b'],
      ['b.n', 4, 2, 's.b'],
    ]);
    expect([...c.itemIndex]).toEqual([
      ['a.x', 0],
      ['a.c', 1],
      ['a1.y', 2],
      ['q.late', 3],
      ['b.n', 4],
    ]);
    // Five items, so the two derived values take slots 5 and 6.
    expect([...c.slot]).toEqual([...c.itemIndex, ['d.sum', 5], ['d.twice', 6]]);
    expect(c.derived).toBe(d.derived);
    expect(c.tiers).toBe(d.tiers);
    expect(c.definition).toBe(d);
    expect([...c.gateById.keys()]).toEqual(['g.one', 'g.two', 'g.ghost']);
    expect(c.tierGates).toEqual([['g.two'], ['g.one', 'g.two'], ['g.one', 'g.two']]);
  });

  it("lists each gate's input items by index, through derived values, and no unknown id", () => {
    const { c } = fresh();
    // g.one reads d.twice → d.sum → b.n (4), a1.y (2); g.two q.late (3); g.ghost nothing known.
    expect([...c.gateInputs]).toEqual([
      ['g.one', [4, 2]],
      ['g.two', [3]],
      ['g.ghost', []],
    ]);
  });

  it("reads answers with each item's reader, and is made once per definition object", () => {
    const { d, c } = fresh();
    expect(c.items[4]?.read(7)).toBe(7);
    expect(c.items[4]?.read('7')).toBeUndefined();
    expect(compile(d)).toBe(c);
    const copy = structuredClone(d);
    const again = compile(copy);
    expect(again).not.toBe(c);
    expect(again.hash).toBe(c.hash);
    expect(c.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

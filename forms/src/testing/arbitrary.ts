import fc from 'fast-check';
import type { Condition } from '../schema/condition.ts';
import { Definition } from '../schema/definition.ts';
import type { Item } from '../schema/item.ts';
import { threeLevels } from './fixture.ts';

/*
 * Random definitions and answers for property tests. Unscored profile
 * questions drive visibility: p0 and p1 are always asked; p2 is asked only
 * when p0 is yes, and items, sections and the gate read it — so an answer to
 * p2 left over while it is hidden must show nothing and pass nothing (as the
 * built-in definitions' conditions read questions a profile answer hides).
 * Scored items are never referenced by a condition, so changing one never
 * shows or hides another.
 */

const kinds = ['yesno', 'single', 'multi', 'scale', 'number', 'evidence'] as const;

const itemSpec = fc.record({
  kind: fc.constantFrom(...kinds),
  points: fc.integer({ min: 1, max: 10 }),
  na: fc.boolean(),
  visible: fc.constantFrom('always', 'p0', 'not-p1', 'p2'),
});
type ItemSpec = typeof itemSpec extends fc.Arbitrary<infer T> ? T : never;

const leaf = fc.array(itemSpec, { minLength: 1, maxLength: 4 });
const sectionSpec = fc.record({
  weight: fc.integer({ min: 1, max: 3 }),
  visible: fc.constantFrom('always', 'always', 'p0', 'p2'),
  body: fc.oneof(
    leaf.map((items) => ({ items })),
    fc.array(leaf, { minLength: 1, maxLength: 3 }).map((children) => ({ children })),
  ),
});

const when = (v: string): Condition | undefined =>
  v === 'p0'
    ? { op: 'eq', ref: 'p0', value: true }
    : v === 'not-p1'
      ? { op: 'not', cond: { op: 'eq', ref: 'p1', value: true } }
      : v === 'p2'
        ? { op: 'eq', ref: 'p2', value: true }
        : undefined;

/** The gate: on p1 alone, or also passed by p2 (a question that can be hidden). */
const gateConditions: Condition[] = [
  { op: 'eq', ref: 'p1', value: false },
  {
    op: 'any',
    of: [
      { op: 'eq', ref: 'p1', value: false },
      { op: 'eq', ref: 'p2', value: true },
    ],
  },
];

function makeItem(id: string, s: ItemSpec): Record<string, unknown> {
  const base = { id, prompt: `题目 ${id}`, allowNotApplicable: s.na, visibleWhen: when(s.visible) };
  const opts = (k: number) =>
    [0, 1, 2].map((i) => ({ id: `o${i}`, label: `选项${i}`, points: i * k }));
  switch (s.kind) {
    case 'yesno':
      return { ...base, kind: 'yesno', points: s.points };
    case 'single':
      return { ...base, kind: 'single', options: opts(s.points) };
    case 'multi':
      return { ...base, kind: 'multi', options: opts(s.points), maxPoints: s.points * 2 };
    case 'scale':
      return { ...base, kind: 'scale', scale: 'm', points: s.points };
    case 'number':
      return {
        ...base,
        kind: 'number',
        scoring: {
          type: 'bands',
          bands: [
            { max: 1, points: 0 },
            { min: 1, max: 5, points: s.points / 2 },
            { min: 5, points: s.points },
          ],
        },
      };
    case 'evidence':
      return { ...base, kind: 'evidence', points: s.points };
  }
}

export const definitionArb: fc.Arbitrary<Definition> = fc
  .record({
    sections: fc.array(sectionSpec, { minLength: 1, maxLength: 4 }),
    thresholds: fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 40 })),
    gated: fc.boolean(),
    gate: fc.constantFrom(...gateConditions),
  })
  .map(({ sections, thresholds: [t1, dt], gated, gate }) => {
    let n = 0;
    const items = (specs: ItemSpec[]) => specs.map((s) => makeItem(`i${n++}`, s));
    return Definition.parse({
      id: 'random',
      version: '1.0.0',
      family: 'gbt29490',
      title: '随机问卷',
      audience: ['enterprise'],
      scales: { m: threeLevels },
      sections: [
        {
          id: 'profile',
          title: '概况',
          items: [
            { id: 'p0', kind: 'yesno', prompt: 'p0' },
            { id: 'p1', kind: 'yesno', prompt: 'p1' },
            { id: 'p2', kind: 'yesno', prompt: 'p2', visibleWhen: when('p0') },
          ],
        },
        ...sections.map((s, i) => ({
          id: `s${i}`,
          title: `第${i}节`,
          weight: s.weight,
          visibleWhen: when(s.visible),
          ...('items' in s.body
            ? { items: items(s.body.items) }
            : {
                sections: s.body.children.map((c, j) => ({
                  id: `s${i}.${j}`,
                  title: `第${i}.${j}节`,
                  items: items(c),
                })),
              }),
        })),
      ],
      gates: [
        {
          id: 'g',
          title: '门槛',
          condition: gate,
          failMessage: '未通过',
        },
      ],
      tiers: [
        { id: 't0', label: '起点' },
        { id: 't1', label: '一级', minScore: t1 },
        { id: 't2', label: '二级', minScore: t1 + dt, gates: gated ? ['g'] : [] },
      ],
    });
  });

/** A value for an item picked by `choice`; some choices leave it unanswered or not applicable. */
export function answerFor(item: Item, choice: number): unknown {
  const c = Math.abs(choice);
  if (c % 7 === 0) return undefined;
  if (c % 7 === 1 && item.allowNotApplicable) return { notApplicable: true };
  switch (item.kind) {
    case 'yesno':
      return c % 2 === 0;
    case 'single':
      return `o${c % 3}`;
    case 'multi':
      return ['o0', 'o1', 'o2'].filter((_, i) => (c >> i) & 1);
    case 'scale':
      return c % 3;
    case 'number':
      return c % 9;
    case 'evidence':
      return c % 2 === 0 ? { files: [], ref: '档案室 A-12' } : undefined;
    default:
      return undefined;
  }
}

/** The answer that earns an item its full points. */
export function bestAnswer(item: Item): unknown {
  switch (item.kind) {
    case 'yesno':
      return true;
    case 'single':
      return 'o2';
    case 'multi':
      return ['o0', 'o1', 'o2'];
    case 'scale':
      return 2;
    case 'number':
      return 8;
    case 'evidence':
      return { files: [], ref: '档案室 A-12' };
    default:
      return undefined;
  }
}

export const allItems = (d: Definition): Item[] => {
  const out: Item[] = [];
  const walk = (ss: Definition['sections']) => {
    for (const s of ss) {
      out.push(...s.items);
      walk(s.sections);
    }
  };
  walk(d.sections);
  return out;
};

/** A definition with an answer set drawn for it. */
export const assessmentArb = fc
  .tuple(
    definitionArb,
    fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 40, maxLength: 40 }),
  )
  .map(([definition, choices]) => {
    const answers: Record<string, unknown> = {};
    allItems(definition).forEach((item, i) => {
      const v = answerFor(item, choices[i % choices.length] ?? 0);
      if (v !== undefined) answers[item.id] = v;
    });
    return { definition, answers };
  });

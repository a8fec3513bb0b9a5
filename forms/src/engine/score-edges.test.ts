import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { compile } from './compile.ts';
import { type ItemOverride, score } from './score.ts';

/*
 * Edges of score.ts the fixture does not reach: reviewer overrides of every
 * status, on a question without points too; which items are required; the
 * section tree in the result; which items count as targets; dates a
 * definition applies between when only one is given.
 *
 * Section a (index 0) holds sub-section a1. Every scored item is worth 10.
 * a.sales is a number with target 100; a.rate a computed value (sales / 1000)
 * with target 0.5; a.hidden a target shown only when p.show is yes; a.bands a
 * number scored in bands (not a target).
 */
const def = Definition.parse({
  id: 'score-edges',
  version: '1.2.0',
  family: 'gbt29490',
  title: '评分边界',
  audience: ['enterprise'],
  sections: [
    {
      id: 'a',
      title: '甲',
      items: [
        { id: 'a.q', kind: 'yesno', points: 10, prompt: '甲？' },
        {
          id: 'a.sales',
          kind: 'number',
          prompt: '销售',
          scoring: { type: 'target', target: 100, points: 10 },
        },
        {
          id: 'a.rate',
          kind: 'computed',
          prompt: '比率',
          value: 'd.rate',
          scoring: { type: 'target', target: 0.5, points: 10 },
        },
        {
          id: 'a.hidden',
          kind: 'number',
          prompt: '隐藏',
          visibleWhen: { op: 'eq', ref: 'p.show', value: true },
          scoring: { type: 'target', target: 10, points: 10 },
        },
        {
          id: 'a.bands',
          kind: 'number',
          prompt: '分档',
          scoring: { type: 'bands', bands: [{ min: 1, points: 10 }] },
        },
      ],
      sections: [
        {
          id: 'a1',
          title: '甲一',
          items: [{ id: 'a1.x', kind: 'yesno', points: 10, prompt: '一' }],
        },
      ],
    },
    {
      id: 'p',
      title: '概况',
      items: [
        { id: 'p.info', kind: 'yesno', prompt: '信息' },
        { id: 'p.opt', kind: 'yesno', prompt: '选答', required: false },
        { id: 'p.show', kind: 'yesno', prompt: '显示吗？' },
      ],
    },
  ],
  derived: [{ id: 'd.rate', label: '比率', expr: { op: 'div', args: [{ ref: 'a.sales' }, 1000] } }],
  tiers: [{ id: 'base', label: '起步' }],
});
const asOf = '2026-11-29';
// sales 200 meets its target; the rate 0.2 is 40 % of 0.5: 4 of 10 points.
const answers = {
  'a.q': true,
  'a.sales': 200,
  'a.bands': 5,
  'a1.x': true,
  'p.info': true,
  'p.opt': true,
  'p.show': false,
};
const item = (r: ReturnType<typeof score>, id: string) => r.items.find((i) => i.id === id);
const judged = (status: ItemOverride['status'], points?: number) =>
  item(
    score(def, answers, {
      asOf,
      overrides: { 'a.q': { status, ...(points === undefined ? {} : { points }) } },
    }),
    'a.q',
  );

describe('overrides', () => {
  it('give each judged status its points: unmet 0, partial as given or half, not applicable out', () => {
    expect(judged('unmet')).toMatchObject({ status: 'unmet', points: 0, max: 10 });
    expect(judged('partial', 3)).toMatchObject({ status: 'partial', points: 3, max: 10 });
    expect(judged('partial')).toMatchObject({ status: 'partial', points: 5 });
    expect(judged('partial', 0)).toMatchObject({ status: 'unmet', points: 0 });
    expect(judged('not_applicable')).toMatchObject({
      status: 'not_applicable',
      max: 0,
      required: false,
      overridden: true,
    });
  });

  it('leave a question without points as it was answered', () => {
    const r = score(def, answers, { asOf, overrides: { 'p.info': { status: 'met' } } });
    expect(item(r, 'p.info')).toMatchObject({ status: 'info', points: 0, max: 0 });
  });
});

describe('the result', () => {
  it('marks as required only the asked, required, answerable items', () => {
    const r = score(def, answers, { asOf });
    const required = r.items.filter((i) => i.required).map((i) => i.id);
    // Not p.opt (optional), a.rate (computed), a.hidden (hidden by p.show).
    expect(required.sort()).toEqual(['a.bands', 'a.q', 'a.sales', 'a1.x', 'p.info', 'p.show']);
  });

  it('counts as targets only the shown target-scored numbers and computed values', () => {
    const r = score(def, answers, { asOf });
    expect(item(r, 'a.rate')).toMatchObject({ status: 'partial', points: 4 });
    expect(r.targets).toEqual({ attained: 1, total: 2, missed: ['a.rate'] });
    // Shown, the hidden target counts too (unanswered: missed).
    const shown = score(def, { ...answers, 'p.show': true }, { asOf });
    expect(shown.targets).toEqual({ attained: 1, total: 3, missed: ['a.rate', 'a.hidden'] });
  });

  it('gives each section its parent, visibility and points, and names the definition', () => {
    const r = score(def, answers, { asOf });
    const section = (id: string) => r.sections.find((s) => s.id === id);
    // a: a.q 10, a.sales 10, a.rate 4, a.bands 10 and a1's 10.
    expect(section('a')).toMatchObject({ parent: null, visible: true, points: 44, max: 50 });
    expect(section('a1')).toMatchObject({ parent: 'a', visible: true, points: 10, max: 10 });
    expect(r.definition).toEqual({ id: 'score-edges', version: '1.2.0', hash: compile(def).hash });
  });

  it('is the same for a compiled definition', () => {
    expect(score(compile(def), answers, { asOf })).toEqual(score(def, answers, { asOf }));
  });
});

describe('dates a definition applies between', () => {
  it('applies from its first day when only that is given', () => {
    const from = { ...def, validFrom: '2026-01-01' };
    expect(score(from, answers, { asOf: '2026-01-01' }).edition).toEqual({
      status: 'current',
      validFrom: '2026-01-01',
    });
    expect(score(from, answers, { asOf: '2025-12-31' }).edition?.status).toBe('notYetInForce');
  });

  it('after its last day, says so in its own words', () => {
    const until = { ...def, validUntil: '2026-06-30', expiredMessage: '证书已失效，请迁移' };
    const r = score(until, answers, { asOf });
    expect(r.edition).toEqual({ status: 'expired', validUntil: '2026-06-30' });
    expect(r.verdict.reasons).toEqual([
      { code: 'definition.expired', validUntil: '2026-06-30', message: '证书已失效，请迁移' },
    ]);
  });
});

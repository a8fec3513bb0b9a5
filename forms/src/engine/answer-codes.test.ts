import { describe, expect, it } from 'vitest';
import type { Item } from '../schema/item.ts';
import { allKinds } from '../testing/all-kinds.ts';
import { checkValue, validateAnswers } from './answer-check.ts';

/*
 * Every answer issue code, each with its exact path and parameters, over the all-kinds
 * definition (k.single: none, full; k.multi: a, b; k.scale levels 0, 1, 2; k.na allows
 * not applicable) and one bounded number (1 to 10, whole) and one short text (max 5).
 */

const items = new Map(allKinds.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
const check = (id: string, v: unknown) => checkValue(items.get(id) as Item, v, allKinds.scales);
const bounded = {
  id: 'k.bounded',
  kind: 'number',
  prompt: 'x',
  min: 1,
  max: 10,
  integer: true,
  citations: [],
} as unknown as Item;
const short = {
  id: 'k.short',
  kind: 'text',
  prompt: 'x',
  maxLength: 5,
  citations: [],
} as unknown as Item;

describe('checkValue', () => {
  it('accepts a well-typed answer of every kind', () => {
    const ok: [string, unknown][] = [
      ['k.yesno', false],
      ['k.single', 'none'],
      ['k.multi', []],
      ['k.multi', ['b', 'a']],
      ['k.scale', 0],
      ['k.number', -3.5],
      ['k.date', '2024-02-29'],
      ['k.text', ''],
      ['k.evidence', { ref: '手册第3章' }],
      ['k.na', { notApplicable: true, reason: '无生产环节' }],
      ['k.na', true],
    ];
    for (const [id, v] of ok) expect(check(id, v), id).toBeNull();
    expect(checkValue(bounded, 1, {})).toBeNull();
    expect(checkValue(bounded, 10, {})).toBeNull();
    expect(checkValue(short, '12345', {})).toBeNull();
  });

  it('names what is wrong, at the item (and inside it where it can)', () => {
    const cases: [string, unknown, object][] = [
      ['k.yesno', 'yes', { path: ['k.yesno'], code: 'answer.yesno' }],
      ['k.single', 1, { path: ['k.single'], code: 'answer.choose_one' }],
      ['k.single', 'half', { path: ['k.single'], code: 'answer.not_option' }],
      ['k.multi', 'a', { path: ['k.multi'], code: 'answer.choose_some' }],
      ['k.multi', ['a', 'c'], { path: ['k.multi', 1], code: 'answer.not_option' }],
      ['k.multi', [2], { path: ['k.multi', 0], code: 'answer.not_option' }],
      ['k.multi', ['b', 'b'], { path: ['k.multi'], code: 'answer.duplicate_option' }],
      ['k.scale', '1', { path: ['k.scale'], code: 'answer.choose_level' }],
      [
        'k.scale',
        3,
        { path: ['k.scale'], code: 'answer.not_level', params: { levels: '0、1、2' } },
      ],
      ['k.number', '5', { path: ['k.number'], code: 'answer.number' }],
      ['k.number', Number.NaN, { path: ['k.number'], code: 'answer.not_finite' }],
      ['k.number', Number.NEGATIVE_INFINITY, { path: ['k.number'], code: 'answer.not_finite' }],
      ['k.date', 20240229, { path: ['k.date'], code: 'answer.date' }],
      ['k.date', '2025-02-29', { path: ['k.date'], code: 'answer.bad_date' }],
      ['k.text', 5, { path: ['k.text'], code: 'answer.text' }],
      ['k.computed', 0.5, { path: ['k.computed'], code: 'answer.computed' }],
      ['k.evidence', {}, { path: ['k.evidence'], code: 'answer.evidence_empty' }],
      [
        'k.evidence',
        { ref: 'x', colour: 'red' },
        { path: ['k.evidence'], code: 'answer.unknown_fields', params: { keys: 'colour' } },
      ],
      ['k.evidence', 'x', { path: ['k.evidence'], code: 'answer.malformed' }],
      // Not applicable is an answer only where the item allows it.
      [
        'k.yesno',
        { notApplicable: true, reason: 'x' },
        { path: ['k.yesno'], code: 'answer.yesno' },
      ],
    ];
    for (const [id, v, issue] of cases)
      expect(check(id, v), `${id} ${JSON.stringify(v)}`).toEqual(issue);
    expect(checkValue(bounded, 0, {})).toEqual({
      path: ['k.bounded'],
      code: 'answer.too_small',
      params: { min: 1 },
    });
    expect(checkValue(bounded, 11, {})).toEqual({
      path: ['k.bounded'],
      code: 'answer.too_big',
      params: { max: 10 },
    });
    expect(checkValue(bounded, 2.5, {})).toEqual({
      path: ['k.bounded'],
      code: 'answer.not_integer',
    });
    expect(checkValue(short, '123456', {})).toEqual({
      path: ['k.short'],
      code: 'answer.too_long',
      params: { max: 5 },
    });
  });

  it('checks a not-applicable answer’s own fields', () => {
    expect(check('k.na', { notApplicable: true, reason: 'x', extra: 1 })).toEqual({
      path: ['k.na'],
      code: 'answer.unknown_fields',
      params: { keys: 'extra' },
    });
  });
});

describe('validateAnswers', () => {
  it('names unknown items first, joined, then each bad answer; undefined answers are skipped', () => {
    expect(
      validateAnswers(allKinds, { 'k.zz': 1, 'k.yesno': 'y', 'k.aa': 2, 'k.date': undefined }),
    ).toEqual([
      { path: [], code: 'answer.unknown_items', params: { ids: 'k.zz、k.aa' } },
      { path: ['k.yesno'], code: 'answer.yesno' },
    ]);
  });

  it('refuses what is not an object of answers', () => {
    for (const a of [null, [], 'x', 3])
      expect(validateAnswers(allKinds, a), String(a)).toEqual([
        { path: [], code: 'answer.not_object' },
      ]);
  });
});

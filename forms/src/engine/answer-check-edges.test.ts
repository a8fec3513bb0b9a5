import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { Item } from '../schema/item.ts';
import { fixture } from '../testing/fixture.ts';
import { checkValue, validateAnswers } from './answer-check.ts';
import { compile } from './compile.ts';

describe('answer-check edges', () => {
  it('a scale the definition lacks has no levels to list', () => {
    const s = Item.parse({ id: 's', kind: 'scale', prompt: '程度', scale: 'missing' });
    expect(checkValue(s, 1, {})).toEqual({
      path: ['s'],
      code: 'answer.not_level',
      params: { levels: '' },
    });
  });

  it('a compiled definition is checked as the definition itself', () => {
    const answers = { 'a.policy': 'yes', 'b1.staff': 2, 'x.nope': 1 };
    const byDef = validateAnswers(fixture, answers, { mode: 'submit' });
    expect(byDef.map((i) => i.code)).toContain('answer.yesno');
    expect(validateAnswers(compile(fixture), answers, { mode: 'submit' })).toEqual(byDef);
  });

  it('a contradiction is not also reported on a question whose answer is malformed', () => {
    // The rule reads a.policy and a.budget but also flags b1.staff, answered with a text.
    const def = Definition.parse({
      ...structuredClone(fixture),
      consistency: [
        {
          id: 'k.budget',
          when: { op: 'eq', ref: 'a.policy', value: false },
          expect: { op: 'ne', ref: 'a.budget', value: 'full' },
          items: ['a.policy', 'b1.staff'],
          message: '没有方针却说预算充足',
        },
      ],
    });
    const issues = validateAnswers(
      def,
      { 'a.policy': false, 'a.budget': 'full', 'b1.staff': '三人' },
      { mode: 'submit' },
    );
    const on = (id: string) => issues.filter((i) => i.path[0] === id).map((i) => i.code);
    expect(on('b1.staff')).toEqual(['answer.number']);
    expect(on('a.policy')).toEqual(['answer.inconsistent']);
  });
});

import { describe, expect, it } from 'vitest';
import { allMet, fixture } from '../testing/fixture.ts';
import { validateAnswers } from './answers-schema.ts';

describe('validateAnswers', () => {
  it('accepts a complete, well-typed answer set in both modes', () => {
    expect(validateAnswers(fixture, allMet, 'draft')).toEqual([]);
    expect(validateAnswers(fixture, allMet, 'submit')).toEqual([]);
  });

  it('lists unknown ids and wrong types as structured problems in Chinese', () => {
    const problems = validateAnswers(fixture, {
      'a.policy': 'yes',
      'a.budget': 'lots',
      'b2.records': 9,
      'zz.nope': 1,
    });
    const byPath = Object.fromEntries(
      problems.map((p) => [p.path.join('.') || '(root)', p.message]),
    );
    expect(byPath['a.policy']).toBe('请选择“是”或“否”');
    expect(byPath['a.budget']).toBe('不是本题的选项');
    expect(byPath['b2.records']).toBe('等级应为 0、1、2 之一');
    expect(byPath['(root)']).toContain('zz.nope');
  });

  it('never throws on input that is not an object', () => {
    for (const bad of [null, 3, 'x', [1, 2]]) {
      expect(validateAnswers(fixture, bad)[0]?.code).toBe('invalid_type');
    }
  });

  it('requires, on submit, only the required items that are shown', () => {
    const { 'prod.check': _, ...rest } = allMet;
    expect(validateAnswers(fixture, rest, 'draft')).toEqual([]);
    expect(validateAnswers(fixture, rest, 'submit')).toEqual([
      expect.objectContaining({ path: ['prod.check'], code: 'required' }),
    ]);
    // Not a manufacturer: the production question is hidden, so not required.
    expect(validateAnswers(fixture, { ...rest, 'p.make': false }, 'submit')).toEqual([]);
  });

  it('accepts not-applicable only where the item allows it', () => {
    expect(
      validateAnswers(fixture, { 'b2.records': { notApplicable: true, reason: '无' } }),
    ).toEqual([]);
    expect(validateAnswers(fixture, { 'a.policy': { notApplicable: true } })[0]?.path).toEqual([
      'a.policy',
    ]);
  });
});

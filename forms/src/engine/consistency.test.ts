import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../checker/check.ts';
import { issueText } from '../present/issue-text.ts';
import type { ConsistencyRule } from '../schema/consistency.ts';
import { Definition } from '../schema/definition.ts';
import { fixture } from '../testing/fixture.ts';
import { validateAnswers } from './answer-check.ts';
import { consistencyIssues } from './consistency.ts';

/** "No penalty" cannot go with "production checks" hidden; a rule across two shown questions. */
const rule: ConsistencyRule = {
  id: 'k.policy',
  when: { op: 'eq', ref: 'a.policy', value: false },
  expect: { op: 'ne', ref: 'a.budget', value: 'full' },
  items: ['a.policy', 'a.budget'],
  message: { zh: '没有方针却说预算充足', en: 'No policy yet a full budget' },
};
const withRules = (...rules: ConsistencyRule[]) =>
  Definition.parse({ ...structuredClone(fixture), consistency: rules });
const def = withRules(rule);

describe('consistencyIssues', () => {
  it('flags every listed question when the answers contradict each other', () => {
    const issues = consistencyIssues(def, { 'a.policy': false, 'a.budget': 'full' });
    expect(issues).toEqual([
      {
        path: ['a.policy'],
        code: 'answer.inconsistent',
        params: { rule: 'k.policy', with: 'a.budget' },
      },
      {
        path: ['a.budget'],
        code: 'answer.inconsistent',
        params: { rule: 'k.policy', with: 'a.policy' },
      },
    ]);
  });

  it('says nothing when either side holds the other way or is still unanswered', () => {
    expect(consistencyIssues(def, { 'a.policy': true, 'a.budget': 'full' })).toEqual([]);
    expect(consistencyIssues(def, { 'a.policy': false, 'a.budget': 'some' })).toEqual([]);
    expect(consistencyIssues(def, { 'a.policy': false })).toEqual([]);
    expect(consistencyIssues(def, { 'a.budget': 'full' })).toEqual([]);
  });

  it('never reads a hidden answer: a question hidden by the profile contradicts nothing', () => {
    const hidden = withRules({
      id: 'k.prod',
      when: { op: 'eq', ref: 'a.policy', value: false },
      expect: { op: 'eq', ref: 'prod.check', value: false },
      items: ['prod.check'],
      message: '没有方针却说生产环节有检查',
    });
    const answers = { 'a.policy': false, 'prod.check': true };
    expect(consistencyIssues(hidden, { ...answers, 'p.make': false })).toEqual([]);
    expect(consistencyIssues(hidden, { ...answers, 'p.make': true })).toHaveLength(1);
  });

  it('blocks a submission, never a draft', () => {
    const answers = { 'a.policy': false, 'a.budget': 'full' };
    expect(validateAnswers(def, answers, { mode: 'draft' })).toEqual([]);
    const codes = validateAnswers(def, answers, { mode: 'submit' }).map((i) => i.code);
    expect(codes.filter((c) => c === 'answer.inconsistent')).toHaveLength(2);
  });

  it("is worded by the rule's own message with the definition, by the other question without", () => {
    const [issue] = consistencyIssues(def, { 'a.policy': false, 'a.budget': 'full' });
    if (!issue) throw new Error('expected an issue');
    expect(issueText(issue, 'zh', def)).toBe('与其他回答矛盾：没有方针却说预算充足');
    expect(issueText(issue, 'en', def)).toBe(
      'Contradicts another answer: No policy yet a full budget',
    );
    expect(issueText(issue, 'zh')).toBe('与 a.budget 的回答矛盾');
  });
});

describe('checkDefinition on consistency rules', () => {
  const codes = (d: Definition) =>
    checkDefinition(d)
      .filter((p) => p.severity === 'error')
      .map((p) => [p.code, p.path.join('.')]);

  it('accepts a sound rule', () => {
    expect(codes(def)).toEqual([]);
  });

  it('rejects unknown references, mistyped comparisons, duplicate ids and flags the rule cannot resolve', () => {
    const bad = withRules(
      { ...rule, when: { op: 'eq', ref: 'a.nope', value: false } },
      { ...rule, expect: { op: 'eq', ref: 'a.budget', value: 'plenty' } },
      { ...rule, id: 'k.other', items: ['b1.staff', 'a.ghost'] },
    );
    expect(codes(bad)).toEqual(
      expect.arrayContaining([
        ['unknown_ref', 'consistency.0.when.ref'],
        ['type_mismatch', 'consistency.1.expect.value'],
        ['duplicate_id', 'consistency.1.id'],
        ['flag_not_read', 'consistency.2.items.0'],
        ['unknown_ref', 'consistency.2.items.1'],
      ]),
    );
  });
});

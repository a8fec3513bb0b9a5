import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { fixture } from '../testing/fixture.ts';
import { consistencyIssues } from './consistency.ts';

describe('consistencyIssues edges', () => {
  // Fires when there is no policy (and the derived month count is known) yet the budget is full.
  const def = Definition.parse({
    ...structuredClone(fixture),
    consistency: [
      {
        id: 'k.three',
        when: {
          op: 'all',
          of: [
            { op: 'eq', ref: 'a.policy', value: false },
            { op: 'gte', ref: 'd.months', value: 0 },
          ],
        },
        expect: {
          op: 'all',
          of: [
            { op: 'ne', ref: 'a.budget', value: 'full' },
            { op: 'gt', ref: 'b1.staff', value: 5 },
          ],
        },
        items: ['a.policy', 'prod.check'],
        message: '没有方针却说预算充足',
      },
    ],
  });
  const answers = { 'a.policy': false, 'a.budget': 'full', 'p.started': '2026-01-01' };

  it('flags only the listed items that are shown, naming the other items read (not derived values)', () => {
    // p.make unanswered: the production section (prod.check) is hidden.
    expect(consistencyIssues(def, answers, '2026-11-29')).toEqual([
      {
        path: ['a.policy'],
        code: 'answer.inconsistent',
        params: { rule: 'k.three', with: 'a.budget、b1.staff' },
      },
    ]);
  });

  it('flags a listed item once its section is shown', () => {
    const issues = consistencyIssues(def, { ...answers, 'p.make': true }, '2026-11-29');
    expect(issues.map((i) => i.path)).toEqual([['a.policy'], ['prod.check']]);
    expect(issues[1]?.params?.with).toBe('a.policy、a.budget、b1.staff');
  });
});

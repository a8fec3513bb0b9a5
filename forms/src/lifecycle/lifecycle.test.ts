import { describe, expect, it } from 'vitest';
import { AssessmentStatus } from '../schema/enums.ts';
import {
  ACTIONS,
  allowedActions,
  guard,
  nextStatus,
  type Relation,
  reviewVisibleTo,
} from './lifecycle.ts';

const owner: Relation = { role: 'respondent', owner: true, assigned: false };
const stranger: Relation = { role: 'respondent', owner: false, assigned: false };
const reviewer: Relation = { role: 'reviewer', owner: false, assigned: true };
const otherReviewer: Relation = { role: 'reviewer', owner: false, assigned: false };
const admin: Relation = { role: 'admin', owner: false, assigned: false };

describe('lifecycle', () => {
  it('allows each action exactly in its states, to exactly its actors', () => {
    const table = Object.fromEntries(
      AssessmentStatus.options.map((s) => [
        s,
        {
          owner: ACTIONS.filter((a) => guard(a, s, owner) === null),
          reviewer: ACTIONS.filter((a) => guard(a, s, reviewer) === null),
          admin: ACTIONS.filter((a) => guard(a, s, admin) === null),
        },
      ]),
    );
    expect(table).toEqual({
      draft: { owner: ['edit', 'submit'], reviewer: [], admin: [] },
      submitted: { owner: [], reviewer: [], admin: ['assign'] },
      in_review: { owner: [], reviewer: ['judge', 'decide'], admin: ['assign'] },
      returned: { owner: ['reopen'], reviewer: [], admin: [] },
      decided: { owner: [], reviewer: [], admin: [] },
    });
  });

  it('tells "never yours" from "not now"', () => {
    expect(guard('edit', 'draft', stranger)).toBe('not_permitted');
    expect(guard('judge', 'in_review', otherReviewer)).toBe('not_permitted');
    expect(guard('edit', 'returned', owner)).toBe('wrong_state');
    expect(guard('decide', 'decided', reviewer)).toBe('wrong_state');
  });

  it('moves submit to review when reviewers are already assigned, and a return back to the respondent', () => {
    expect(nextStatus('submit')).toBe('submitted');
    expect(nextStatus('submit', { hasReviewers: true })).toBe('in_review');
    expect(nextStatus('decide', { outcome: 'return' })).toBe('returned');
    expect(nextStatus('decide', { outcome: 'approve' })).toBe('decided');
    expect(nextStatus('reopen')).toBe('draft');
    expect(nextStatus('edit')).toBeNull();
  });

  it('lists what a caller may do now', () => {
    expect(allowedActions('draft', owner)).toEqual({
      edit: true,
      submit: true,
      assign: false,
      judge: false,
      decide: false,
      reopen: false,
    });
  });

  it('shows judgements to the respondent only once the review is over', () => {
    expect(reviewVisibleTo('in_review', owner)).toBe(false);
    expect(reviewVisibleTo('returned', owner)).toBe(true);
    expect(reviewVisibleTo('decided', owner)).toBe(true);
    expect(reviewVisibleTo('in_review', reviewer)).toBe(true);
  });

  it('lets only the lead of several reviewers decide and settle; every reviewer judges and finishes', () => {
    const member = { role: 'reviewer', owner: false, assigned: true, lead: false } as const;
    const leader = { ...member, lead: true };
    expect(guard('judge', 'in_review', member)).toBeNull();
    expect(guard('finish', 'in_review', member)).toBeNull();
    expect(guard('decide', 'in_review', member)).toBe('not_permitted');
    expect(guard('settle', 'in_review', member)).toBe('not_permitted');
    expect(guard('decide', 'in_review', leader)).toBeNull();
    expect(guard('settle', 'in_review', leader)).toBeNull();
    expect(guard('settle', 'returned', leader)).toBe('wrong_state');
    // Without a lead flag the caller is the only reviewer: they decide.
    expect(guard('decide', 'in_review', reviewer)).toBeNull();
  });

  it('lets the respondent reply to comments while the assessment is back with them', () => {
    expect(guard('reply', 'returned', owner)).toBeNull();
    expect(guard('reply', 'draft', owner)).toBeNull();
    expect(guard('reply', 'in_review', owner)).toBe('wrong_state');
    expect(guard('reply', 'returned', reviewer)).toBe('not_permitted');
  });
});

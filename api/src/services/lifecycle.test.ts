import type { Relation } from '@zhiping/forms';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/session.ts';
import { DomainError } from '../domain/errors.ts';
import { ensureAllowed, relationOf, stateError } from './lifecycle.ts';

/*
 * The services' side of the lifecycle (lifecycle.ts), called directly: how an actor relates
 * to an assessment, and which domain error a refusal becomes. Which action is allowed when
 * is the forms lifecycle's (tested there); the cases here are the ones it answers plainly:
 * a respondent edits a draft, a reviewer judges in review.
 */
const actor = (role: Actor['role'], orgId: string): Actor => ({
  id: 'u1',
  email: 'u1@example.cn',
  name: 'u1',
  role,
  orgId,
  orgName: orgId,
  orgKind: 'enterprise',
  orgRegion: null,
  sessionId: 's',
});

const thrown = (f: () => void): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('relationOf', () => {
  it("takes the actor's role, owns the assessment of the actor's organisation only, and passes assigned on", () => {
    expect(relationOf(actor('respondent', 'org-a'), 'org-a', false)).toEqual({
      role: 'respondent',
      owner: true,
      assigned: false,
    });
    expect(relationOf(actor('reviewer', 'reviews'), 'org-a', true)).toEqual({
      role: 'reviewer',
      owner: false,
      assigned: true,
    });
  });
});

describe('stateError', () => {
  it('is not_editable for edit and submit, wrong_state with the action for any other', () => {
    for (const action of ['edit', 'submit'] as const) {
      const e = stateError(action, 'in_review');
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ code: 'not_editable', params: { assessmentStatus: 'in_review' } });
    }
    expect(stateError('judge', 'draft')).toMatchObject({
      code: 'wrong_state',
      params: { assessmentStatus: 'draft', action: 'judge' },
    });
  });
});

describe('ensureAllowed', () => {
  const owner: Relation = { role: 'respondent', owner: true, assigned: false };
  const reviewer: Relation = { role: 'reviewer', owner: false, assigned: true };

  it('lets an allowed action through', () => {
    expect(thrown(() => ensureAllowed('edit', 'draft', owner))).toBeUndefined();
    expect(thrown(() => ensureAllowed('judge', 'in_review', reviewer))).toBeUndefined();
  });

  it('refuses a caller who may never take the action, whatever the state', () => {
    for (const status of ['draft', 'in_review'] as const) {
      const e = thrown(() => ensureAllowed('judge', status, owner));
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ code: 'not_permitted', params: { action: 'judge' } });
    }
  });

  it('refuses an allowed caller in the wrong state with the state error', () => {
    expect(thrown(() => ensureAllowed('edit', 'submitted', owner))).toMatchObject({
      code: 'not_editable',
      params: { assessmentStatus: 'submitted' },
    });
    expect(thrown(() => ensureAllowed('judge', 'decided', reviewer))).toMatchObject({
      code: 'wrong_state',
      params: { assessmentStatus: 'decided', action: 'judge' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { bodyOf, draftOf, type JudgementDraft, missingOf } from './judgement-draft.ts';

const empty: JudgementDraft = draftOf(null);

describe('judgement draft', () => {
  it('nothing is chosen at first, so nothing is recorded', () => {
    expect(empty.verdict).toBeNull();
    expect(bodyOf(empty)).toBeNull();
  });

  it('agreeing is recorded at once, with a comment if written', () => {
    expect(bodyOf({ ...empty, verdict: 'agree' })).toEqual({ verdict: 'agree' });
    expect(bodyOf({ ...empty, verdict: 'agree', comment: ' 请补充 ' })).toEqual({
      verdict: 'agree',
      comment: '请补充',
    });
  });

  it('an override waits for its status, points (partial) and reason', () => {
    const o: JudgementDraft = { ...empty, verdict: 'override' };
    expect(missingOf(o)).toEqual(['status', 'reason']);
    expect(missingOf({ ...o, status: 'partial', reason: 'x' })).toEqual(['points']);
    expect(bodyOf({ ...o, status: 'partial', reason: 'x' })).toBeNull();
    expect(bodyOf({ ...o, status: 'partial', points: 3, reason: ' 只覆盖半年 ' })).toEqual({
      verdict: 'override',
      status: 'partial',
      points: 3,
      reason: '只覆盖半年',
    });
    // Points belong to a partial only.
    expect(bodyOf({ ...o, status: 'unmet', points: 3, reason: 'y' })).toEqual({
      verdict: 'override',
      status: 'unmet',
      reason: 'y',
    });
  });
});

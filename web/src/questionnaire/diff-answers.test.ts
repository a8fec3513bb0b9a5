import { describe, expect, it } from 'vitest';
import { applyChanges, diffAnswers } from './diff-answers.ts';

describe('diffAnswers', () => {
  it('lists new and changed answers, and null for cleared ones; nothing for equal values', () => {
    const base = { a: true, b: ['x', 'y'], c: { files: [], ref: 'r' }, d: 3 };
    const next = { a: true, b: ['x', 'y'], c: { files: [], ref: 'r2' }, e: 'new' };
    expect(diffAnswers(base, next)).toEqual({ c: { files: [], ref: 'r2' }, d: null, e: 'new' });
    expect(diffAnswers(base, { ...base, b: ['x', 'y'] })).toEqual({});
  });

  it('is undone by applyChanges', () => {
    const base = { a: 1, b: 2 };
    const next = { a: 1, c: 3 };
    expect(applyChanges(base, diffAnswers(base, next))).toEqual(next);
  });
});

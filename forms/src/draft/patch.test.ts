import { describe, expect, it } from 'vitest';
import { applyPatch, diffAnswers, sameValue } from './patch.ts';

describe('answer patches', () => {
  it('lists new and changed answers, and null for cleared ones; nothing for equal values', () => {
    const base = { a: true, b: ['x', 'y'], c: { files: [], ref: 'r' }, d: 3 };
    const next = { a: true, b: ['x', 'y'], c: { files: [], ref: 'r2' }, e: 'new' };
    expect(diffAnswers(base, next)).toEqual({ c: { files: [], ref: 'r2' }, d: null, e: 'new' });
    expect(diffAnswers(base, { ...base, b: ['x', 'y'] })).toEqual({});
  });

  it('is undone by applyPatch, and null clears', () => {
    const base = { a: 1, b: 2 };
    const next = { a: 1, c: 3 };
    expect(applyPatch(base, diffAnswers(base, next))).toEqual(next);
    expect(applyPatch({ a: 1 }, { a: null, b: undefined })).toEqual({});
  });

  it('treats ids like __proto__ as plain keys', () => {
    const out = applyPatch({}, JSON.parse('{"__proto__": 1, "constructor": 2}'));
    expect(Object.keys(out).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    // Kept from the base, replaced and cleared like any other id; the base is left as it was.
    const base = JSON.parse('{"__proto__": {"x": 1}, "a": 1}');
    const kept = applyPatch(base, { a: 2 });
    expect(Object.keys(kept).sort()).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(applyPatch(base, JSON.parse('{"__proto__": 5}'))).toEqual(
      JSON.parse('{"__proto__": 5, "a": 1}'),
    );
    expect(Object.keys(applyPatch(base, JSON.parse('{"__proto__": null}')))).toEqual(['a']);
    expect(base).toEqual(JSON.parse('{"__proto__": {"x": 1}, "a": 1}'));
  });

  it('compares values structurally, ignoring undefined members', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './hash.ts';

describe('canonicalJson edges', () => {
  it('writes null and undefined as null, at the top and inside arrays', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([1, undefined, null])).toBe('[1,null,null]');
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
  });

  it('leaves out keys whose value is undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}');
    expect(contentHash({ b: 1, a: undefined })).toBe(contentHash({ b: 1 }));
  });

  it('sorts keys given in reverse order', () => {
    expect(canonicalJson({ c: 3, b: 2, a: 1 })).toBe('{"a":1,"b":2,"c":3}');
  });
});

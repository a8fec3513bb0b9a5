import { describe, expect, it } from 'vitest';
import { etagMatches } from './etag.ts';

describe('etagMatches', () => {
  const tag = '"7-abcdef-123"';
  it('matches the same tag, weak or strong, in a list, and *', () => {
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`W/${tag}`, tag)).toBe(true);
    expect(etagMatches(`"other", ${tag}`, tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
  });
  it('does not match another tag, a prefix, or nothing', () => {
    expect(etagMatches('"7-abcdef-12"', tag)).toBe(false);
    expect(etagMatches('"8-abcdef-123"', tag)).toBe(false);
    expect(etagMatches(undefined, tag)).toBe(false);
    expect(etagMatches('', tag)).toBe(false);
  });
});

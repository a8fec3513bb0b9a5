import { describe, expect, it } from 'vitest';
import { cookieValue, rememberedCookies } from './session-cookie.ts';

describe('cookieValue', () => {
  it('finds the named cookie among others, decoded, and nothing in an absent or empty header', () => {
    expect(cookieValue('a=1; zp_session=tok%2Ben; b=2', 'zp_session')).toBe('tok+en');
    expect(cookieValue('a=1; b=2', 'zp_session')).toBeUndefined();
    expect(cookieValue(undefined, 'zp_session')).toBeUndefined();
    expect(cookieValue('', 'zp_session')).toBeUndefined();
  });

  it('answers the same header the same for each name, from memory the second time', () => {
    const header = `zp_session=t-${Math.random()}; other=o`;
    const before = rememberedCookies();
    const first = cookieValue(header, 'zp_session');
    expect(rememberedCookies()).toBe(before + 1);
    expect(cookieValue(header, 'zp_session')).toBe(first);
    expect(rememberedCookies()).toBe(before + 1);
    // Another name in the same header is its own entry, not the first one's answer.
    expect(cookieValue(header, 'other')).toBe('o');
  });

  it('stays bounded', () => {
    for (let i = 0; i < 10_050; i++) cookieValue(`zp_session=${i}`, 'zp_session');
    expect(rememberedCookies()).toBeLessThanOrEqual(10_000);
    expect(cookieValue('zp_session=10049', 'zp_session')).toBe('10049');
  });
});

describe('a long Cookie header', () => {
  it('is read, not remembered', () => {
    const header = `pad=${'x'.repeat(2000)}; zp_session=long-one`;
    const before = rememberedCookies();
    expect(cookieValue(header, 'zp_session')).toBe('long-one');
    expect(rememberedCookies()).toBe(before);
  });
});

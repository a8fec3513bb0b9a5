import { describe, expect, it } from 'vitest';
import { dateIn, IsoDate } from './iso-date.ts';

describe('IsoDate and dateIn', () => {
  it('accepts real days only', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDate.safeParse('2025-02-29').success).toBe(false);
    expect(IsoDate.safeParse('2026-13-01').success).toBe(false);
    expect(IsoDate.safeParse('1899-12-31').success).toBe(false);
    expect(IsoDate.safeParse('2026-1-1').success).toBe(false);
  });

  it('gives the organisation’s calendar day, not UTC’s', () => {
    expect(dateIn(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
    expect(dateIn(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
    expect(dateIn(new Date('2026-11-28T16:00:00Z'), 'UTC')).toBe('2026-11-28');
  });
});

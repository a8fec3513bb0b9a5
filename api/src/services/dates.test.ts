import { describe, expect, it } from 'vitest';
import { defaultAsOf } from './dates.ts';

describe('the default assessment date', () => {
  it("is today where the organisation works, not on the server's UTC clock", () => {
    const lateUtc = new Date('2026-11-28T23:30:00Z'); // 07:30 on the 29th in Beijing
    expect(defaultAsOf(lateUtc, 'Asia/Shanghai')).toBe('2026-11-29');
    expect(defaultAsOf(lateUtc, 'UTC')).toBe('2026-11-28');
    expect(defaultAsOf(new Date('2026-11-28T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-29');
    expect(defaultAsOf(new Date('2026-11-28T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-28');
  });
});

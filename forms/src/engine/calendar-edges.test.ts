import { describe, expect, it } from 'vitest';
import { addCalendar, elapsedUnits } from './calendar.ts';

describe('elapsedUnits backwards', () => {
  it('counts whole months from the later date back, truncating toward zero', () => {
    // 03-20 → 05-15 is 1 whole month (04-20 ≤ 05-15 < 05-20), so 05-15 → 03-20 is −1,
    // not the −2 that counting forward from 05-15 by whole months would floor to.
    expect(elapsedUnits('2026-05-15', '2026-03-20', 'month')).toBe(-1);
    expect(elapsedUnits('2026-03-20', '2026-05-15', 'month')).toBe(1);
  });
});

describe('dates not written YYYY-MM-DD', () => {
  it('are read field by field as before, not at fixed positions', () => {
    // Three fields at other positions: split on the dashes.
    expect(addCalendar('2026-1-031', 1, 'day')).toBe('2026-02-01');
    expect(addCalendar('02026-8-31', 1, 'month')).toBe('2026-09-30');
  });
});

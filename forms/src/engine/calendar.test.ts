import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../schema/condition.ts';
import { addCalendar, elapsedHolds, elapsedUnits, heldFrom } from './calendar.ts';
import { evaluate3, heldFromDate } from './conditions.ts';

describe('calendar arithmetic', () => {
  it('clamps month ends and leap days', () => {
    // A month later than 08-31 is the last day of September, not 10-01.
    expect(addCalendar('2026-08-31', 1, 'month')).toBe('2026-09-30');
    expect(addCalendar('2026-01-31', 1, 'month')).toBe('2026-02-28');
    expect(addCalendar('2024-01-31', 1, 'month')).toBe('2024-02-29');
    // 2025 has no 29 February: a year after 2024-02-29 is 2025-02-28.
    expect(addCalendar('2024-02-29', 1, 'year')).toBe('2025-02-28');
    expect(addCalendar('2024-02-29', 4, 'year')).toBe('2028-02-29');
    expect(addCalendar('2026-12-31', 1, 'day')).toBe('2027-01-01');
    expect(addCalendar('2026-11-15', 3, 'month')).toBe('2027-02-15');
  });

  it('"more than 3 months" holds from the day after D + 3 months (domain.md §3)', () => {
    // domain.md §3: started 2026-08-28 → qualifies from 2026-11-29; exactly 3 months does not.
    expect(heldFrom('2026-08-28', 3, 'month', 'moreThan')).toBe('2026-11-29');
    const more = (asOf: string) => elapsedHolds('2026-08-28', asOf, 3, 'month', 'moreThan');
    expect(more('2026-11-27')).toBe(false);
    expect(more('2026-11-28')).toBe(false); // exactly 3 months
    expect(more('2026-11-29')).toBe(true); // 3 months + 1 day
    // Month-end start: 08-31 + 3 months = 11-30, so it holds from 12-01.
    expect(heldFrom('2026-08-31', 3, 'month', 'moreThan')).toBe('2026-12-01');
    // "At least": on the day itself.
    expect(heldFrom('2023-06-15', 3, 'year', 'atLeast')).toBe('2026-06-15');
    expect(elapsedHolds('2023-06-15', '2026-06-14', 3, 'year', 'atLeast')).toBe(false);
    expect(elapsedHolds('2023-06-15', '2026-06-15', 3, 'year', 'atLeast')).toBe(true);
  });

  it('counts whole units the same way', () => {
    expect(elapsedUnits('2026-08-31', '2026-11-29', 'month')).toBe(2);
    expect(elapsedUnits('2026-08-31', '2026-11-30', 'month')).toBe(3);
    expect(elapsedUnits('2024-02-29', '2025-02-27', 'year')).toBe(0);
    expect(elapsedUnits('2024-02-29', '2025-02-28', 'year')).toBe(1);
    expect(elapsedUnits('2026-11-28', '2026-11-29', 'day')).toBe(1);
    expect(elapsedUnits('2026-11-29', '2026-08-29', 'month')).toBe(-3);
  });

  const day = fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2060-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const unit = fc.constantFrom('day' as const, 'month' as const, 'year' as const);

  it('holds exactly from heldFrom on, for any start, amount and unit', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), unit, fc.boolean(), (d, n, u, strict) => {
        const b = strict ? 'moreThan' : 'atLeast';
        const from = heldFrom(d, n, u, b);
        const before = addCalendar(from, -1, 'day');
        expect(elapsedHolds(d, from, n, u, b)).toBe(true);
        expect(elapsedHolds(d, before, n, u, b)).toBe(false);
        expect(elapsedHolds(d, addCalendar(from, 1, 'day'), n, u, b)).toBe(true);
        // elapsedUnits agrees: on D + n units exactly n have elapsed, the day before n − 1.
        const end = addCalendar(d, n, u);
        expect(elapsedUnits(d, end, u)).toBe(n);
        expect(elapsedUnits(d, addCalendar(end, -1, 'day'), u)).toBe(n - 1);
      }),
    );
  });
});

describe('elapsed conditions and eligible-from dates', () => {
  const cond: Condition = {
    op: 'elapsed',
    ref: 'started',
    amount: 3,
    unit: 'month',
    boundary: 'moreThan',
  };
  const get = (r: string) => ({ started: '2026-08-28', audit: true })[r];
  it('is unknown without a date or an assessment date', () => {
    expect(evaluate3(cond, () => undefined, '2026-11-28')).toBeUndefined();
    expect(evaluate3(cond, get, undefined)).toBeUndefined();
    expect(evaluate3(cond, get, '2026-11-28')).toBe(false);
  });
  it('says from when waiting alone makes it hold', () => {
    expect(heldFromDate(cond, get, '2026-11-28')).toBe('2026-11-29');
    const withAudit: Condition = { op: 'all', of: [cond, { op: 'eq', ref: 'audit', value: true }] };
    expect(heldFromDate(withAudit, get, '2026-11-28')).toBe('2026-11-29');
    // When another part fails, waiting does not help: no date.
    const noAudit: Condition = { op: 'all', of: [cond, { op: 'eq', ref: 'audit', value: false }] };
    expect(heldFromDate(noAudit, get, '2026-11-28')).toBeUndefined();
  });
});

describe('asOf conditions', () => {
  const until: Condition = { op: 'asOf', until: '2025-12-31' };
  const from: Condition = { op: 'asOf', from: '2026-01-01' };
  it('hold inclusively, and are unknown without an assessment date', () => {
    const none = () => undefined;
    expect(evaluate3(until, none, '2025-12-31')).toBe(true);
    expect(evaluate3(until, none, '2026-01-01')).toBe(false);
    expect(evaluate3(from, none, '2025-12-31')).toBe(false);
    expect(evaluate3(from, none, '2026-01-01')).toBe(true);
    expect(evaluate3(from, none, undefined)).toBeUndefined();
    expect(heldFromDate(from, none, '2025-06-30')).toBe('2026-01-01');
  });
});

/*
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), the way certification
 * bodies and programme notices count: "3 months after 2026-08-31" is
 * 2026-11-30 (a month end clamps to the last day of the shorter month), "1
 * year after 2024-02-29" is 2025-02-28. No time of day, no time zone: the
 * caller has already taken the organisation's calendar date.
 */

export type CalendarUnit = 'day' | 'month' | 'year';
/** `moreThan`: strictly after date + amount; `atLeast`: on or after it. */
export type ElapsedBoundary = 'moreThan' | 'atLeast';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function parts(date: string): [number, number, number] {
  // `YYYY-MM-DD` read in place: scoring reads dates for every elapsed rule,
  // and splitting them was 5 % of scoring the largest definition. Anything
  // else (not three fields) is split as before.
  if (
    date.length === 10 &&
    date.indexOf('-') === 4 &&
    date.indexOf('-', 5) === 7 &&
    date.indexOf('-', 8) === -1
  )
    return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8))];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function iso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * `date` plus `amount` calendar units; months and years clamp the day to the
 * end of the target month.
 *
 * @example addCalendar('2026-08-31', 1, 'month') // '2026-09-30'
 * @example addCalendar('2024-02-29', 1, 'year') // '2025-02-28'
 */
export function addCalendar(date: string, amount: number, unit: CalendarUnit): string {
  const [y, m, d] = parts(date);
  if (unit === 'day') {
    const t = new Date(Date.UTC(y, m - 1, d + amount));
    return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  const months = unit === 'year' ? amount * 12 : amount;
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return iso(ty, tm, Math.min(d, daysIn(ty, tm)));
}

/**
 * The first date on which "more than / at least `amount` units since
 * `since`" holds: the day after since + amount for `moreThan`, that day
 * itself for `atLeast`.
 *
 * @example heldFrom('2026-08-28', 3, 'month', 'moreThan') // '2026-11-29'
 */
export function heldFrom(
  since: string,
  amount: number,
  unit: CalendarUnit,
  boundary: ElapsedBoundary,
): string {
  const end = addCalendar(since, amount, unit);
  return boundary === 'moreThan' ? addCalendar(end, 1, 'day') : end;
}

/** Whether `asOf` is far enough after `since` (ISO strings compare as dates). */
export function elapsedHolds(
  since: string,
  asOf: string,
  amount: number,
  unit: CalendarUnit,
  boundary: ElapsedBoundary,
): boolean {
  return asOf >= heldFrom(since, amount, unit, boundary);
}

/**
 * Whole calendar units from `from` to `to`: the largest n with
 * from + n units ≤ to (month ends clamped); when `to` is earlier, minus the
 * whole units from `to` back to `from`.
 *
 * @example elapsedUnits('2026-08-31', '2026-11-30', 'month') // 3
 */
export function elapsedUnits(from: string, to: string, unit: CalendarUnit): number {
  if (unit === 'day') {
    const [a, b] = [parts(from), parts(to)];
    return Math.round(
      (Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000,
    );
  }
  if (to < from) return -elapsedUnits(to, from, unit);
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  const per = unit === 'year' ? 12 : 1;
  let n = Math.trunc(((ty - fy) * 12 + (tm - fm)) / per);
  // Step to the exact answer: at most one step either way from the month count.
  while (n > 0 && addCalendar(from, n, unit) > to) n--;
  while (addCalendar(from, n + 1, unit) <= to) n++;
  return n;
}

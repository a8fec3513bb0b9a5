/*
 * Calendar days as plain code, without zod: the engine reads dates on every
 * answer, and the browser's questionnaire should not load a schema library
 * for it. The zod schema built on these is in iso-date.ts.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is `YYYY-MM-DD` naming a real calendar day (2025-02-29 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The time zone organisations work in unless configured otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The calendar date of an instant in a time zone: what "today" is for the
 * organisation, not for the server's clock (UTC would make it yesterday
 * before 08:00 in Beijing).
 *
 * @example dateIn(new Date('2026-11-28T23:30:00Z'), 'Asia/Shanghai') // '2026-11-29'
 */
export function dateIn(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

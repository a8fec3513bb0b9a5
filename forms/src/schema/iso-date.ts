import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is `YYYY-MM-DD` naming a real calendar day (2025-02-29 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The one ISO calendar date schema (`YYYY-MM-DD`, a real day, 1900 or
 * later): answers, assessment dates and every HTTP body use it.
 */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => isIsoDate(s) && s >= '1900-01-01', { message: '不是有效的日期' });
export type IsoDate = z.infer<typeof IsoDate>;

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

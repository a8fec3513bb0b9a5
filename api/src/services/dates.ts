import { dateIn } from '@zhiping/forms';

/**
 * An assessment's date when none is given: today where the organisation
 * works (config TIME_ZONE), not on the server's UTC clock — before 08:00 in
 * Beijing, UTC would still say yesterday.
 *
 * @example defaultAsOf(new Date('2026-11-28T23:30:00Z'), 'Asia/Shanghai') // '2026-11-29'
 */
export const defaultAsOf = (now: Date, timeZone: string): string => dateIn(now, timeZone);

import { z } from 'zod';
import { isIsoDate } from './calendar-day.ts';

export { DEFAULT_TIME_ZONE, dateIn, isIsoDate } from './calendar-day.ts';

/**
 * The one ISO calendar date schema (`YYYY-MM-DD`, a real day, 1900 or
 * later): answers, assessment dates and every HTTP body use it.
 */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => isIsoDate(s) && s >= '1900-01-01', { message: '不是有效的日期' });
export type IsoDate = z.infer<typeof IsoDate>;

/*
 * Reporting periods as definitions word them ("上一年末", "前年"), relative
 * to the assessment date: which calendar year they mean, so a respondent
 * reads "上一年末（2025 年）" rather than guessing. Periods that name no
 * fixed offset ("目标年度", "近三年") are left as they are.
 */

const BACK: readonly [RegExp, number][] = [
  [/^(上一年|上年)(度)?(末)?$/, 1],
  [/^(上上年|前年)(度)?(末)?$/, 2],
  [/^大前年(度)?(末)?$/, 3],
];

/**
 * The calendar year a relative period means on the assessment date, or null.
 *
 * @example periodYear('上一年末', '2026-11-21') // 2025
 */
export function periodYear(period: string, asOf: string): number | null {
  const year = Number(asOf.slice(0, 4));
  if (!Number.isInteger(year)) return null;
  for (const [re, back] of BACK) if (re.test(period.trim())) return year - back;
  return null;
}

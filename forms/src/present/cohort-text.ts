import type { CohortGrade, CohortReason } from '../cohort/rank.ts';
import type { Locale } from '../schema/enums.ts';
import { translate } from './translate.ts';

/**
 * A ranking reason in words: `cohort.<code>` with the reason's numbers;
 * `tierLabel` turns a tier id into the definition's label for the reader.
 */
export const cohortReasonText = (
  r: CohortReason,
  locale: Locale = 'zh',
  tierLabel: (id: string) => string = (id) => id,
): string =>
  translate(
    locale,
    // "held at all" reads better without "for 0 years".
    r.code === 'tier.title-required' && !r.years
      ? 'cohort.tier.title-required-any'
      : `cohort.${r.code}`,
    {
      tier: r.tier === undefined ? '' : tierLabel(r.tier),
      quota: r.quota ?? '',
      awardedAhead: r.awardedAhead ?? '',
      title: r.title === undefined ? '' : tierLabel(r.title),
      years: r.years ?? '',
    },
  );

export const cohortGradeText = (g: CohortGrade, locale: Locale = 'zh'): string =>
  translate(locale, `cohort.grade.${g}`);

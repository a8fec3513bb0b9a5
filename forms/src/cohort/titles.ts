import { elapsedHolds, heldFrom } from '../engine/calendar.ts';

/*
 * Previous titles as a condition of a tier (domain.md §4): Shenzhen's 示范单位
 * asks for an applicant that has been an 优势单位 for at least 2 years
 * [read, Shenzhen 2023 scheme]; the national 示范企业 is an 优势企业 whose
 * 3-year cultivation has ended [read, high: 国知办函运字〔2023〕572号]; Beijing's
 * 优势单位 asks for being (or qualifying as) a 试点单位 [read]. None of these
 * notices is among the source documents, so the years are the office's
 * setting on the call, never a built-in number.
 *
 * The count is a calendar rule with an explicit boundary: a title held since
 * S has been held N years on S + N years (29 February → 28 February) and
 * after, "at least" — the same day counts. The date it is counted on is the
 * call's closing date (notices say 截至申报截止日), so every applicant of a
 * call is measured on the same day whenever it applies.
 */

/** A title an organisation holds: a tier id (e.g. "advantage") and the day it was awarded. */
export interface HeldTitle {
  title: string;
  /** ISO date the title was awarded from. */
  since: string;
  /** A call's award or a title an office declared (with its source). */
  source: 'call' | 'declared';
}

/** What a tier asks of the applicant's previous titles. */
export interface TitleRule {
  title: string;
  /** Whole years the title must have been held on the counting day; 0 = held at all. */
  years: number;
}

export interface TitleCheck {
  tier: string;
  rule: TitleRule;
  met: boolean;
  /** The title that meets the rule (the earliest held), or the latest one held too briefly. */
  held: HeldTitle | null;
  /** The first day the rule holds for the best title held; null when none is held. */
  metFrom: string | null;
}

/** Whether a title held since `since` has been held `years` whole years on `asOf`. */
export const heldLongEnough = (since: string, asOf: string, years: number): boolean =>
  since <= asOf && elapsedHolds(since, asOf, years, 'year', 'atLeast');

/**
 * Checks each tier's rule against the titles held on `asOf`. A title awarded
 * after `asOf` does not count; the earliest award of the title decides.
 */
export function checkTitles(
  held: readonly HeldTitle[],
  rules: Readonly<Record<string, TitleRule>>,
  asOf: string,
): TitleCheck[] {
  return Object.entries(rules).map(([tier, rule]) => {
    const same = held
      .filter((h) => h.title === rule.title && h.since <= asOf)
      .sort((a, b) => a.since.localeCompare(b.since));
    const earliest = same[0] ?? null;
    if (!earliest) return { tier, rule, met: false, held: null, metFrom: null };
    return {
      tier,
      rule,
      met: heldLongEnough(earliest.since, asOf, rule.years),
      held: earliest,
      metFrom: heldFrom(earliest.since, rule.years, 'year', 'atLeast'),
    };
  });
}

import type { AssessmentSort, SortOrder } from '../contract/lists.ts';
import type { AssessmentFilter } from '../db/repositories/assessment-pages.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { dayStart } from './audit.ts';

/*
 * The list parameters every role shares, turned into the repository's
 * filter: calendar days become instants in the service's time zone, and a
 * tier id becomes the labels lists store for it (every version of the
 * definition, so a tier renamed in a later version still matches).
 */

interface Common {
  q?: string | undefined;
  definition?: string | undefined;
  family?: AssessmentFilter['family'];
  tier?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: AssessmentSort;
  order: SortOrder;
}

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The labels (as stored JSON) of tier `tier` across the versions of `definition`. */
async function verdictsOf(deps: Deps, definition: string, tier: string): Promise<string[]> {
  let versions: string[];
  try {
    versions = (await deps.definitions.summary(definition)).versions;
  } catch (e) {
    // An unknown definition filters to nothing, as an unknown id in `definition` does.
    if (e instanceof DomainError && e.code === 'not_found') return [];
    throw e;
  }
  const labels = new Set<string>();
  for (const v of versions) {
    const d = (await deps.definitions.get(`${definition}@${v}`)).definition;
    const found = d.tiers.find((t) => t.id === tier);
    if (found) labels.add(JSON.stringify(found.label));
  }
  return [...labels];
}

/** The shared part of a list's filter; the caller adds scope and its own fields. */
export async function commonFilter(
  deps: Deps,
  q: Common,
  dateColumn: 'updated_at' | 'submitted_at',
): Promise<Omit<AssessmentFilter, 'scope'>> {
  const tz = deps.config.TIME_ZONE;
  return {
    q: q.q || undefined,
    definition: q.definition,
    family: q.family,
    verdicts: q.tier && q.definition ? await verdictsOf(deps, q.definition, q.tier) : undefined,
    dates: {
      column: dateColumn,
      from: q.from ? dayStart(q.from, tz) : undefined,
      to: q.to ? dayStart(nextDay(q.to), tz) : undefined,
    },
  };
}

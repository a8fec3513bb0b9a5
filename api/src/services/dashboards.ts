import { AssessmentStatus, dateIn } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type {
  AdminDashboard,
  NextStep,
  RespondentDashboard,
  ReviewerDashboard,
  StandingLine,
  WeekCount,
} from '../contract/index.ts';
import type { ListRow } from '../db/repositories/assessment-reads.ts';
import {
  countsByDefinition,
  orgRows,
  queueCounts,
  reviewerActivity,
  reviewerLoads,
  unassignedCount,
} from '../db/repositories/dashboards.ts';
import type { Deps } from '../deps.ts';
import { summariesOf } from './assessment-list.ts';
import { dayStart } from './audit.ts';
import { SUBMITTED_STATES } from './review.ts';

/*
 * Each role's home page figures. Scores and tiers are the stored ones
 * (read model, frozen decisions); weeks are calendar weeks (Monday first)
 * in the service's time zone.
 */

/** Assigned and not yet back with the respondent or decided. */
const OPEN_STATES = SUBMITTED_STATES.filter((s) => s !== 'returned' && s !== 'decided');

const NEXT: Record<AssessmentStatus, NextStep> = {
  draft: 'continue',
  returned: 'answer-return',
  submitted: 'await-review',
  in_review: 'await-review',
  decided: 'start-next',
};

const zeroCounts = () =>
  Object.fromEntries(AssessmentStatus.options.map((s) => [s, 0])) as Record<
    AssessmentStatus,
    number
  >;

/** Respondent: per definition, the latest assessment, the latest decided one, and what to do next. */
export async function respondentDashboard(deps: Deps, actor: Actor): Promise<RespondentDashboard> {
  const rows = await orgRows(deps.db.kysely, actor.orgId);
  const byStatus = zeroCounts();
  const groups = new Map<string, { rows: ListRow[]; decided: ListRow | null }>();
  for (const r of rows) {
    byStatus[r.status] += 1;
    const g = groups.get(r.definition_id) ?? { rows: [], decided: null };
    g.rows.push(r);
    if (!g.decided && r.status === 'decided') g.decided = r;
    groups.set(r.definition_id, g);
  }
  const shown = [...groups.values()].flatMap((g) => [
    g.rows[0] as ListRow,
    ...(g.decided && g.decided !== g.rows[0] ? [g.decided] : []),
  ]);
  const summaries = new Map((await summariesOf(deps, shown)).map((s) => [s.id, s]));
  const lines: StandingLine[] = [];
  for (const [id, g] of groups) {
    const first = g.rows[0] as ListRow;
    const latest = summaries.get(first.id);
    if (!latest) continue;
    const def = await deps.definitions.get(`${id}@${first.definition_version}`);
    lines.push({
      definition: { id, title: def.definition.title },
      assessments: g.rows.length,
      latest,
      decided: g.decided ? (summaries.get(g.decided.id) ?? null) : null,
      next: NEXT[first.status],
    });
  }
  return { lines, byStatus };
}

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The Monday of the week `day` falls in. */
const mondayOf = (day: string) =>
  addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

export const WEEKS = 8;

/** Reviewer: my queue by state, and what I finished and decided per week over the last 8 weeks. */
export async function reviewerDashboard(deps: Deps, actor: Actor): Promise<ReviewerDashboard> {
  const db = deps.db.kysely;
  const tz = deps.config.TIME_ZONE;
  const queue = { pending: 0, finished: 0, returned: 0, decided: 0 };
  for (const c of await queueCounts(db, actor.id)) {
    if (c.status === 'returned') queue.returned += c.n;
    else if (c.status === 'decided') queue.decided += c.n;
    else if (OPEN_STATES.includes(c.status)) {
      queue.finished += c.finished;
      queue.pending += c.n - c.finished;
    }
  }
  const first = addDays(mondayOf(dateIn(deps.now(), tz)), -7 * (WEEKS - 1));
  const weeks: WeekCount[] = Array.from({ length: WEEKS }, (_, i) => ({
    week: addDays(first, 7 * i),
    finished: 0,
    decided: 0,
  }));
  const activity = await reviewerActivity(db, actor.id, dayStart(first, tz));
  const bucket = (at: string) => weeks.find((w) => w.week === mondayOf(dateIn(new Date(at), tz)));
  for (const at of activity.finished) {
    const w = bucket(at);
    if (w) w.finished += 1;
  }
  for (const at of activity.decided) {
    const w = bucket(at);
    if (w) w.decided += 1;
  }
  return { queue, weeks };
}

/** Admin: assessments by state and definition, the reviewers' load, and what waits for a reviewer. */
export async function adminDashboard(deps: Deps): Promise<AdminDashboard> {
  const db = deps.db.kysely;
  const byStatus = zeroCounts();
  const perDef = new Map<string, Record<AssessmentStatus, number>>();
  for (const c of await countsByDefinition(db)) {
    byStatus[c.status] += c.n;
    const counts = perDef.get(c.definition) ?? zeroCounts();
    counts[c.status] += c.n;
    perDef.set(c.definition, counts);
  }
  const byDefinition: AdminDashboard['byDefinition'] = [];
  for (const [id, counts] of perDef) {
    const def = await deps.definitions.get(id);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    byDefinition.push({ definition: { id, title: def.definition.title }, byStatus: counts, total });
  }
  byDefinition.sort((a, b) => b.total - a.total || (a.definition.id < b.definition.id ? -1 : 1));
  const since = new Date(deps.now().getTime() - 28 * 86_400_000).toISOString();
  const reviewers = (await reviewerLoads(db, OPEN_STATES, since)).sort(
    (a, b) => b.open - a.open || b.finished - a.finished,
  );
  return { byStatus, byDefinition, reviewers, unassigned: await unassignedCount(db, OPEN_STATES) };
}

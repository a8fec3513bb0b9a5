import { loadCatalogue } from '@zhiping/forms/node';
import type { Actor } from '../auth/session.ts';
import type { SealCheck } from '../contract/index.ts';
import { findOrganisation } from '../db/repositories/accounts.ts';
import { currentSeal, pastSeal } from '../db/repositories/audit.ts';
import type { Deps } from '../deps.ts';
import type { ReportInput, SourceInfo } from '../reports/index.ts';
import { assessmentFor } from './access.ts';
import { detailOf } from './present.ts';
import type { ReportKind } from './report-renderer.ts';

let sources: Map<string, SourceInfo> | undefined;

/** The source catalogue as citations print it (loaded once per process). */
export function reportSources(): ReadonlyMap<string, SourceInfo> {
  sources ??= new Map(
    [...loadCatalogue().catalogue].map(([id, s]) => [
      id,
      { title: s.title, docNumber: 'docNumber' in s ? s.docNumber : undefined },
    ]),
  );
  return sources;
}

/** Gathers a report's input through the same access rule as reading the assessment. */
export async function reportInput(deps: Deps, actor: Actor, id: string): Promise<ReportInput> {
  const db = deps.db.kysely;
  const { row, relation } = await assessmentFor(db, actor, id);
  const d = await detailOf(db, deps.definitions, row, relation);
  const { definition } = await deps.definitions.get(d.definition.ref);
  const org = await findOrganisation(db, row.org_id);
  const self = d.result;
  const reviewed = d.reviewedResult;
  return {
    assessment: {
      id: d.id,
      title: d.title,
      status: d.status,
      organisation: { name: org?.name ?? '', region: org?.region ?? undefined },
      asOf: d.asOf,
      submittedAt: d.submittedAt,
      submissionHash: d.submissionHash,
    },
    definition,
    answers: d.answers,
    result: reviewed ?? self,
    ...(reviewed ? { selfResult: self } : {}),
    // A judgement whose answer changed since (待复核) applies to nothing: it is not printed.
    reviews: d.reviews
      .filter((r) => r.state === 'current')
      .map((r) => ({
        item: r.item,
        verdict: r.verdict,
        status: r.status ?? undefined,
        points: r.points ?? undefined,
        reason: r.reason ?? undefined,
        comment: r.comment ?? undefined,
        reviewer: r.reviewer.name,
        at: r.updatedAt,
      })),
    decision: d.decision
      ? {
          outcome: d.decision.outcome,
          comment: d.decision.comment,
          reviewer: d.decision.reviewer.name,
          at: d.decision.at,
        }
      : null,
    generatedAt: deps.now().toISOString(),
    timeZone: deps.config.TIME_ZONE,
  };
}

/** A report rendered off the main thread (or from the cache), under the read rule. */
export async function renderReport(
  deps: Deps,
  actor: Actor,
  id: string,
  kind: ReportKind,
): Promise<{ title: string; bytes: Uint8Array }> {
  const input = await reportInput(deps, actor, id);
  const bytes = await deps.reports.render(kind, actor.id, input, reportSources());
  return { title: input.assessment.title, bytes };
}

/**
 * Does a report's seal match a submission? A seal of a submission that was
 * later returned, reopened and resubmitted still matches, but is superseded.
 */
export async function checkSeal(deps: Deps, raw: string): Promise<SealCheck> {
  const lower = raw.toLowerCase();
  const hash = lower.startsWith('sha256:') ? lower : `sha256:${lower}`;
  const current = await currentSeal(deps.db.kysely, hash);
  if (current) return { hash, matches: true, superseded: false, assessment: current };
  const past = await pastSeal(deps.db.kysely, hash);
  return {
    hash,
    matches: past !== undefined,
    superseded: past !== undefined,
    assessment: past ?? null,
  };
}

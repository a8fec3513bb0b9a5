import { Answers } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../schema.ts';
import { parseColumn, toColumn } from './json.ts';

/** The report of a carry-over as stored with the draft it started (contract shape, checked on read). */
const StoredReport = z.object({
  carried: z.array(z.string()),
  pending: z.array(z.string()),
  skipped: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      reason: z.enum(['unanswered', 'unknown_item', 'incompatible', 'evidence_files']),
    }),
  ),
  fresh: z.array(z.string()),
});
export type StoredReport = z.infer<typeof StoredReport>;

export interface CarryOverRecord {
  assessmentId: string;
  sourceId: string;
  mappingId: string | null;
  pending: Answers;
  report: StoredReport;
  createdAt: string;
}

export async function insertCarryOver(
  db: Kysely<Database>,
  r: CarryOverRecord & { createdBy: string },
): Promise<void> {
  await db
    .insertInto('carry_overs')
    .values({
      assessment_id: r.assessmentId,
      source_id: r.sourceId,
      mapping_id: r.mappingId,
      pending: toColumn(r.pending),
      report: toColumn(r.report),
      created_by: r.createdBy,
      created_at: r.createdAt,
    })
    .execute();
}

export async function findCarryOver(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<CarryOverRecord | undefined> {
  const row = await db
    .selectFrom('carry_overs')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const where = `carry_overs of ${assessmentId}`;
  return {
    assessmentId: row.assessment_id,
    sourceId: row.source_id,
    mappingId: row.mapping_id,
    pending: parseColumn(Answers, row.pending, `${where}.pending`),
    report: parseColumn(StoredReport, row.report, `${where}.report`),
    createdAt: row.created_at,
  };
}

/** Replaces what is still to be confirmed (after a confirmation). */
export async function setPending(
  db: Kysely<Database>,
  assessmentId: string,
  pending: Answers,
): Promise<void> {
  await db
    .updateTable('carry_overs')
    .set({ pending: toColumn(pending) })
    .where('assessment_id', '=', assessmentId)
    .execute();
}

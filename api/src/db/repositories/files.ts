import type { Kysely } from 'kysely';
import type { Database, FileRow } from '../schema.ts';

/* Evidence files' rows (their bytes: the evidence store, db/evidence-store.ts). */

export async function insertFile(db: Kysely<Database>, f: FileRow): Promise<void> {
  await db.insertInto('files').values(f).execute();
}

/** A file of the assessment, deleted ones included when `withDeleted`. */
export async function findFile(
  db: Kysely<Database>,
  assessmentId: string,
  fileId: string,
  withDeleted = false,
): Promise<FileRow | undefined> {
  let q = db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', fileId)
    .where('assessment_id', '=', assessmentId);
  if (!withDeleted) q = q.where('deleted_at', 'is', null);
  return q.executeTakeFirst();
}

/** Which of `ids` were uploaded to the assessment (and not deleted). */
export async function knownFileIds(
  db: Kysely<Database>,
  assessmentId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('files')
    .select('id')
    .where('assessment_id', '=', assessmentId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** How many files and bytes the assessment's draft holds (deleted ones not counted). */
export async function evidenceUsage(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<{ files: number; bytes: number }> {
  const r = await db
    .selectFrom('files')
    .select((eb) => [eb.fn.countAll<number>().as('files'), eb.fn.sum<number>('size').as('bytes')])
    .where('assessment_id', '=', assessmentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return { files: Number(r?.files ?? 0), bytes: Number(r?.bytes ?? 0) };
}

/** Hides a file from the draft, keeping row and bytes for the rounds that cite it. */
export async function markFileDeleted(
  db: Kysely<Database>,
  fileId: string,
  by: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('files')
    .set({ deleted_at: at, deleted_by: by })
    .where('id', '=', fileId)
    .execute();
}

export async function deleteFileRow(db: Kysely<Database>, fileId: string): Promise<void> {
  await db.deleteFrom('files').where('id', '=', fileId).execute();
}

/** The stored name of every file of the assessment (deleted ones too: a past round may cite them). */
export async function storedFileNames(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('files')
    .select(['id', 'name'])
    .where('assessment_id', '=', assessmentId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

import type { Kysely } from 'kysely';
import type { Database, FileRow } from '../schema.ts';

/* Evidence files' rows (their bytes: DATA_DIR/files, see services/files.ts). */

export async function insertFile(db: Kysely<Database>, f: FileRow): Promise<void> {
  await db.insertInto('files').values(f).execute();
}

export async function findFile(
  db: Kysely<Database>,
  assessmentId: string,
  fileId: string,
): Promise<FileRow | undefined> {
  return db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', fileId)
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
}

/** Which of `ids` were uploaded to the assessment. */
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
    .execute();
  return new Set(rows.map((r) => r.id));
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deps } from '../deps.ts';

/**
 * The bytes the evidence store holds for a file, looked up behind the
 * store's back (on disk, or in `evidence_blobs`): null when there are none.
 * Tests use it to prove what was kept or freed on either database.
 */
export async function storedBytes(
  deps: Deps,
  assessment: string,
  fileId: string,
): Promise<Buffer | null> {
  if (deps.evidence.kind === 'disk') {
    const path = join(deps.config.dataDir, 'files', assessment, fileId);
    return existsSync(path) ? readFileSync(path) : null;
  }
  const rows = await deps.db.kysely
    .selectFrom('evidence_blobs')
    .select('data')
    .where('file_id', '=', fileId)
    .orderBy('seq')
    .execute();
  return rows.length === 0 ? null : Buffer.concat(rows.map((r) => r.data));
}

import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { EvidenceStore } from './evidence-store.ts';
import { pulledStream } from './pulled-stream.ts';
import type { Database, FileRow } from './schema.ts';

/**
 * Pieces of 256 KiB: node-postgres sends a bytea parameter as hex text, so
 * one piece costs about 5× its size in memory while it is written; a 10 MB
 * file never needs more than ~1.3 MB at once, either way.
 */
export const PIECE = 256 * 1024;

/**
 * Evidence bytes in PostgreSQL (`evidence_blobs`), so that any process on any
 * machine serves any file. bytea rather than large objects: the rows go with
 * their `files` row (cascade), are covered by pg_dump without `--blobs`, and
 * need no cleanup of orphaned objects.
 */
export class PgEvidenceStore implements EvidenceStore {
  readonly kind = 'postgres';
  constructor(private readonly db: Kysely<Database>) {}

  async keep(staged: string, file: FileRow, record: (db: Kysely<Database>) => Promise<void>) {
    // One transaction: the row and every piece commit together (PostgreSQL
    // flushes its WAL at commit), or nothing does. The staged file is read
    // from local disk, so the connection is not held at the client's pace.
    await this.db.transaction().execute(async (trx) => {
      await record(trx);
      await copyPieces(trx, staged, file);
    });
  }

  /**
   * Files uploaded while this installation kept them on disk (before 0008)
   * have rows but no pieces: copies those found under `dataDir` into the
   * database, so that every process can serve them. Run at start-up; a file
   * another process adopts meanwhile is skipped (its pieces' key exists).
   */
  async adopt(dataDir: string): Promise<number> {
    const orphans = await this.db
      .selectFrom('files')
      .selectAll()
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('evidence_blobs')
              .select('seq')
              .whereRef('evidence_blobs.file_id', '=', 'files.id'),
          ),
        ),
      )
      .execute();
    let adopted = 0;
    for (const f of orphans) {
      const path = join(dataDir, 'files', f.assessment_id, f.id);
      if (!existsSync(path) || statSync(path).size !== f.size) continue;
      try {
        await this.db.transaction().execute((trx) => copyPieces(trx, path, f));
        adopted++;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    return adopted;
  }

  async open(file: FileRow): Promise<ReadableStream<Uint8Array>> {
    const piece = async (seq: number) =>
      (
        await this.db
          .selectFrom('evidence_blobs')
          .select('data')
          .where('file_id', '=', file.id)
          .where('seq', '=', seq)
          .executeTakeFirst()
      )?.data ?? null;
    // The first piece before any header is sent: a file without bytes is an
    // error answered as such, not a truncated download.
    const first = await piece(0);
    if (!first) throw new Error(`evidence ${file.id}: no bytes stored`);
    let seq = 0;
    let sent = first.length;
    return pulledStream(
      first,
      async () => {
        const next = await piece(++seq);
        if (next) sent += next.length;
        else if (sent !== file.size)
          throw new Error(`evidence ${file.id}: ${sent} bytes stored, ${file.size} recorded`);
        return next;
      },
      async () => {},
    );
  }

  async release(): Promise<void> {
    // Nothing left to do: deleting the row deleted its pieces (cascade).
  }
}

/** Inserts the file at `path` as `file`'s pieces, one PIECE read at a time. */
async function copyPieces(db: Kysely<Database>, path: string, file: FileRow): Promise<void> {
  const fh = await open(path, 'r');
  try {
    for (let seq = 0; ; seq++) {
      const buf = Buffer.allocUnsafe(PIECE);
      const { bytesRead } = await fh.read(buf, 0, PIECE, null);
      if (bytesRead === 0) break;
      await db
        .insertInto('evidence_blobs')
        .values({ file_id: file.id, seq, data: buf.subarray(0, bytesRead) })
        .execute();
    }
  } finally {
    await fh.close();
  }
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === '23505';

import type { Kysely } from 'kysely';
import { DiskEvidenceStore } from './evidence-disk.ts';
import { PgEvidenceStore } from './evidence-pg.ts';
import type { Db } from './open.ts';
import type { Database, FileRow } from './schema.ts';

/**
 * Where evidence bytes live. An upload is first staged to a local file
 * (services/files.ts: streamed, size-checked, its type read from the
 * content); `keep` then makes it the stored bytes and records its row.
 *
 * - SQLite → `DiskEvidenceStore`: DATA_DIR/files/<assessment>/<id>, fsync +
 *   rename, as one machine's database is on that machine's disk.
 * - PostgreSQL → `PgEvidenceStore`: the `evidence_blobs` table, so that any
 *   process on any machine serves any file and pg_dump backs them up.
 */
export interface EvidenceStore {
  readonly kind: 'disk' | 'postgres';
  /**
   * Stores the staged file as `file.id` and runs `record` (which inserts its
   * row). When this resolves both are durable; a crash midway leaves at
   * worst bytes without a row, never a row without its bytes.
   */
  keep(
    staged: string,
    file: FileRow,
    record: (db: Kysely<Database>) => Promise<void>,
  ): Promise<void>;
  /** The stored bytes as a stream; rejects before the first byte when they are missing. */
  open(file: FileRow): Promise<ReadableStream<Uint8Array>>;
  /** Frees the bytes of a file whose row was deleted. */
  release(file: FileRow): Promise<void>;
}

/** The store the database implies, chosen once at start-up. */
export function evidenceStoreFor(db: Db, dataDir: string): EvidenceStore {
  return db.dialect === 'postgres'
    ? new PgEvidenceStore(db.kysely)
    : new DiskEvidenceStore(dataDir, db.kysely);
}

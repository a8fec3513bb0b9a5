import { type Migration, sql } from 'kysely';
import type { Dialect } from '../open.ts';

export const evidenceBlobs = (dialect: Dialect): Migration => ({
  async up(db) {
    // On PostgreSQL evidence bytes live in the database, so that every API
    // process serves every file (db/evidence-pg.ts): one row per piece of a
    // file, in order. SQLite keeps them on disk under DATA_DIR/files and
    // never writes here; the table exists on both so the schemas stay one.
    // A file's pieces go with its row (cascade), in the same transaction.
    await db.schema
      .createTable('evidence_blobs')
      .addColumn('file_id', 'text', (c) => c.notNull().references('files.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addPrimaryKeyConstraint('evidence_blobs_pk', ['file_id', 'seq'])
      .execute();
    // PDFs, images and Office files are compressed already: TOAST's pglz
    // would spend CPU on every write for nothing. EXTERNAL stores them out
    // of line uncompressed.
    if (dialect === 'postgres')
      await sql`alter table evidence_blobs alter column data set storage external`.execute(db);
  },
});

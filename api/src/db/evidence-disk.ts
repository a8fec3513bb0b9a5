import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { fsyncPath } from './durable-fs.ts';
import type { EvidenceStore } from './evidence-store.ts';
import { pulledStream } from './pulled-stream.ts';
import type { Database, FileRow } from './schema.ts';

const PIECE = 256 * 1024;

/** Evidence bytes as files under DATA_DIR/files/<assessment>/<id> (SQLite: one machine). */
export class DiskEvidenceStore implements EvidenceStore {
  readonly kind = 'disk';
  constructor(
    private readonly dataDir: string,
    private readonly db: Kysely<Database>,
  ) {}

  private pathOf(f: { assessment_id: string; id: string }) {
    return join(this.dataDir, 'files', f.assessment_id, f.id);
  }

  async keep(staged: string, file: FileRow, record: (db: Kysely<Database>) => Promise<void>) {
    // Flushed, then renamed into place and the directory flushed, before
    // the row exists: a crash leaves an orphan file, never a dangling row.
    const fh = await open(staged, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    const target = this.pathOf(file);
    await rename(staged, target);
    try {
      fsyncPath(join(this.dataDir, 'files', file.assessment_id));
      await record(this.db);
    } catch (err) {
      await rm(target, { force: true }).catch(() => {});
      throw err;
    }
  }

  async open(file: FileRow): Promise<ReadableStream<Uint8Array>> {
    const fh = await open(this.pathOf(file), 'r');
    let closed = false;
    const close = async () => {
      if (!closed) await fh.close();
      closed = true;
    };
    return pulledStream(
      null,
      async () => {
        const buf = new Uint8Array(PIECE);
        const { bytesRead } = await fh.read(buf, 0, PIECE, null);
        return bytesRead === 0 ? null : buf.subarray(0, bytesRead);
      },
      close,
    );
  }

  async release(file: FileRow) {
    await rm(this.pathOf(file), { force: true });
  }
}

import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, skipReason, targets } from '../testing/harness.ts';
import { storedBytes } from '../testing/stored-evidence.ts';
import { PgEvidenceStore, PIECE } from './evidence-pg.ts';
import type { FileRow } from './schema.ts';

/*
 * The evidence store each database implies: SQLite keeps files on disk,
 * PostgreSQL in `evidence_blobs`. Both keep the staged bytes whole, stream
 * them back piece by piece, never leave bytes behind a failed record, and
 * free them on release.
 */
describe.each(targets)('evidence store on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`keeps, streams and frees${skipReason(target)}`, () => {
    let h: Harness;
    let assessment: string;
    beforeAll(async () => {
      h = await harness(target);
      const alice = await h.as('alice');
      assessment = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' }))
        .body.id;
    });
    afterAll(() => h?.close());

    const stage = (bytes: Buffer) => {
      const dir = join(h.deps.config.dataDir, 'files', assessment);
      mkdirSync(dir, { recursive: true });
      const id = randomUUID();
      const path = join(dir, `.${id}.part`);
      writeFileSync(path, bytes);
      const row: FileRow = {
        id,
        assessment_id: assessment,
        name: 'e.pdf',
        type: 'application/pdf',
        size: bytes.length,
        sha256: 'x',
        uploaded_by: h.users.alice.id,
        uploaded_at: new Date().toISOString(),
        deleted_at: null,
        deleted_by: null,
      };
      return { path, row };
    };
    const drain = async (s: ReadableStream<Uint8Array>) => {
      const pieces: Uint8Array[] = [];
      const reader = s.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(r.value);
      return pieces;
    };
    const insert = (row: FileRow) => (db: typeof h.deps.db.kysely) =>
      db
        .insertInto('files')
        .values(row)
        .execute()
        .then(() => {});

    it('picks the store by database', () => {
      expect(h.deps.evidence.kind).toBe(target === 'postgres' ? 'postgres' : 'disk');
    });

    it('keeps a file of several pieces and streams it back one piece at a time', async () => {
      const bytes = Buffer.alloc(PIECE * 2 + 1234);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
      const { path, row } = stage(bytes);
      await h.deps.evidence.keep(path, row, insert(row));
      expect((await storedBytes(h.deps, assessment, row.id))?.equals(bytes)).toBe(true);
      const pieces = await drain(await h.deps.evidence.open(row));
      expect(pieces.length).toBe(3);
      for (const p of pieces) expect(p.length).toBeLessThanOrEqual(PIECE);
      expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
    });

    it('leaves no bytes when the row cannot be recorded', async () => {
      const { path, row } = stage(Buffer.from('%PDF-1.7 refused'));
      await expect(
        h.deps.evidence.keep(path, row, async () => {
          throw new Error('row refused');
        }),
      ).rejects.toThrow('row refused');
      expect(await storedBytes(h.deps, assessment, row.id)).toBeNull();
      expect(readdirSync(join(h.deps.config.dataDir, 'files', assessment))).not.toContain(row.id);
    });

    it('refuses to open a file without bytes before streaming anything', async () => {
      const { row } = stage(Buffer.from('%PDF-1.7 never kept'));
      await h.deps.db.kysely.insertInto('files').values(row).execute();
      await expect(h.deps.evidence.open(row)).rejects.toThrow();
    });

    it('frees the bytes of a deleted row', async () => {
      const { path, row } = stage(Buffer.from('%PDF-1.7 to free'));
      await h.deps.evidence.keep(path, row, insert(row));
      await h.deps.db.kysely.deleteFrom('files').where('id', '=', row.id).execute();
      await h.deps.evidence.release(row);
      expect(await storedBytes(h.deps, assessment, row.id)).toBeNull();
    });
  });
});

describe.skipIf(!!skipReason('postgres'))('evidence kept on disk before 0008, on postgres', () => {
  it('is adopted into the database at start-up', async () => {
    const h = await harness('postgres');
    try {
      const alice = await h.as('alice');
      const a = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' })).body;
      const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(PIECE + 10, 0x41)]);
      const id = randomUUID();
      // As the disk store left it: a row, and the bytes under DATA_DIR only.
      mkdirSync(join(h.deps.config.dataDir, 'files', a.id), { recursive: true });
      writeFileSync(join(h.deps.config.dataDir, 'files', a.id, id), bytes);
      await h.deps.db.kysely
        .insertInto('files')
        .values({
          id,
          assessment_id: a.id,
          name: 'old.pdf',
          type: 'application/pdf',
          size: bytes.length,
          sha256: 'x',
          uploaded_by: h.users.alice.id,
          uploaded_at: new Date().toISOString(),
          deleted_at: null,
          deleted_by: null,
        })
        .execute();
      expect(await storedBytes(h.deps, a.id, id)).toBeNull();
      const store = h.deps.evidence;
      if (!(store instanceof PgEvidenceStore)) throw new Error('expected the PostgreSQL store');
      expect(await store.adopt(h.deps.config.dataDir)).toBe(1);
      expect((await storedBytes(h.deps, a.id, id))?.equals(bytes)).toBe(true);
      expect(await store.adopt(h.deps.config.dataDir)).toBe(0);
      const got = await h.app.request(`/api/assessments/${a.id}/files/${id}`, {
        headers: { cookie: alice.cookie ?? '' },
      });
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      await h.close();
    }
  });
});

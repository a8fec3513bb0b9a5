import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removePartialUploads } from '../services/files.ts';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';
import { storedBytes } from '../testing/stored-evidence.ts';

const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(n, 0x20)]);

describe.each(targets)('evidence quota and deletion on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`per assessment${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    beforeAll(async () => {
      h = await harness(target, { EVIDENCE_MAX_FILES: '3', EVIDENCE_MAX_BYTES: '10000' });
      alice = await h.as('alice');
    });
    afterAll(() => h?.close());

    const create = async () =>
      (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' })).body;
    const upload = async (c: Client | null, id: string, bytes: Uint8Array) => {
      const r = await h.app.request(`/api/assessments/${id}/files?name=e.pdf`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          ...(c?.cookie ? { cookie: c.cookie } : {}),
        },
        body: new Uint8Array(bytes),
      });
      return { status: r.status, body: JSON.parse(await r.text()) };
    };
    const kept = async (id: string, file: string) => (await storedBytes(h.deps, id, file)) !== null;

    it('refuses an anonymous upload before reading it, and one beyond the count or bytes', async () => {
      const a = await create();
      expect((await upload(null, a.id, pdf(100))).status).toBe(401);
      for (let i = 0; i < 3; i++) expect((await upload(alice, a.id, pdf(100))).status).toBe(201);
      const over = await upload(alice, a.id, pdf(100));
      expect(over.status).toBe(413);
      expect(over.body).toMatchObject({
        type: 'urn:zhiping:problem:quota-exceeded',
        maxFiles: 3,
        files: 3,
      });
      const b = await create();
      expect((await upload(alice, b.id, pdf(6000))).status).toBe(201);
      expect((await upload(alice, b.id, pdf(6000))).body.type).toBe(
        'urn:zhiping:problem:quota-exceeded',
      );
    });

    it('deletes a file from a draft in the audit log, refuses while an answer cites it, and frees its room', async () => {
      const a = await create();
      const f1 = (await upload(alice, a.id, pdf(100))).body;
      const f2 = (await upload(alice, a.id, pdf(100))).body;
      const saved = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: a.revision,
        answers: { 'c7.1.budget-evidence': { files: [{ id: f1.id, name: f1.name }], note: 'x' } },
      });
      expect(saved.status).toBe(200);
      const cited = await alice.req('DELETE', `/api/assessments/${a.id}/files/${f1.id}`);
      expect(cited.status).toBe(409);
      expect(cited.body.type).toBe('urn:zhiping:problem:file-in-use');
      const bob = await h.as('bob');
      expect((await bob.req('DELETE', `/api/assessments/${a.id}/files/${f2.id}`)).status).toBe(404);
      expect((await alice.req('DELETE', `/api/assessments/${a.id}/files/${f2.id}`)).status).toBe(
        204,
      );
      expect(await kept(a.id, f2.id)).toBe(false);
      expect((await alice.get(`/api/assessments/${a.id}/files/${f2.id}`)).status).toBe(404);
      const log = (await alice.get(`/api/assessments/${a.id}/audit`)).body;
      expect(log.at(-1)).toMatchObject({
        action: 'file_deleted',
        detail: { file: f2.id, sha256: f2.sha256, kept: false },
      });
      // Citing a deleted file is citing an unknown one.
      const again = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: saved.body.revision,
        answers: { 'c7.1.budget-evidence': { files: [{ id: f2.id, name: 'x' }], note: 'x' } },
      });
      expect(again.status).toBe(422);
    });

    it('shows a cited file under its stored name, whatever name the answer gave it', async () => {
      const a = await create();
      const f = (await upload(alice, a.id, pdf(100))).body;
      const saved = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: a.revision,
        answers: {
          'c7.1.budget-evidence': { files: [{ id: f.id, name: '冒名.docx' }], note: 'x' },
        },
      });
      expect(saved.status).toBe(200);
      const got = await alice.get(`/api/assessments/${a.id}`);
      expect(got.body.answers['c7.1.budget-evidence'].files).toEqual([{ id: f.id, name: 'e.pdf' }]);
    });

    it('keeps the bytes of a file a submitted round may cite', async () => {
      const a = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          answers: sampleAnswers('gbt29490-2023/ready-manufacturer'),
        })
      ).body;
      const f = (await upload(alice, a.id, pdf(100))).body;
      expect(
        (await alice.req('POST', `/api/assessments/${a.id}/submit`, { revision: a.revision }))
          .status,
      ).toBe(200);
      // Returned and reopened by the database's hand: the lifecycle is tested elsewhere.
      await h.deps.db.kysely
        .updateTable('assessments')
        .set({ status: 'draft' })
        .where('id', '=', a.id)
        .execute();
      expect((await alice.req('DELETE', `/api/assessments/${a.id}/files/${f.id}`)).status).toBe(
        204,
      );
      expect(await kept(a.id, f.id)).toBe(true);
      const log = (await alice.get(`/api/assessments/${a.id}/audit`)).body;
      expect(log.at(-1)).toMatchObject({ action: 'file_deleted', detail: { kept: true } });
    });
  });
});

describe('partial uploads', () => {
  it('are removed at start-up once nothing writes them', () => {
    const dir = join(process.env.TMPDIR ?? '/tmp', `zp-part-${Date.now()}`);
    const sub = join(dir, 'files', 'a1');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, '.old.part'), 'x');
    writeFileSync(join(sub, '.fresh.part'), 'x');
    writeFileSync(join(sub, 'kept'), 'x');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(sub, '.old.part'), old, old);
    expect(removePartialUploads(dir, new Date())).toBe(1);
    expect(existsSync(join(sub, '.old.part'))).toBe(false);
    expect(existsSync(join(sub, '.fresh.part'))).toBe(true);
    expect(existsSync(join(sub, 'kept'))).toBe(true);
  });
});

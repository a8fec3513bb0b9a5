import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';
import { storedBytes } from '../testing/stored-evidence.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]);
// A whole 1×1 PNG: the type is read from the chunks, not the signature alone.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(targets)('evidence files on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`upload, access, references${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let a: { id: string; revision: number };
    beforeAll(async () => {
      h = await harness(target, { FILE_LIMIT: String(64 * 1024) });
      alice = await h.as('alice');
      a = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' })).body;
    });
    afterAll(() => h?.close());

    const upload = async (
      c: Client,
      id: string,
      name: string,
      bytes: Uint8Array,
      headers: Record<string, string> = {},
    ) => {
      const r = await h.app.request(
        `/api/assessments/${id}/files?name=${encodeURIComponent(name)}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/octet-stream',
            ...(c.cookie ? { cookie: c.cookie } : {}),
            ...headers,
          },
          body: new Uint8Array(bytes),
        },
      );
      return { status: r.status, body: JSON.parse(await r.text()) };
    };
    const download = (c: Client, path: string) =>
      h.app.request(path, { headers: c.cookie ? { cookie: c.cookie } : {} });

    it('stores a file under a generated name and serves it only to those who may read the assessment', async () => {
      const up = await upload(alice, a.id, '../../etc/知识产权手册.pdf', PDF);
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({
        name: '知识产权手册.pdf',
        type: 'application/pdf',
        size: PDF.length,
      });
      // Under its generated id: on disk the only entry of the assessment's directory.
      expect((await storedBytes(h.deps, a.id, up.body.id))?.equals(PDF)).toBe(true);
      if (h.deps.evidence.kind === 'disk')
        expect(readdirSync(join(h.deps.config.dataDir, 'files', a.id))).toEqual([up.body.id]);

      const got = await download(alice, `/api/assessments/${a.id}/files/${up.body.id}`);
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
      expect(got.headers.get('content-disposition')).toContain(
        encodeURIComponent('知识产权手册.pdf'),
      );
      expect(got.headers.get('content-security-policy')).toContain('sandbox');

      const [bob, rita] = await Promise.all([h.as('bob'), h.as('rita')]);
      expect((await download(bob, `/api/assessments/${a.id}/files/${up.body.id}`)).status).toBe(
        404,
      );
      expect((await download(rita, `/api/assessments/${a.id}/files/${up.body.id}`)).status).toBe(
        404,
      );
      expect((await download(h.anon, `/api/assessments/${a.id}/files/${up.body.id}`)).status).toBe(
        401,
      );
      expect((await upload(bob, a.id, 'x.pdf', PDF)).status).toBe(404);
    });

    it('accepts answers that cite uploaded files, and refuses ids it never stored', async () => {
      const up = await upload(alice, a.id, 'policy.pdf', PDF);
      const cur = (await alice.get(`/api/assessments/${a.id}`)).body.revision;
      const ok = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: cur,
        answers: { 'c7.5.manual-file': { files: [{ id: up.body.id, name: 'policy.pdf' }] } },
      });
      expect(ok.status).toBe(200);
      const other = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' }))
        .body;
      const foreign = await alice.req('PATCH', `/api/assessments/${other.id}`, {
        revision: other.revision,
        answers: { 'c7.5.manual-file': { files: [{ id: up.body.id, name: 'policy.pdf' }] } },
      });
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors[0]).toMatchObject({
        path: 'c7.5.manual-file',
        code: 'unknown_file',
      });
    });

    it('checks the type by content and the size', async () => {
      expect((await upload(alice, a.id, 'scan.pdf', PNG)).status).toBe(415);
      expect((await upload(alice, a.id, 'scan.png', PNG)).status).toBe(201);
      expect(
        (await upload(alice, a.id, 'page.html', Buffer.from('<script>alert(1)</script>'))).status,
      ).toBe(415);
      expect((await upload(alice, a.id, 'logo.svg', Buffer.from('<svg onload="x"/>'))).status).toBe(
        415,
      );
      expect((await upload(alice, a.id, 'empty.pdf', new Uint8Array())).status).toBe(422);
      const big = await upload(
        alice,
        a.id,
        'big.pdf',
        Buffer.concat([PDF, Buffer.alloc(70 * 1024)]),
      );
      expect(big.status).toBe(413);
      expect(big.body.detail).toContain('64 KB');
    });

    it('refuses cross-site uploads and uploads to submitted assessments', async () => {
      expect(
        (await upload(alice, a.id, 'x.pdf', PDF, { origin: 'https://evil.example' })).status,
      ).toBe(403);
      const s = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          answers: sampleAnswers('gbt29490-2023/ready-manufacturer'),
        })
      ).body;
      await alice.req('POST', `/api/assessments/${s.id}/submit`, { revision: s.revision });
      expect((await upload(alice, s.id, 'late.pdf', PDF)).status).toBe(409);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

describe.each(targets)('report downloads and seals on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`PDF, workbook, seal check${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let a: { id: string; submissionHash: string; revision: number };
    beforeAll(async () => {
      h = await harness(target);
      alice = await h.as('alice');
      const created = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          title: '二〇二六年贯标自评',
          answers: sampleAnswers('gbt29490-2023/nearly-ready-software'),
        })
      ).body;
      a = (
        await alice.req('POST', `/api/assessments/${created.id}/submit`, {
          revision: created.revision,
        })
      ).body;
    });
    afterAll(() => h?.close());

    const download = async (c: Client, path: string) => {
      const res = await h.app.request(path, { headers: c.cookie ? { cookie: c.cookie } : {} });
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    };

    it('gives the organisation a PDF and a workbook, named after the assessment', async () => {
      const pdf = await download(alice, `/api/assessments/${a.id}/report.pdf`);
      expect(pdf.res.status).toBe(200);
      expect(pdf.res.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.res.headers.get('content-disposition')).toContain(
        encodeURIComponent('二〇二六年贯标自评.pdf'),
      );
      const xlsx = await download(alice, `/api/assessments/${a.id}/report.xlsx`);
      expect(xlsx.res.status).toBe(200);
      expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK'); // a zip container
    });

    it('refuses reports to other organisations and to anonymous callers', async () => {
      const bob = await h.as('bob');
      for (const ext of ['pdf', 'xlsx']) {
        expect((await download(bob, `/api/assessments/${a.id}/report.${ext}`)).res.status).toBe(
          404,
        );
        expect((await download(h.anon, `/api/assessments/${a.id}/report.${ext}`)).res.status).toBe(
          401,
        );
      }
    });

    it('confirms a seal without a login, and says when it was superseded', async () => {
      const hex = a.submissionHash.replace('sha256:', '');
      const ok = await h.anon.get(`/api/seals/${hex}`);
      expect(ok.body).toMatchObject({
        matches: true,
        superseded: false,
        assessment: { title: '二〇二六年贯标自评' },
      });
      const other = await h.anon.get(`/api/seals/${'0'.repeat(64)}`);
      expect(other.body).toMatchObject({ matches: false, assessment: null });
      expect((await h.anon.get('/api/seals/not-a-hash')).status).toBe(400);

      // Returned, reopened, changed and resubmitted: the old seal is superseded.
      const admin = await h.as('admin');
      const rita = await h.as('rita');
      await admin.req('POST', `/api/assessments/${a.id}/reviewers`, {
        reviewerId: h.users.rita.id,
      });
      await rita.req('POST', `/api/assessments/${a.id}/decision`, {
        outcome: 'return',
        comment: '请补充',
      });
      const back = (
        await alice.req('POST', `/api/assessments/${a.id}/reopen`, { revision: a.revision })
      ).body;
      const saved = (
        await alice.req('PATCH', `/api/assessments/${a.id}`, {
          revision: back.revision,
          answers: {},
          asOf: '2026-11-30',
        })
      ).body;
      const again = (
        await alice.req('POST', `/api/assessments/${a.id}/submit`, { revision: saved.revision })
      ).body;
      expect(again.submissionHash).not.toBe(a.submissionHash);
      expect((await h.anon.get(`/api/seals/${hex}`)).body).toMatchObject({
        matches: true,
        superseded: true,
      });
      expect((await h.anon.get(`/api/seals/${again.submissionHash}`)).body).toMatchObject({
        matches: true,
        superseded: false,
      });
    });
  });
});

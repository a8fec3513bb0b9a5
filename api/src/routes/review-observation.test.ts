import { compile, textOf } from '@zhiping/forms';
import { loadBuiltins } from '@zhiping/forms/node';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBSERVATIONS_TITLE } from '../reports/index.ts';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

/*
 * 观察项 as a judged status, through a real decision: two reviewers judge an
 * unmet item, one 符合 and one 观察项 — the agreement counts them as two
 * different ratings; the lead settles on 观察项; the preview and the decision
 * score it as met (full points, not a nonconformity) and name it; the frozen
 * result marks it, the audit entry lists it, and both reports print it in
 * their list of observations.
 *
 * Expected figures come from the self-assessed result alone: an item's
 * `weight` is the points of the total it is worth at its maximum, so an unmet
 * item judged met (or 观察项) adds exactly its weight.
 */

const NEARLY = sampleAnswers('gbt29490-2023/nearly-ready-software');
const builtin = loadBuiltins().get('gbt29490-2023');
if (!builtin) throw new Error('gbt29490-2023 is not built in');
const compiled = compile(builtin);
const squash = (s: string) => s.replace(/\s+/g, '');

async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let all = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    all += content.items.map((i) => ('str' in i ? i.str : '')).join('');
  }
  await doc.destroy();
  return squash(all);
}

type Item = { id: string; status: string; weight: number; max: number; points: number };

describe.each(targets)('观察项 on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`a judged status that scores as met and is listed${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let rita: Client;
    let rob: Client;
    let admin: Client;
    beforeAll(async () => {
      h = await harness(target);
      [alice, rita, rob, admin] = await Promise.all([
        h.as('alice'),
        h.as('rita'),
        h.as('rob'),
        h.as('admin'),
      ]);
    });
    afterAll(() => h?.close());

    const download = async (c: Client, path: string) => {
      const res = await h.app.request(path, { headers: c.cookie ? { cookie: c.cookie } : {} });
      expect(res.status).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };

    it('is chosen by reviewers, compared as its own rating, settled, decided and reported', async () => {
      const draft = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          answers: NEARLY,
        })
      ).body;
      const a = (
        await alice.req('POST', `/api/assessments/${draft.id}/submit`, {
          revision: draft.revision,
        })
      ).body;
      for (const who of ['rita', 'rob'] as const)
        expect(
          (
            await admin.req('POST', `/api/assessments/${a.id}/reviewers`, {
              reviewerId: h.users[who].id,
            })
          ).status,
        ).toBe(204);
      const items: Item[] = a.result.items;
      const u = items.find((i) => i.status === 'unmet' && i.weight > 0);
      const m = items.find((i) => i.status === 'met' && i.weight > 0);
      if (!u || !m) throw new Error('the sample needs an unmet and a met scored item');
      const put = (c: Client, item: string, body: object) =>
        c.req('PUT', `/api/assessments/${a.id}/reviews/${item}`, body);

      // An observation is an override like any other: it needs its reason.
      const bare = await put(rob, u.id, { verdict: 'override', status: 'observation' });
      expect(bare.status).toBe(400);
      const reason = '制度已建立，运行时间尚短，下次评审复查执行记录';
      expect(
        (await put(rob, u.id, { verdict: 'override', status: 'observation', reason })).body,
      ).toMatchObject({ verdict: 'override', status: 'observation', points: null });
      expect(
        (await put(rita, u.id, { verdict: 'override', status: 'met', reason: '见签批记录' }))
          .status,
      ).toBe(200);
      for (const c of [rita, rob])
        expect((await put(c, m.id, { verdict: 'agree' })).status).toBe(200);
      for (const c of [rob, rita])
        expect((await c.req('POST', `/api/assessments/${a.id}/review/finish`)).status).toBe(200);

      // 符合 against 观察项 is a disagreement: one of the two items agrees, not both.
      const agreement = (await rita.get(`/api/assessments/${a.id}/agreement`)).body.agreement;
      expect(agreement).toMatchObject({ raters: 2, items: 2, percent: 0.5 });
      const u1 = (await rita.get(`/api/assessments/${a.id}/review`)).body.items.find(
        (i: { item: string }) => i.item === u.id,
      );
      expect(u1).toMatchObject({
        disagreement: true,
        others: [{ status: 'observation' }],
      });

      // The lead settles on 观察项; the preview names it and scores it as met.
      expect(
        (
          await rita.req('PUT', `/api/assessments/${a.id}/settlements/${u.id}`, {
            verdict: 'override',
            status: 'observation',
            reason,
            comment: '请保存执行记录',
          })
        ).status,
      ).toBe(200);
      const preview = (await rita.get(`/api/assessments/${a.id}/decision/preview?agreeRest=true`))
        .body;
      expect(preview.observations).toEqual([u.id]);
      expect(preview.score).toBeCloseTo(a.result.total.score + u.weight, 3);

      const done = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
        outcome: 'approve',
        agreeRest: true,
      });
      expect(done.status).toBe(200);
      expect(done.body.reviewed.score).toBe(preview.score);
      const frozen = done.body.reviewedResult.items.find((i: Item) => i.id === u.id);
      expect(frozen).toMatchObject({
        status: 'met',
        points: u.max,
        overridden: true,
        observation: true,
      });
      expect(
        done.body.reviewedResult.items.filter((i: { observation?: boolean }) => i.observation),
      ).toHaveLength(1);
      expect(done.body.reviewedResult.gaps.map((g: { item: string }) => g.item)).not.toContain(
        u.id,
      );
      const decided = (await alice.get(`/api/assessments/${a.id}/audit?action=decided`)).body;
      expect(decided[0].detail.observations).toEqual([u.id]);

      // Both reports list it: the PDF under its heading with the reason, the workbook on its sheet.
      const index = compiled.itemIndex.get(u.id);
      const item = index === undefined ? undefined : compiled.items[index]?.item;
      if (!item) throw new Error('item not in the definition');
      const text = await pdfText(await download(alice, `/api/assessments/${a.id}/report.pdf`));
      const listed = text.slice(text.indexOf(`${OBSERVATIONS_TITLE}（1项）`));
      expect(listed.length).toBeLessThan(text.length);
      expect(listed).toContain(squash(textOf(item.prompt)));
      expect(listed).toContain(squash(`理由：${reason}`));
      expect(listed).toContain(squash('意见：请保存执行记录'));

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        Buffer.from(
          await download(alice, `/api/assessments/${a.id}/report.xlsx`),
        ) as unknown as ExcelJS.Buffer,
      );
      const sheet = wb.getWorksheet(OBSERVATIONS_TITLE);
      expect(sheet?.rowCount).toBe(2);
      const row = sheet?.getRow(2).values as ExcelJS.CellValue[];
      expect(row).toContain(u.id);
      expect(row).toContain(u.max);
      // The item's own row says 观察项, with the self-assessed status beside it.
      const statuses: ExcelJS.CellValue[] = [];
      for (const ws of wb.worksheets) {
        const header = ws.getRow(1).values as ExcelJS.CellValue[];
        if (!header.includes('状态') || ws.name === OBSERVATIONS_TITLE) continue;
        ws.eachRow((r, n) => {
          if (n > 1 && r.getCell(header.indexOf('编号')).value === u.id)
            statuses.push(r.getCell(header.indexOf('状态')).value);
        });
      }
      expect(statuses[0]).toBe('观察项（自评：严重不符合）');
    });
  });
});

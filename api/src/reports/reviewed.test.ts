import { formatScore, score } from '@zhiping/forms';
import { loadBuiltins, loadSample } from '@zhiping/forms/node';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Client, type Harness, harness, sampleAnswers } from '../testing/harness.ts';
import { renderPdf, renderWorkbook, SUMMARY_SHEET } from './index.ts';
import type { ReportInput } from './types.ts';

/*
 * The reviewed result, not the self-assessed one, is what an official report
 * states; the self-assessed total stands beside it. The reviewer gives one met
 * item 20 % of its points — not the half the engine assumes for a partial
 * judgement without points — so a report that lost the points, or printed the
 * self-assessed result, shows another number.
 *
 * Expected totals come from the self-assessed result alone: an item's
 * `weight` is the points of the total it is worth at its maximum, so marking
 * it down to p of its max points costs (1 − p / max) × weight.
 */

const FRACTION = 0.2;
/** The reviewer's points: a fifth of the maximum, to two decimals as a reviewer types them. */
const fifth = (max: number) => Math.round(max * FRACTION * 100) / 100;
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

async function workbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const summary = (key: string) => {
    let value: ExcelJS.CellValue = null;
    wb.getWorksheet(SUMMARY_SHEET)?.eachRow((row) => {
      if (row.getCell(1).value === key) value = row.getCell(2).value;
    });
    return value;
  };
  /** The item's row on its section sheet: [status, points, max]. */
  const itemRow = (id: string) => {
    for (const ws of wb.worksheets) {
      const col = (ws.getRow(1).values as ExcelJS.CellValue[]).indexOf('编号');
      if (col < 0) continue;
      const header = ws.getRow(1).values as ExcelJS.CellValue[];
      let found: { status: unknown; points: unknown; max: unknown } | undefined;
      ws.eachRow((row, n) => {
        if (n > 1 && row.getCell(col).value === id)
          found = {
            status: row.getCell(header.indexOf('状态')).value,
            points: row.getCell(header.indexOf('得分')).value,
            max: row.getCell(header.indexOf('满分')).value,
          };
      });
      if (found) return found;
    }
    return undefined;
  };
  return { summary, itemRow };
}

/** The met item worth most of the total: the one whose marking down moves the total most. */
function heaviestMet(items: { id: string; status: string; weight: number; max: number }[]) {
  const met = items.filter((i) => i.status === 'met' && i.max > 0);
  met.sort((a, b) => b.weight - a.weight);
  const item = met[0];
  if (!item) throw new Error('no met item');
  return item;
}

async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    return await f();
  } finally {
    warn.mockRestore();
  }
}

function expectReviewedPdf(text: string, self: number, reviewed: number, item: ItemFacts) {
  expect(formatScore(self)).not.toBe(formatScore(reviewed));
  // The summary: the reviewed total, then the self-assessed one beside it.
  expect(text).toContain(`总分${formatScore(reviewed)}/100`);
  expect(text).toContain(`自评总分${formatScore(self)}，评审后为${formatScore(reviewed)}。`);
  expect(text).not.toContain(`总分${formatScore(self)}/100`);
  // The item: the reviewer's points, with the self-assessed status noted.
  expect(text).toContain(`一般不符合${item.points}/${item.max}分自评：符合`);
}

interface ItemFacts {
  id: string;
  points: string;
  max: string;
}

describe('the reviewed result in the PDF and the workbook (renderers)', () => {
  const sample = loadSample('gbt29490-2023/ready-manufacturer.json');
  const definition = loadBuiltins().get(sample.definition);
  const self = score(definition, sample.answers, { asOf: sample.asOf });
  const target = heaviestMet(self.items);
  const points = fifth(target.max);
  const reviewed = score(definition, sample.answers, {
    asOf: sample.asOf,
    overrides: { [target.id]: { status: 'partial', points } },
  });
  const input: ReportInput = {
    assessment: {
      id: 'a-reviewed',
      title: sample.title,
      status: 'decided',
      organisation: { name: sample.organisation.name },
      asOf: sample.asOf,
      submittedAt: `${sample.asOf}T02:30:00.000Z`,
      submissionHash: `sha256:${'ab'.repeat(32)}`,
    },
    definition,
    answers: sample.answers,
    result: reviewed,
    selfResult: self,
    reviews: [
      {
        item: target.id,
        verdict: 'override',
        status: 'partial',
        points,
        reason: '只见到制度文本，未见执行记录。',
        reviewer: '王评审',
        at: `${sample.asOf}T06:00:00.000Z`,
      },
    ],
    decision: null,
    generatedAt: `${sample.asOf}T08:05:00.000Z`,
  };
  const item = { id: target.id, points: String(points), max: String(target.max) };

  it('scores the reviewed total from the reviewer’s points, not the default half', () => {
    const lost = (1 - points / target.max) * target.weight;
    expect(reviewed.total.score).toBeCloseTo(self.total.score - lost, 3);
    // The default (half the points) would take 0.5 × weight: a different printed total.
    expect(formatScore(self.total.score - 0.5 * target.weight)).not.toBe(
      formatScore(reviewed.total.score),
    );
  });

  it('prints both totals where each belongs in the PDF', async () => {
    const text = await pdfText(await quietly(() => renderPdf(input)));
    expectReviewedPdf(text, self.total.score, reviewed.total.score, item);
  });

  it('puts both totals and the reviewer’s points in the workbook', async () => {
    const wb = await workbook(await renderWorkbook(input));
    expect(wb.summary('总分')).toBe(reviewed.total.score);
    expect(wb.summary('自评总分')).toBe(self.total.score);
    expect(wb.itemRow(target.id)).toEqual({
      status: '一般不符合（自评：符合）',
      points,
      max: target.max,
    });
  });
});

describe('the reviewed result from the database to the files the routes return', () => {
  let h: Harness;
  let alice: Client;
  let rita: Client;
  let id: string;
  let self: number;
  let target: { id: string; weight: number; max: number };

  beforeAll(async () => {
    h = await harness('sqlite');
    alice = await h.as('alice');
    rita = await h.as('rita');
    const admin = await h.as('admin');
    const created = (
      await alice.req('POST', '/api/assessments', {
        definition: 'gbt29490-2023',
        title: '评审后的报告',
        answers: sampleAnswers('gbt29490-2023/ready-manufacturer'),
        asOf: '2026-11-18',
      })
    ).body;
    id = created.id;
    const submitted = await alice.req('POST', `/api/assessments/${id}/submit`, {
      revision: created.revision,
    });
    expect(submitted.status).toBe(200);
    self = (await alice.get(`/api/assessments/${id}`)).body.result.total.score;
    const assigned = await admin.req('POST', `/api/assessments/${id}/reviewers`, {
      reviewerId: h.users.rita.id,
    });
    expect(assigned.status).toBeLessThan(300);
    const seen = (await rita.get(`/api/assessments/${id}`)).body;
    target = heaviestMet(seen.result.items);
    const judged = await rita.req('PUT', `/api/assessments/${id}/reviews/${target.id}`, {
      verdict: 'override',
      status: 'partial',
      points: fifth(target.max),
      reason: '只见到制度文本，未见执行记录。',
    });
    expect(judged.status).toBe(200);
  });
  afterAll(() => h?.close());

  const download = async (c: Client, path: string) => {
    const res = await h.app.request(path, { headers: c.cookie ? { cookie: c.cookie } : {} });
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };
  const expected = () => self - (1 - fifth(target.max) / target.max) * target.weight;

  it('keeps the reviewer’s points in the reviewed result', async () => {
    const detail = (await rita.get(`/api/assessments/${id}`)).body;
    expect(detail.result.total.score).toBe(self);
    expect(detail.reviewedResult.total.score).toBeCloseTo(expected(), 3);
    expect(
      detail.reviewedResult.items.find((i: { id: string }) => i.id === target.id),
    ).toMatchObject({ status: 'partial', points: fifth(target.max), overridden: true });
  });

  it('prints the reviewed total and the self-assessed one in the PDF the route returns', async () => {
    const text = await pdfText(await download(rita, `/api/assessments/${id}/report.pdf`));
    const reviewed = (await rita.get(`/api/assessments/${id}`)).body.reviewedResult.total.score;
    expect(reviewed).toBeCloseTo(expected(), 3);
    expectReviewedPdf(text, self, reviewed, {
      id: target.id,
      points: String(fifth(target.max)),
      max: String(target.max),
    });
  });

  it('puts the reviewed total and the self-assessed one in the workbook the route returns', async () => {
    const wb = await workbook(await download(rita, `/api/assessments/${id}/report.xlsx`));
    expect(wb.summary('总分')).toBeCloseTo(expected(), 3);
    expect(wb.summary('自评总分')).toBe(self);
    expect(wb.itemRow(target.id)).toEqual({
      status: '一般不符合（自评：符合）',
      points: fifth(target.max),
      max: target.max,
    });
  });
});

import { score, translate } from '@zhiping/forms';
import { allKinds, allKindsAnswers, allKindsText } from '@zhiping/forms/testing/all-kinds';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPdf, renderWorkbook } from './index.ts';
import type { ReportInput } from './types.ts';

/*
 * The PDF and the workbook print every item kind's answer, and every
 * status, in the same words as the web pages: the expected words are the
 * shared fixture's (forms/src/testing/all-kinds.ts), which the web tests
 * check the review console and results page against too.
 */
const result = score(allKinds, allKindsAnswers, { asOf: '2026-11-29' });
const input: ReportInput = {
  assessment: {
    id: 'every-kind',
    title: '全部题型',
    status: 'submitted',
    organisation: { name: '示例公司' },
    asOf: '2026-11-29',
    submittedAt: '2026-11-29T02:00:00.000Z',
    submissionHash: null,
  },
  definition: allKinds,
  answers: allKindsAnswers,
  result,
  reviews: [],
  decision: null,
  generatedAt: '2026-11-29T03:00:00.000Z',
};
const squash = (s: string) => s.replace(/\s+/g, '');
const statusOf = (id: string) => {
  const s = result.items.find((i) => i.id === id)?.status;
  if (!s) throw new Error(`no result for ${id}`);
  return translate('zh', `itemStatus.${s}`);
};

let pdfText = '';
const rows = new Map<string, { answer: string; status: string }>();

beforeAll(async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  let pdf: Buffer;
  try {
    pdf = await renderPdf(input);
  } finally {
    warn.mockRestore();
  }
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pdfText += content.items.map((i) => ('str' in i ? i.str : '')).join('');
  }
  await doc.destroy();
  pdfText = squash(pdfText);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderWorkbook(input)) as never);
  const ws = wb.worksheets[1];
  const header = ws?.getRow(1).values as unknown[];
  const col = (name: string) => header.indexOf(name);
  ws?.eachRow((row, n) => {
    if (n === 1) return;
    rows.set(String(row.getCell(col('编号')).value), {
      answer: String(row.getCell(col('自评答案')).value ?? ''),
      status: String(row.getCell(col('状态')).value ?? ''),
    });
  });
});

describe('every item kind reads the same in the PDF and the workbook', () => {
  for (const [id, text] of Object.entries(allKindsText)) {
    it(`${id}: “${text.zh.replace(/\n/g, ' / ')}”`, () => {
      expect(rows.get(id)).toEqual({ answer: text.zh, status: statusOf(id) });
      expect(pdfText).toContain(squash(text.zh));
      expect(pdfText).toContain(squash(statusOf(id)));
    });
  }
});

import { type ScoreResult, translate, verdictLabel } from '@zhiping/forms';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderWorkbook, SUMMARY_SHEET, sealText } from './index.ts';
import { sampleInput } from './sample-input.ts';

const input = sampleInput('gbt29490-2013/lapsed-gaps.json', { reviewed: true });
const wb = new ExcelJS.Workbook();
let size = 0;

beforeAll(async () => {
  const buf = await renderWorkbook(input);
  size = buf.length;
  // exceljs' typings want its own Buffer flavour; the bytes are what matter.
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
});

/** Visible items under a top-level section, counted from the result alone. */
function visibleItemsUnder(result: ScoreResult, top: string): ScoreResult['items'] {
  const parent = new Map(result.sections.map((s) => [s.id, s.parent]));
  const topOf = (id: string): string => {
    const p = parent.get(id);
    return p ? topOf(p) : id;
  };
  return result.items.filter((i) => i.visible && topOf(i.section) === top);
}

/** Value of column B on the summary row whose column A is `key`. */
function summaryValue(key: string): ExcelJS.CellValue {
  const ws = wb.getWorksheet(SUMMARY_SHEET);
  let value: ExcelJS.CellValue = null;
  ws?.eachRow((row) => {
    if (row.getCell(1).value === key) value = row.getCell(2).value;
  });
  return value;
}

describe('Excel workbook', () => {
  it('is a small xlsx with a summary, one sheet per top-level section and the gaps', () => {
    expect(size).toBeLessThan(1024 * 1024);
    const names = wb.worksheets.map((w) => w.name);
    const tops = input.definition.sections.length;
    expect(names[0]).toBe(SUMMARY_SHEET);
    expect(names).toHaveLength(1 + tops + 1);
    expect(names.at(-1)).toBe('整改建议');
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('summarises total, verdict, seal and decision', () => {
    expect(summaryValue('总分')).toBe(input.result.total.score);
    expect(summaryValue('自评总分')).toBe(input.selfResult?.total.score);
    expect(summaryValue('结论')).toBe(verdictLabel(input.result));
    expect(summaryValue('状态')).toBe('已决定');
    expect(summaryValue('封存')).toBe(sealText(input.assessment.submissionHash, 'decided'));
    expect(String(summaryValue('评审决定'))).toContain(translate('zh', 'decision.approve'));
  });

  it('lists every visible item of a section with its status, points and answer', () => {
    const ws = wb.getWorksheet('4 知识产权管理体系');
    expect(ws).toBeDefined();
    if (!ws) return;
    const expected = visibleItemsUnder(input.result, 'c4');
    expect(ws.rowCount - 1).toBe(expected.length);
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    for (const item of expected) {
      let found = false;
      ws.eachRow((row, n) => {
        if (n === 1 || row.getCell(col('编号')).value !== item.id) return;
        found = true;
        expect(String(row.getCell(col('状态')).value)).toMatch(
          new RegExp(`^${translate('zh', `itemStatus.${item.status}`)}`),
        );
        expect(row.getCell(col('满分')).value).toBe(item.max > 0 ? item.max : null);
        expect(row.getCell(col('自评答案')).value).toBeTruthy();
      });
      expect(found, item.id).toBe(true);
    }
  });

  it('is set up to print: A4, one page wide, header row repeated and frozen', () => {
    const ws = wb.getWorksheet('4 知识产权管理体系');
    expect(ws?.pageSetup.paperSize).toBe(9);
    expect(ws?.pageSetup.fitToWidth).toBe(1);
    expect(ws?.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.headerFooter.oddFooter).toContain('SHA-256');
  });
});

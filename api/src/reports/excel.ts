import { formatDate, reasonText, refOf, textOf, translate, verdictLabel } from '@zhiping/forms';
import ExcelJS, { type Worksheet } from 'exceljs';
import { citationsText } from './citations.ts';
import { formatForPrint, wrapBody } from './excel-format.ts';
import {
  addGapsSheet,
  addObservationsSheet,
  addSectionSheet,
  type SheetContext,
} from './excel-items.ts';
import { formatDateTime, sealText } from './labels.ts';
import { buildModel, type ReportModel } from './model.ts';
import { REPORT_TITLE } from './pdf-cover.ts';
import { OBSERVATIONS_TITLE } from './pdf-observations.ts';
import { sheetName } from './sheet-names.ts';
import type { ReportInput, ReportOptions } from './types.ts';

/** The summary sheet's name (tests and links look for it). */
export const SUMMARY_SHEET = '概况';

const bold = { bold: true } as const;

function block(ws: Worksheet, title: string, header: string[]): void {
  ws.addRow([]);
  ws.addRow([title]).font = { bold: true, size: 12 };
  const h = ws.addRow(header);
  h.font = bold;
  h.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
  });
}

/** Assessment facts, verdict, gates and section scores: what a reader needs before the detail. */
function addSummarySheet(
  wb: ExcelJS.Workbook,
  input: ReportInput,
  model: ReportModel,
  options: ReportOptions,
  ctx: SheetContext,
): void {
  const { assessment: a, definition: d, result } = input;
  const ws = wb.addWorksheet(sheetName(SUMMARY_SHEET, ctx.taken));
  ws.columns = [{ width: 16 }, { width: 44 }, { width: 12 }, { width: 12 }, { width: 44 }];
  const facts: [string, string | number][] = [
    ['报告', REPORT_TITLE],
    ['受评单位', a.organisation.name],
    ['地区', a.organisation.region ?? ''],
    ['评估事项', a.title],
    ['评估标准', textOf(d.title)],
    ['定义版本', refOf(d)],
    ['评估基准日', formatDate(a.asOf)],
    ['状态', translate('zh', `assessmentStatus.${a.status}`)],
    ['提交时间', a.submittedAt ? formatDateTime(a.submittedAt, input.timeZone) : '尚未提交'],
    ['报告生成时间', formatDateTime(input.generatedAt, input.timeZone)],
    ['总分', result.total.score],
    ...(input.selfResult
      ? ([['自评总分', input.selfResult.total.score]] as [string, number][])
      : []),
    ['结论', verdictLabel(result)],
    [
      '结论说明',
      result.verdict.reasons
        .map((r) => reasonText(r, { result, definition: input.definition }))
        .join('\n'),
    ],
    ['封存', sealText(a.submissionHash, a.status)],
  ];
  if (model.observations.length > 0)
    facts.push([
      '观察项',
      `${model.observations.length} 项（按符合计分，见“${OBSERVATIONS_TITLE}”表）`,
    ]);
  if (input.decision) {
    const dec = input.decision;
    facts.push([
      '评审决定',
      `${translate('zh', `decision.${dec.outcome}`)}（${dec.reviewer}，${formatDateTime(dec.at, input.timeZone)}）`,
    ]);
    facts.push(['评审意见', dec.comment]);
  }
  for (const [k, v] of facts) {
    const r = ws.addRow([k, v]);
    ws.mergeCells(r.number, 2, r.number, 5);
    r.getCell(1).font = bold;
    if (typeof v === 'number') {
      r.getCell(2).numFmt = '0.0';
      r.getCell(2).alignment = { horizontal: 'left' };
    }
  }

  if (result.gates.length > 0) {
    block(ws, '门槛', ['门槛条件', '', '类型', '结果', '说明与依据']);
    for (const g of result.gates) {
      const why = [
        g.outcome !== 'passed' ? textOf(g.message) : '',
        ...citationsText(g.citations, options.sources),
      ];
      const r = ws.addRow([
        textOf(g.title),
        '',
        g.kind === 'veto' ? '一票否决' : '资格条件',
        translate('zh', `gateOutcome.${g.outcome}`),
        why.filter(Boolean).join('\n'),
      ]);
      ws.mergeCells(r.number, 1, r.number, 2);
    }
  }

  block(ws, '各部分得分', ['部分', '', '权重', '得分率', '得分 / 满分']);
  const headings = new Map(model.top.map((t) => [t.id, t.heading]));
  for (const s of result.sections) {
    if (s.parent !== null || !s.visible) continue;
    const r = ws.addRow([
      headings.get(s.id) ?? textOf(s.title),
      '',
      s.weight,
      s.ratio,
      s.max > 0 ? `${s.points} / ${s.max}` : '不计分',
    ]);
    ws.mergeCells(r.number, 1, r.number, 2);
    r.getCell(4).numFmt = '0.0%';
  }
  wrapBody(ws, 1);
  formatForPrint(ws, { landscape: false, title: ctx.title, seal: ctx.seal, headerRow: false });
}

/**
 * The assessment as an Excel workbook: a summary sheet, one sheet per
 * top-level section listing its items, and the gap list; each set up to
 * print on A4.
 *
 * @example const xlsx = await renderWorkbook(input); // Buffer of a .xlsx (zip) file
 */
export async function renderWorkbook(
  input: ReportInput,
  options: ReportOptions = {},
): Promise<Buffer> {
  const model = buildModel(input, options);
  const wb = new ExcelJS.Workbook();
  // Stamped from the input, not the clock, like the PDF.
  const at = new Date(input.generatedAt);
  wb.creator = '知评 Zhiping';
  wb.title = `${REPORT_TITLE} — ${input.assessment.organisation.name}`;
  wb.created = at;
  wb.modified = at;
  const ctx: SheetContext = {
    title: textOf(input.definition.title),
    seal: sealText(input.assessment.submissionHash, input.assessment.status),
    taken: new Set(),
  };
  addSummarySheet(wb, input, model, options, ctx);
  for (const top of model.top) if (top.rows.length > 0) addSectionSheet(wb, top, ctx);
  addGapsSheet(wb, input, model, options, ctx);
  addObservationsSheet(wb, model, ctx);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

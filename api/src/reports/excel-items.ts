import { textOf, translate } from '@zhiping/forms';
import type { Workbook } from 'exceljs';
import { citationsText } from './citations.ts';
import { formatForPrint, STATUS_ARGB, wrapBody } from './excel-format.ts';
import { UNVERIFIED } from './labels.ts';

import type { ReportModel, TopSection } from './model.ts';
import { OBSERVATIONS_TITLE } from './pdf-observations.ts';
import { sheetName } from './sheet-names.ts';
import type { ReportInput, ReportOptions } from './types.ts';

export interface SheetContext {
  title: string;
  seal: string;
  taken: Set<string>;
}

const ITEM_COLUMNS = [
  { header: '部分', key: 'path', width: 24 },
  { header: '编号', key: 'id', width: 22 },
  { header: '条款', key: 'clause', width: 8 },
  { header: '题目', key: 'prompt', width: 46 },
  { header: '状态', key: 'status', width: 11 },
  { header: '得分', key: 'points', width: 7 },
  { header: '满分', key: 'max', width: 7 },
  { header: '自评答案', key: 'answer', width: 28 },
  { header: '评审意见', key: 'review', width: 28 },
  { header: '依据', key: 'citations', width: 36 },
];

/** One sheet per top-level section: a row per visible item, in definition order. */
export function addSectionSheet(wb: Workbook, top: TopSection, ctx: SheetContext): void {
  const ws = wb.addWorksheet(sheetName(top.heading, ctx.taken));
  ws.columns = ITEM_COLUMNS;
  for (const row of top.rows) {
    const r = ws.addRow({
      path: row.path.join(' › '),
      id: row.id,
      clause: row.clause,
      prompt: row.unverified ? `${row.prompt}（${UNVERIFIED}）` : row.prompt,
      status: row.selfStatus
        ? `${row.statusLabel}（自评：${translate('zh', `itemStatus.${row.selfStatus}`)}）`
        : row.statusLabel,
      points: row.max > 0 ? row.points : null,
      max: row.max > 0 ? row.max : null,
      answer: row.answer,
      review: row.review ?? '',
      citations: row.citations.join('\n'),
    });
    r.getCell('status').font = { bold: true, color: { argb: STATUS_ARGB[row.status] } };
  }
  ws.getColumn('points').numFmt = '0.##';
  ws.getColumn('max').numFmt = '0.##';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ITEM_COLUMNS.length } };
  wrapBody(ws);
  formatForPrint(ws, { landscape: true, title: ctx.title, seal: ctx.seal });
}

/** The gap list with recommendations and citations, most expensive first. */
export function addGapsSheet(
  wb: Workbook,
  input: ReportInput,
  model: ReportModel,
  options: ReportOptions,
  ctx: SheetContext,
): void {
  const ws = wb.addWorksheet(sheetName('整改建议', ctx.taken));
  ws.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '编号', key: 'id', width: 22 },
    { header: '条款', key: 'clause', width: 8 },
    { header: '题目', key: 'prompt', width: 46 },
    { header: '状态', key: 'status', width: 11 },
    { header: '失分', key: 'cost', width: 8 },
    { header: '整改建议', key: 'recommendation', width: 46 },
    { header: '依据', key: 'citations', width: 36 },
  ];
  input.result.gaps.forEach((g, i) => {
    const item = model.items.get(g.item);
    const r = ws.addRow({
      n: i + 1,
      id: g.item,
      clause: item?.clause ?? '',
      prompt: textOf(item?.prompt),
      status: translate('zh', `itemStatus.${g.status}`),
      cost: g.cost,
      recommendation: textOf(item?.recommendation),
      citations: citationsText(item?.citations ?? [], options.sources).join('\n'),
    });
    r.getCell('status').font = { bold: true, color: { argb: STATUS_ARGB[g.status] } };
  });
  ws.getColumn('cost').numFmt = '0.##';
  wrapBody(ws);
  formatForPrint(ws, { landscape: true, title: ctx.title, seal: ctx.seal });
}

/** The items the review judged 观察项 (scored as 符合, to keep watching); no sheet when there are none. */
export function addObservationsSheet(wb: Workbook, model: ReportModel, ctx: SheetContext): void {
  if (model.observations.length === 0) return;
  const ws = wb.addWorksheet(sheetName(OBSERVATIONS_TITLE, ctx.taken));
  ws.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '编号', key: 'id', width: 22 },
    { header: '条款', key: 'clause', width: 8 },
    { header: '题目', key: 'prompt', width: 46 },
    { header: '得分', key: 'points', width: 7 },
    { header: '满分', key: 'max', width: 7 },
    { header: '评审说明', key: 'note', width: 46 },
  ];
  model.observations.forEach((row, i) => {
    ws.addRow({
      n: i + 1,
      id: row.id,
      clause: row.clause,
      prompt: row.prompt,
      points: row.points,
      max: row.max,
      note: row.reviewNote,
    });
  });
  ws.getColumn('points').numFmt = '0.##';
  ws.getColumn('max').numFmt = '0.##';
  wrapBody(ws);
  formatForPrint(ws, { landscape: true, title: ctx.title, seal: ctx.seal });
}

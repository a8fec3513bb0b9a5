import { translate } from '@zhiping/forms';
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { formatPercent, formatPoints, UNVERIFIED } from './labels.ts';
import type { ItemRow, ReportModel, TopSection } from './model.ts';
import {
  CELL_PADDING,
  columnWidths,
  GROUP_FILL,
  H1,
  MUTED,
  SMALL,
  STATUS_COLOUR,
  TD,
  TH,
  tableLayout,
  titledLayout,
  titleRow,
} from './pdf-styles.ts';
import type { Setter } from './pdf-text.ts';

const filler = (n: number): TableCell[] => Array.from({ length: n }, () => ({ text: '' }));

function headingRow(top: TopSection, cols: number): TableCell[] {
  const r = top.result;
  const score = r && r.max > 0 ? `得分率 ${formatPercent(r.ratio)}` : '不计分';
  const title: Content = {
    text: [{ text: top.heading }, { text: `　${score}`, color: MUTED, bold: false, fontSize: 10 }],
  };
  return titleRow(title, cols);
}

function promptCell(set: Setter, row: ItemRow, width: number): TableCell {
  const stack: Content[] = [set.block(row.prompt, width, TD)];
  if (row.unverified)
    stack.push({ text: `${UNVERIFIED}：本题要求尚未与原文核对`, ...SMALL, color: '#b26a00' });
  // Citations are left to the gap list and the workbook: on every row they
  // would add a third to the text of the longest part of the report.
  stack.push(set.block(row.id, width, SMALL));
  return { stack };
}

function resultCell(row: ItemRow): TableCell {
  const stack: Content[] = [
    { text: row.statusLabel, ...TD, bold: true, color: STATUS_COLOUR[row.status], noWrap: true },
  ];
  if (row.max > 0)
    stack.push({
      text: `${formatPoints(row.points)} / ${formatPoints(row.max)} 分`,
      ...TD,
      noWrap: true,
    });
  if (row.selfStatus)
    stack.push({
      text: `自评：${translate('zh', `itemStatus.${row.selfStatus}`)}`,
      ...SMALL,
      noWrap: true,
    });
  return { stack };
}

/*
 * A sub-section heading shares one unbreakable row with the group's first
 * item, so it never ends a page on its own: a table nested across all
 * columns, pulled out over the outer cell's padding so that its columns
 * line up with the outer ones.
 */
const groupLayout: CustomTableLayout = {
  ...tableLayout,
  hLineWidth: (i) => (i === 1 ? 0.5 : 0),
};

function groupStart(heading: Content, cells: TableCell[], widths: number[]): TableCell {
  const cols = widths.length;
  return {
    colSpan: cols,
    margin: [-4, -3, -4, -3],
    table: {
      widths,
      body: [
        [{ stack: [heading], colSpan: cols, fillColor: GROUP_FILL }, ...filler(cols - 1)],
        cells,
      ],
    },
    layout: groupLayout,
  };
}

function sectionTable(set: Setter, top: TopSection, reviewed: boolean): Content {
  const widths = columnWidths(reviewed ? [36, null, 58, 108, 102] : [36, null, 58, 130]);
  const [wClause = 0, wPrompt = 0, , wAnswer = 0, wReview = 0] = widths;
  const cols = widths.length;
  const full = widths.reduce((a, b) => a + b, 0) + CELL_PADDING * (cols - 1);
  const header: TableCell[] = [
    '条款',
    '题目',
    '结果',
    '自评答案',
    ...(reviewed ? ['评审意见'] : []),
  ].map((text) => ({ text, ...TH }));
  const body: TableCell[][] = [headingRow(top, cols), header];
  const itemCells = (row: ItemRow): TableCell[] => {
    const cells: TableCell[] = [
      set.block(row.clause, wClause, { ...TD, color: MUTED }),
      promptCell(set, row, wPrompt),
      resultCell(row),
      set.block(row.answer, wAnswer, TD),
    ];
    if (reviewed) cells.push(set.block(row.review ?? '', wReview, TD));
    return cells;
  };
  for (const g of top.groups) {
    const [first, ...rest] = g.rows;
    if (!first) continue;
    // Items straight under the top-level section need no sub-heading.
    if (g.path.length === 1) body.push(itemCells(first));
    else {
      const text = g.path.slice(1).join(' › ') + (g.unverified ? `（${UNVERIFIED}）` : '');
      const heading = set.block(text, full, { ...TD, bold: true, color: '#374151' });
      body.push([groupStart(heading, itemCells(first), widths), ...filler(cols - 1)]);
    }
    for (const row of rest) body.push(itemCells(row));
  }
  return {
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
    layout: titledLayout,
  };
}

/** Every visible item, one table per top-level section, grouped by sub-section. */
export function itemsPart(set: Setter, model: ReportModel): Content[] {
  const out: Content[] = [{ text: '三、逐项结果', ...H1, pageBreak: 'before' }];
  for (const top of model.top)
    if (top.rows.length > 0) out.push(sectionTable(set, top, model.reviewed));
  return out;
}

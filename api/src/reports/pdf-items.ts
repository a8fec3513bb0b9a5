import { AUDITOR_LABEL } from '@zhiping/forms';
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { formatPercent, formatPoints, UNVERIFIED } from './labels.ts';
import type { ItemRow, ReportModel, TopSection } from './model.ts';
import { GROUP_FILL, MUTED, STATUS_COLOUR, tableLayout } from './pdf-styles.ts';

function promptCell(row: ItemRow): TableCell {
  const stack: Content[] = [
    {
      text: [
        { text: row.prompt },
        ...(row.unverified ? [{ text: ` ${UNVERIFIED}`, color: '#b26a00', bold: true }] : []),
      ],
    },
    { text: row.id, style: 'small', margin: [0, 1, 0, 0] },
  ];
  if (row.citations.length > 0)
    stack.push({ text: `依据：${row.citations.join('；')}`, style: 'small' });
  return { stack, style: 'td' };
}

function resultCell(row: ItemRow): TableCell {
  const stack: Content[] = [
    { text: row.statusLabel, bold: true, color: STATUS_COLOUR[row.status] },
  ];
  if (row.max > 0)
    stack.push({ text: `${formatPoints(row.points)} / ${formatPoints(row.max)} 分` });
  if (row.selfStatus)
    stack.push({ text: `自评：${AUDITOR_LABEL[row.selfStatus]}`, style: 'small' });
  return { stack, style: 'td' };
}

/*
 * The section heading is the table's first header row rather than a
 * paragraph above it: pdfmake then repeats it on every page the section
 * runs over and never leaves it alone at the foot of a page (a
 * keep-with-next rule would cost a full re-layout per break).
 */
const sectionLayout: CustomTableLayout = {
  ...tableLayout,
  hLineWidth: (i, node) => (i <= 1 ? 0 : i === 2 || i === node.table.body.length ? 0.8 : 0.5),
  hLineColor: (i) => (i <= 2 ? '#9aa3ad' : '#d5d9df'),
};

function headingRow(top: TopSection, cols: number): TableCell[] {
  const r = top.result;
  const score = r && r.max > 0 ? `得分率 ${formatPercent(r.ratio)}` : '不计分';
  return [
    {
      text: [
        { text: top.heading },
        { text: `　${score}`, color: MUTED, bold: false, fontSize: 10 },
      ],
      colSpan: cols,
      bold: true,
      fontSize: 12,
      color: '#1f2937',
      margin: [-4, 10, 0, 4],
    },
    ...filler(cols - 1),
  ];
}

const filler = (n: number): TableCell[] => Array.from({ length: n }, () => ({ text: '' }));

function sectionTable(top: TopSection, reviewed: boolean): Content {
  // Widths in points (A4 content is 515 pt): the prompt column takes the rest.
  const widths: (number | string)[] = reviewed ? [34, '*', 62, 112, 100] : [34, '*', 66, 150];
  const cols = widths.length;
  const header: TableCell[] = [
    '条款',
    '题目',
    '结果',
    '自评答案',
    ...(reviewed ? ['审核意见'] : []),
  ].map((text) => ({ text, style: 'th' }));
  const body: TableCell[][] = [headingRow(top, cols), header];
  for (const g of top.groups) {
    // Items straight under the top-level section need no sub-heading.
    if (g.path.length > 1) {
      const text = g.path.slice(1).join(' › ') + (g.unverified ? `（${UNVERIFIED}）` : '');
      body.push([
        { text, colSpan: cols, bold: true, fontSize: 9, fillColor: GROUP_FILL, color: '#374151' },
        ...filler(cols - 1),
      ]);
    }
    for (const row of g.rows) {
      const cells: TableCell[] = [
        { text: row.clause, style: 'td', color: MUTED },
        promptCell(row),
        resultCell(row),
        { text: row.answer, style: 'td' },
      ];
      if (reviewed) cells.push({ text: row.review ?? '', style: 'td' });
      body.push(cells);
    }
  }
  return {
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
    layout: sectionLayout,
  };
}

/** Every visible item, one table per top-level section, grouped by sub-section. */
export function itemsPart(model: ReportModel): Content[] {
  const out: Content[] = [{ text: '三、逐项结果', style: 'h1', pageBreak: 'before' }];
  for (const top of model.top) if (top.rows.length > 0) out.push(sectionTable(top, model.reviewed));
  return out;
}

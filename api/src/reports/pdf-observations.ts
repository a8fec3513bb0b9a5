import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportModel } from './model.ts';
import { columnWidths, MUTED, SMALL, TD, TH, tableLayout } from './pdf-styles.ts';
import type { Setter } from './pdf-text.ts';

/** The heading both reports print above the list (tests look for it). */
export const OBSERVATIONS_TITLE = '评审观察项';

/**
 * The items the review judged 观察项, after the decision: not
 * nonconformities (they score as 符合), but what the reviewer asks the
 * organisation to keep watching. Nothing is printed when there are none.
 */
export function observationsPart(set: Setter, model: ReportModel): Content[] {
  const rows = model.observations;
  if (rows.length === 0) return [];
  const widths = columnWidths([18, null, 190]);
  const [, wPrompt = 0, wNote = 0] = widths;
  const th = (text: string): TableCell => ({ text, ...TH });
  const body: TableCell[][] = [[th('序号'), th('题目'), th('评审说明')]];
  rows.forEach((row, i) => {
    body.push([
      { text: String(i + 1), ...TD, color: MUTED },
      set.block(`${row.clause ? `${row.clause} ` : ''}${row.prompt}`, wPrompt, TD),
      row.reviewNote
        ? set.block(row.reviewNote, wNote, TD)
        : { text: '（评审员未作说明）', ...TD, color: MUTED },
    ]);
  });
  return [
    {
      stack: [
        {
          text: `${OBSERVATIONS_TITLE}（${rows.length} 项）`,
          fontSize: 12,
          bold: true,
          margin: [0, 12, 0, 4],
        },
        {
          text: '观察项不属于不符合，按符合计分；评审员提示这些方面需要持续关注，下次评审时会复查。',
          ...SMALL,
          margin: [0, 0, 0, 6],
        },
      ],
      unbreakable: true,
    },
    { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: tableLayout },
  ];
}

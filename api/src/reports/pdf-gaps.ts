import { type Item, textOf, translate } from '@zhiping/forms';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { citationsText } from './citations.ts';
import { formatPoints } from './labels.ts';
import type { ReportModel } from './model.ts';
import {
  columnWidths,
  H1,
  MUTED,
  SMALL,
  STATUS_COLOUR,
  TD,
  TH,
  tableLayout,
} from './pdf-styles.ts';
import type { Setter } from './pdf-text.ts';
import type { ReportInput, ReportOptions } from './types.ts';

export const itemLine = (item: Item | undefined, id: string): string =>
  item ? `${item.clause ? `${item.clause} ` : ''}${textOf(item.prompt)}` : id;

/** Gaps, most expensive first, each with what to do and where the requirement comes from. */
export function gapsPart(
  set: Setter,
  input: ReportInput,
  model: ReportModel,
  options: ReportOptions,
): Content[] {
  const { gaps } = input.result;
  const out: Content[] = [{ text: '四、差距与整改建议', ...H1, pageBreak: 'before' }];
  if (gaps.length === 0) return [...out, { text: '没有失分的题目。' }];
  out.push({
    text: `共 ${gaps.length} 项，按对总分的影响从大到小排列；“失分”为该项达到符合后总分可提高的分数。`,
    color: MUTED,
    margin: [0, 0, 0, 6],
  });
  const widths = columnWidths([18, null, 28, 150, 104]);
  const [, wPrompt = 0, , wRec = 0, wCite = 0] = widths;
  const th = (text: string): TableCell => ({ text, ...TH });
  const body: TableCell[][] = [[th('序号'), th('题目'), th('失分'), th('整改建议'), th('依据')]];
  gaps.forEach((g, i) => {
    const item = model.items.get(g.item);
    const rec = textOf(item?.recommendation);
    body.push([
      { text: String(i + 1), ...TD, color: MUTED },
      {
        stack: [
          set.block(itemLine(item, g.item), wPrompt, TD),
          {
            text: translate('zh', `itemStatus.${g.status}`),
            ...SMALL,
            bold: true,
            color: STATUS_COLOUR[g.status],
          },
        ],
      },
      { text: formatPoints(g.cost), ...TD, alignment: 'right' },
      rec
        ? set.block(rec, wRec, TD)
        : set.block('（本题没有给出建议，请对照题目要求整改）', wRec, { ...TD, color: MUTED }),
      set.block(citationsText(item?.citations ?? [], options.sources).join('\n'), wCite, SMALL),
    ]);
  });
  out.push({
    table: { headerRows: 1, dontBreakRows: true, widths, body },
    layout: tableLayout,
  });
  return out;
}

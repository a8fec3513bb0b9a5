import { textOf, translate } from '@zhiping/forms';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDateTime, formatPoints } from './labels.ts';
import type { ReportModel } from './model.ts';
import { itemLine } from './pdf-gaps.ts';
import { columnWidths, H1, MUTED, PARA, plainLayout, TD } from './pdf-styles.ts';
import type { Setter } from './pdf-text.ts';
import type { ReportInput } from './types.ts';

// How many fixes stay on the page with the heading; the rest may run on.
const KEEP_WITH_HEADING = 4;

/**
 * What it takes to reach the tier above the verdict. The heading, the
 * summary and the first fixes form one unbreakable block (pdfmake cannot
 * split such a block across pages, so it is kept short); the remaining
 * fixes follow in a table of the same columns.
 */
export function nextPart(set: Setter, input: ReportInput, model: ReportModel): Content[] {
  const { next, gates } = input.result;
  if (!next)
    return [
      {
        stack: [{ text: '五、下一档', ...H1 }, { text: '已达到本评估的最高一档。' }],
        unbreakable: true,
      },
    ];
  const head: Content[] = [{ text: `五、下一档：${textOf(next.label)}`, ...H1 }];
  head.push({
    text:
      next.scoreGap > 0
        ? `该档要求总分不低于 ${formatPoints(next.minScore)}，目前还差 ${formatPoints(next.scoreGap)} 分。`
        : `总分已达到该档要求（不低于 ${formatPoints(next.minScore)}）。`,
    ...PARA,
  });
  if (!next.reachable)
    head.push({
      text: '即使全部题目都达到“符合”，总分仍达不到该档的分数线。',
      color: '#c62828',
      ...PARA,
    });

  const widths = columnWidths([16, null, 52]);
  const rows: TableCell[][] = next.items.map((n, i) => [
    { text: `${i + 1}.`, ...TD, color: MUTED },
    set.block(itemLine(model.items.get(n.item), n.item), widths[1] ?? 0, TD),
    { text: `+${formatPoints(n.gain)} 分`, ...TD, alignment: 'right', noWrap: true },
  ]);
  const table = (body: TableCell[][]): Content => ({
    table: { widths, dontBreakRows: true, body },
    layout: plainLayout,
  });
  if (rows.length > 0) {
    head.push({
      text: `最少需要整改以下 ${rows.length} 项（右侧为该项达到符合后可提高的总分）：`,
      ...PARA,
    });
    head.push(table(rows.slice(0, KEEP_WITH_HEADING)));
  }
  const out: Content[] = [{ stack: head, unbreakable: true }];
  if (rows.length > KEEP_WITH_HEADING) out.push(table(rows.slice(KEEP_WITH_HEADING)));

  if (next.gates.length > 0) {
    out.push({ text: '还须通过以下门槛：', margin: [0, 6, 0, 4] });
    out.push({
      ul: next.gates.map((id) => {
        const g = gates.find((x) => x.id === id);
        if (!g) return id;
        return `${textOf(g.title)}${g.message ? `：${textOf(g.message)}` : ''}`;
      }),
      margin: [0, 0, 0, 6],
    });
  }
  for (const id of next.conditions) {
    const t = input.definition.tiers.find((x) => x.id === id);
    const what = t
      ? `「${textOf(t.label)}」${t.description ? `：${textOf(t.description)}` : ''}`
      : id;
    out.push({ text: `还须满足${what}的附加条件。`, ...PARA });
  }
  return out;
}

/** The reviewer's decision, or a plain statement that there is none yet. */
export function decisionPart(input: ReportInput): Content[] {
  const d = input.decision;
  const heading = { text: '六、评审决定', ...H1 };
  if (!d)
    return [{ stack: [heading, { text: '尚无评审决定。', color: MUTED }], unbreakable: true }];
  const rows: [string, string][] = [
    ['决定', translate('zh', `decision.${d.outcome}`)],
    ['评审人', d.reviewer],
    ['时间', formatDateTime(d.at, input.timeZone)],
    ['意见', d.comment.trim() || '（无）'],
  ];
  const outcomeColour = d.outcome === 'approve' ? '#2e7d32' : '#c62828';
  const body: TableCell[][] = rows.map(([k, v]) => [
    { text: k, color: MUTED },
    k === '决定' ? { text: v, bold: true, color: outcomeColour } : { text: v },
  ]);
  // A long comment could outgrow a page, which an unbreakable block cannot: keep only the heading with the first rows.
  return [
    {
      stack: [
        heading,
        { table: { widths: [60, '*'], body: body.slice(0, 3) }, layout: plainLayout },
      ],
      unbreakable: true,
    },
    { table: { widths: [60, '*'], body: body.slice(3) }, layout: plainLayout },
  ];
}

import { AUDITOR_LABEL, type Item } from '@zhiping/forms';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { citationsText } from './citations.ts';
import { DECISION_LABEL, formatDateTime, formatPoints, zhText } from './labels.ts';
import type { ReportModel } from './model.ts';
import { MUTED, plainLayout, STATUS_COLOUR, tableLayout } from './pdf-styles.ts';
import type { ReportInput, ReportOptions } from './types.ts';

const itemLine = (item: Item | undefined, id: string): string =>
  item ? `${item.clause ? `${item.clause} ` : ''}${zhText(item.prompt)}` : id;

/** Gaps, most expensive first, each with what to do and where the requirement comes from. */
export function gapsPart(
  input: ReportInput,
  model: ReportModel,
  options: ReportOptions,
): Content[] {
  const { gaps } = input.result;
  const out: Content[] = [{ text: '四、差距与整改建议', style: 'h1', pageBreak: 'before' }];
  if (gaps.length === 0) return [...out, { text: '没有失分的题目。' }];
  out.push({
    text: `共 ${gaps.length} 项，按对总分的影响从大到小排列；“失分”为该项达到符合后总分可提高的分数。`,
    color: MUTED,
    margin: [0, 0, 0, 6],
  });
  const th = (text: string): TableCell => ({ text, style: 'th' });
  const body: TableCell[][] = [[th('序号'), th('题目'), th('失分'), th('整改建议'), th('依据')]];
  gaps.forEach((g, i) => {
    const rec = zhText(g.recommendation);
    body.push([
      { text: String(i + 1), style: 'td', color: MUTED },
      {
        stack: [
          { text: itemLine(model.items.get(g.item), g.item) },
          {
            text: AUDITOR_LABEL[g.status],
            bold: true,
            color: STATUS_COLOUR[g.status],
            fontSize: 8.5,
          },
        ],
        style: 'td',
      },
      { text: formatPoints(g.cost), style: 'td', alignment: 'right' },
      {
        text: rec || '（本题没有给出建议，请对照题目要求整改）',
        style: 'td',
        color: rec ? undefined : MUTED,
      },
      { text: citationsText(g.citations, options.sources).join('\n'), style: 'td', fontSize: 8 },
    ]);
  });
  out.push({
    table: { headerRows: 1, dontBreakRows: true, widths: [22, '*', 30, 160, 110], body },
    layout: tableLayout,
  });
  return out;
}

/** What it takes to reach the tier above the verdict. */
export function nextPart(input: ReportInput, model: ReportModel): Content[] {
  const { next, gates } = input.result;
  if (!next) return [{ text: '五、下一档', style: 'h1' }, { text: '已达到本评估的最高一档。' }];
  const out: Content[] = [{ text: `五、下一档：${zhText(next.label)}`, style: 'h1' }];
  out.push({
    text:
      next.scoreGap > 0
        ? `该档要求总分不低于 ${formatPoints(next.minScore)}，目前还差 ${formatPoints(next.scoreGap)} 分。`
        : `总分已达到该档要求（不低于 ${formatPoints(next.minScore)}）。`,
    style: 'para',
  });
  if (!next.reachable)
    out.push({
      text: '即使全部题目都达到“符合”，总分仍达不到该档的分数线。',
      color: '#c62828',
      style: 'para',
    });
  if (next.items.length > 0) {
    out.push({
      text: `最少需要整改以下 ${next.items.length} 项（括号内为可提高的分数）：`,
      style: 'para',
    });
    out.push({
      ol: next.items.map(
        (n) => `${itemLine(model.items.get(n.item), n.item)}（+${formatPoints(n.gain)}）`,
      ),
      margin: [0, 0, 0, 6],
    });
  }
  if (next.gates.length > 0) {
    out.push({ text: '还须通过以下门槛：', style: 'para' });
    out.push({
      ul: next.gates.map((id) => {
        const g = gates.find((x) => x.id === id);
        if (!g) return id;
        const msg = g.message ? `：${zhText(g.message)}` : '';
        return `${zhText(g.title)}${msg}`;
      }),
      margin: [0, 0, 0, 6],
    });
  }
  for (const id of next.conditions) {
    const t = input.definition.tiers.find((x) => x.id === id);
    const what = t
      ? `「${zhText(t.label)}」${t.description ? `：${zhText(t.description)}` : ''}`
      : id;
    out.push({ text: `还须满足${what}的附加条件。`, style: 'para' });
  }
  return out;
}

/** The reviewer's decision, or a plain statement that there is none yet. */
export function decisionPart(input: ReportInput): Content[] {
  const d = input.decision;
  const out: Content[] = [{ text: '六、审核决定', style: 'h1' }];
  if (!d) return [...out, { text: '尚无审核决定。', color: MUTED }];
  const rows: [string, string][] = [
    ['决定', DECISION_LABEL[d.outcome]],
    ['审核人', d.reviewer],
    ['时间', formatDateTime(d.at)],
    ['意见', d.comment.trim() || '（无）'],
  ];
  out.push({
    table: {
      widths: [60, '*'],
      body: rows.map(([k, v]) => [
        { text: k, color: MUTED },
        {
          text: v,
          bold: k === '决定',
          color: k === '决定' ? (d.outcome === 'approve' ? '#2e7d32' : '#c62828') : undefined,
        },
      ]),
    },
    layout: plainLayout,
  });
  return out;
}

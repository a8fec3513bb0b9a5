import type { SectionResult } from '@zhiping/forms';
import { reasonText, textOf, translate, verdictLabel } from '@zhiping/forms';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { sectionChartSvg } from './chart.ts';
import { citationsText } from './citations.ts';
import { FONT } from './fonts.ts';
import { formatPercent, formatPoints, formatScore } from './labels.ts';
import { sectionHeading } from './model.ts';
import {
  CONTENT_WIDTH,
  GATE_COLOUR,
  H1,
  MUTED,
  SMALL,
  TD,
  TH,
  titledLayout,
  titleRow,
} from './pdf-styles.ts';
import type { ReportInput, ReportOptions } from './types.ts';

const th = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({
  text,
  ...TH,
  alignment,
});

/** The verdict, the reasons the engine gives for it, and every gate's outcome. */
export function verdictPart(input: ReportInput, options: ReportOptions): Content[] {
  const { result } = input;
  const out: Content[] = [
    { text: '一、结论', ...H1 },
    { text: verdictLabel(result), bold: true, fontSize: 13, margin: [0, 0, 0, 4] },
    {
      ul: result.verdict.reasons.map((r) => ({
        text: reasonText(r, { result, definition: input.definition }),
      })),
      margin: [0, 0, 0, 6],
    },
  ];
  if (result.gates.length === 0) return out;
  const body: TableCell[][] = [[th('门槛条件'), th('类型'), th('结果'), th('说明')]];
  for (const g of result.gates) {
    const explain: Content[] = [];
    if (g.outcome !== 'passed' && g.message) explain.push({ text: textOf(g.message) });
    const cites = citationsText(g.citations, options.sources);
    if (cites.length > 0) explain.push({ text: `依据：${cites.join('；')}`, ...SMALL });
    body.push([
      { text: textOf(g.title), ...TD },
      { text: g.kind === 'veto' ? '一票否决' : '资格条件', ...TD, noWrap: true },
      {
        text: translate('zh', `gateOutcome.${g.outcome}`),
        ...TD,
        bold: true,
        color: GATE_COLOUR[g.outcome],
      },
      { stack: explain, ...TD },
    ]);
  }
  out.push({
    table: {
      headerRows: 2,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: [130, 48, 48, '*'],
      body: [titleRow({ text: '门槛' }, 4), ...body],
    },
    layout: titledLayout,
  });
  return out;
}

/** Section rows, sub-sections indented under their parent, visible ones only. */
function sectionRows(
  sections: readonly SectionResult[],
  headings: Map<string, string>,
): TableCell[][] {
  const byParent = new Map<string | null, SectionResult[]>();
  for (const s of sections) {
    if (!s.visible) continue;
    const list = byParent.get(s.parent) ?? [];
    list.push(s);
    byParent.set(s.parent, list);
  }
  const rows: TableCell[][] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const s of byParent.get(parent) ?? []) {
      const top = depth === 0;
      rows.push([
        {
          text: headings.get(s.id) ?? textOf(s.title),
          ...TD,
          bold: top,
          margin: [depth * 12, 0, 0, 0],
        },
        { text: formatPoints(s.weight), ...TD, alignment: 'right' },
        {
          text: s.max > 0 ? `${formatPoints(s.points)} / ${formatPoints(s.max)}` : '不计分',
          ...TD,
          alignment: 'right',
        },
        { text: formatPercent(s.ratio), ...TD, alignment: 'right', bold: top },
      ]);
      walk(s.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** Total, progress, the chart of top-level ratios and the table of every section. */
export function scorePart(input: ReportInput, headings: Map<string, string>): Content[] {
  const { result, selfResult } = input;
  const lines: Content[] = [
    {
      text: [
        { text: '总分 ' },
        { text: formatScore(result.total.score), bold: true, fontSize: 16 },
        { text: ' / 100', color: MUTED },
      ],
    },
  ];
  if (selfResult && selfResult.total.score !== result.total.score)
    lines.push({
      text: `自评总分 ${formatScore(selfResult.total.score)}，评审后为 ${formatScore(result.total.score)}。`,
    });
  const p = result.progress;
  lines.push({
    text: `已作答 ${p.answered} / ${p.applicable} 个适用题目${p.requiredMissing.length > 0 ? `，另有 ${p.requiredMissing.length} 个必答题未作答` : ''}。`,
    color: MUTED,
  });

  const bars = result.sections
    .filter((s) => s.parent === null && s.visible && s.ratio !== null)
    .map((s) => ({ label: headings.get(s.id) ?? textOf(s.title), ratio: s.ratio ?? 0 }));
  const chart: Content[] =
    bars.length > 0
      ? [
          {
            svg: sectionChartSvg(bars, CONTENT_WIDTH),
            width: CONTENT_WIDTH,
            font: FONT,
            margin: [0, 10, 0, 4],
          },
        ]
      : [];
  return [
    // Bounded (at most a chart of the top-level sections), so safe to keep in one piece.
    { stack: [{ text: '二、得分', ...H1 }, ...lines, ...chart], unbreakable: true },
    {
      table: {
        headerRows: 2,
        keepWithHeaderRows: 1,
        widths: ['*', 40, 80, 60],
        body: [
          titleRow({ text: '各部分得分' }, 4),
          [th('部分'), th('权重', 'right'), th('得分 / 满分', 'right'), th('得分率', 'right')],
          ...sectionRows(result.sections, headings),
        ],
      },
      layout: titledLayout,
    },
    {
      text: '得分率为该部分已得分占其适用题目满分的比例；上级部分按下级部分的权重加权，总分同理按顶层部分加权后乘以 100。',
      ...SMALL,
      margin: [0, 4, 0, 0],
    },
  ];
}

/** "4.1 总体要求"-style headings for every section id of the definition. */
export function headingsOf(input: ReportInput): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (ss: ReportInput['definition']['sections']) => {
    for (const s of ss) {
      m.set(s.id, sectionHeading(s));
      walk(s.sections);
    }
  };
  walk(input.definition.sections);
  return m;
}

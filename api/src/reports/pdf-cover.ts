import { formatDate, refOf, textOf, translate, verdictLabel } from '@zhiping/forms';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDateTime, formatScore, sealText } from './labels.ts';
import { CONTENT_WIDTH, MUTED, plainLayout, SMALL, SUBTITLE, TITLE } from './pdf-styles.ts';
import type { ReportInput } from './types.ts';

export const REPORT_TITLE = '知识产权自评报告';

const verdictColour = (input: ReportInput): string => {
  const { tier } = input.result.verdict;
  const tiers = input.definition.tiers;
  if (tier === null || tier === tiers[0]?.id) return '#c62828';
  return tier === tiers[tiers.length - 1]?.id ? '#2e7d32' : '#b26a00';
};

/** Page 1: who, what, when, which state — and the verdict at a glance. */
export function cover(input: ReportInput): Content[] {
  const { assessment: a, definition: d, result } = input;
  const org = a.organisation.region
    ? `${a.organisation.name}（${a.organisation.region}）`
    : a.organisation.name;
  const facts: [string, string][] = [
    ['受评单位', org],
    ['评估事项', a.title],
    ['评估标准', textOf(d.title)],
    ['定义版本', refOf(d)],
    ['评估基准日', formatDate(a.asOf)],
    ['状态', translate('zh', `assessmentStatus.${a.status}`)],
    ['提交时间', a.submittedAt ? formatDateTime(a.submittedAt, input.timeZone) : '尚未提交'],
    ['报告生成时间', formatDateTime(input.generatedAt, input.timeZone)],
    ['封存', sealText(a.submissionHash, a.status)],
  ];
  const body: TableCell[][] = facts.map(([k, v]) => [
    { text: k, color: MUTED, noWrap: true },
    // The 64-digit seal needs the smaller size to stay on one line.
    { text: v, fontSize: k === '封存' && a.submissionHash ? 8.5 : 11 },
  ]);
  const colour = verdictColour(input);
  return [
    { text: REPORT_TITLE, ...TITLE, margin: [0, 60, 0, 6] },
    { text: textOf(d.title), ...SUBTITLE, margin: [0, 0, 0, 4] },
    {
      canvas: [
        {
          type: 'line',
          x1: 0,
          y1: 0,
          x2: CONTENT_WIDTH,
          y2: 0,
          lineWidth: 1.5,
          lineColor: '#1f2937',
        },
      ],
      margin: [0, 10, 0, 18],
    },
    { table: { widths: [80, '*'], body }, layout: plainLayout },
    {
      table: {
        widths: ['*', 150],
        body: [
          [
            {
              stack: [
                { text: '结论', color: MUTED, fontSize: 10 },
                { text: verdictLabel(result), bold: true, fontSize: 18, color: colour },
              ],
            },
            {
              stack: [
                { text: '总分（满分 100）', color: MUTED, fontSize: 10, alignment: 'right' },
                {
                  text: formatScore(result.total.score),
                  bold: true,
                  fontSize: 22,
                  alignment: 'right',
                },
              ],
            },
          ],
        ],
      },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: (i) => (i === 0 ? 3 : 0),
        vLineColor: () => colour,
        fillColor: () => '#f6f7f9',
        paddingLeft: () => 12,
        paddingRight: () => 12,
        paddingTop: () => 10,
        paddingBottom: () => 10,
      },
      margin: [0, 28, 0, 0],
    },
    {
      text:
        '本报告由知评根据自评答案、评分规则和评审意见生成。题目与建议为本工具的表述，不是标准或政策文件的原文；' +
        '标注“待确认”的条款号、标题或要求尚未与原始文本核对。',
      ...SMALL,
      margin: [0, 24, 0, 0],
      pageBreak: 'after',
    },
  ];
}

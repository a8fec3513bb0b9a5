import { Definition } from '../schema/definition.ts';

/** A three-level scale (none / partly / fully) shared by the test definitions. */
export const threeLevels = [
  { value: 0, label: '无', fraction: 0 },
  { value: 1, label: '部分', fraction: 0.5 },
  { value: 2, label: '完全', fraction: 1 },
];

/**
 * A small definition whose scores are easy to work out by hand:
 * section a (weight 2: 20 points), section b (weight 1) split into b1 and b2
 * (10 points each, equal weight), and a production section shown only to
 * manufacturers. Tiers: base → mid (≥ 50, no penalty) → top (≥ 80, running > 3 months).
 */
export const fixture: Definition = Definition.parse({
  id: 'fixture',
  version: '1.0.0',
  family: 'gbt29490',
  title: '测试问卷',
  audience: ['enterprise'],
  sources: ['gbt29490-2023'],
  scales: { maturity: threeLevels },
  sections: [
    {
      id: 'profile',
      title: '概况',
      items: [
        { id: 'p.make', kind: 'yesno', prompt: '是否有生产环节？' },
        { id: 'p.started', kind: 'date', prompt: '体系开始运行的日期' },
        { id: 'p.penalty', kind: 'yesno', prompt: '运行期间是否受过行政处罚？' },
      ],
    },
    {
      id: 'a',
      title: '甲',
      weight: 2,
      items: [
        {
          id: 'a.policy',
          kind: 'yesno',
          points: 10,
          prompt: '有书面方针吗？',
          recommendation: '制定并发布方针',
        },
        {
          id: 'a.budget',
          kind: 'single',
          prompt: '预算情况？',
          recommendation: '编制年度预算',
          options: [
            { id: 'none', label: '无', points: 0 },
            { id: 'some', label: '部分', points: 5 },
            { id: 'full', label: '充足', points: 10 },
          ],
        },
      ],
    },
    {
      id: 'b',
      title: '乙',
      weight: 1,
      sections: [
        {
          id: 'b1',
          title: '乙一',
          items: [
            {
              id: 'b1.staff',
              kind: 'number',
              prompt: '专职人员数',
              scoring: {
                type: 'bands',
                bands: [
                  { max: 1, points: 0 },
                  { min: 1, max: 3, points: 5 },
                  { min: 3, points: 10 },
                ],
              },
            },
          ],
        },
        {
          id: 'b2',
          title: '乙二',
          items: [
            {
              id: 'b2.records',
              kind: 'scale',
              scale: 'maturity',
              points: 10,
              prompt: '记录保存情况',
              allowNotApplicable: true,
            },
          ],
        },
      ],
    },
    {
      id: 'prod',
      title: '生产',
      visibleWhen: { op: 'eq', ref: 'p.make', value: true },
      items: [
        { id: 'prod.check', kind: 'yesno', points: 10, prompt: '生产环节有知识产权检查吗？' },
      ],
    },
  ],
  derived: [
    {
      id: 'd.months',
      label: '运行月数',
      unit: '月',
      expr: { op: 'monthsSince', ref: 'p.started' },
    },
  ],
  gates: [
    {
      id: 'g.running',
      title: '体系运行满3个月',
      condition: { op: 'gt', ref: 'd.months', value: 3 },
      failMessage: '体系运行未满3个月',
    },
    {
      id: 'g.no-penalty',
      kind: 'veto',
      title: '无行政处罚',
      condition: { op: 'eq', ref: 'p.penalty', value: false },
      failMessage: '运行期间受过行政处罚',
    },
  ],
  tiers: [
    { id: 'base', label: '尚未就绪' },
    { id: 'mid', label: '基本就绪', minScore: 50, gates: ['g.no-penalty'] },
    { id: 'top', label: '可以申请', minScore: 80, gates: ['g.running'] },
  ],
});

/** Answers meeting everything, for a manufacturer whose system started 2026-01-01. */
export const allMet = {
  'p.make': true,
  'p.started': '2026-01-01',
  'p.penalty': false,
  'a.policy': true,
  'a.budget': 'full',
  'b1.staff': 5,
  'b2.records': 2,
  'prod.check': true,
};

/**
 * A non-manufacturer meeting part of it: prod is hidden; a = (0 + 5) / 20 = 0.25;
 * b1 = 5/10 and b2 = 0.5·10/10, so b = 0.5; total = (2·0.25 + 1·0.5) / 3 = 1/3.
 */
export const partlyMet = {
  ...allMet,
  'p.make': false,
  'a.policy': false,
  'a.budget': 'some',
  'b1.staff': 2,
  'b2.records': 1,
};

import { Definition } from '../schema/definition.ts';

/**
 * One item of every kind, with an answer for each and the words it must
 * read as. The presentation test checks `answerText` against these; the
 * cross-package test checks that the review console, the results page, the
 * PDF and the workbook print the same words.
 */
export const allKinds = Definition.parse({
  id: 'all-kinds',
  version: '1.0.0',
  family: 'gbt29490',
  title: { zh: '全部题型', en: 'Every item kind' },
  audience: ['enterprise'],
  scales: {
    maturity: [
      { value: 0, label: { zh: '未建立', en: 'Not in place' }, fraction: 0 },
      { value: 1, label: { zh: '已建立', en: 'Established' }, fraction: 0.5 },
      { value: 2, label: { zh: '已实施', en: 'Implemented' }, fraction: 1 },
    ],
  },
  sections: [
    {
      id: 'k',
      title: '题型',
      items: [
        { id: 'k.yesno', kind: 'yesno', points: 2, prompt: '有知识产权方针吗？' },
        {
          id: 'k.single',
          kind: 'single',
          prompt: '预算',
          options: [
            { id: 'none', label: { zh: '无', en: 'None' }, points: 0 },
            { id: 'full', label: { zh: '充足', en: 'Sufficient' }, points: 2 },
          ],
        },
        {
          id: 'k.multi',
          kind: 'multi',
          prompt: '已建立的制度',
          options: [
            { id: 'a', label: { zh: '档案', en: 'Records' }, points: 1 },
            { id: 'b', label: { zh: '培训', en: 'Training' }, points: 1 },
          ],
        },
        { id: 'k.scale', kind: 'scale', scale: 'maturity', points: 2, prompt: '成熟度' },
        {
          id: 'k.number',
          kind: 'number',
          prompt: '研发投入',
          unit: '万元',
          period: '2025年',
          scoring: {
            type: 'bands',
            bands: [
              { max: 100, points: 0 },
              { min: 100, points: 2 },
            ],
          },
        },
        {
          id: 'k.ratio',
          kind: 'number',
          prompt: '占比',
          unit: '比率',
          scoring: {
            type: 'bands',
            bands: [
              { max: 0.02, points: 0 },
              { min: 0.02, points: 2 },
            ],
          },
        },
        { id: 'k.date', kind: 'date', prompt: '开始运行日期' },
        { id: 'k.text', kind: 'text', prompt: '说明' },
        { id: 'k.evidence', kind: 'evidence', points: 2, prompt: '证据' },
        {
          id: 'k.na',
          kind: 'yesno',
          points: 2,
          prompt: '有生产环节吗？',
          allowNotApplicable: true,
        },
        { id: 'k.computed', kind: 'computed', value: 'd.share', unit: '比率', prompt: '计算占比' },
      ],
    },
  ],
  tiers: [{ id: 'base', label: '起步' }],
  derived: [{ id: 'd.share', label: '占比', unit: '比率', expr: { ref: 'k.ratio' } }],
});

export const allKindsAnswers = {
  'k.yesno': true,
  'k.single': 'full',
  'k.multi': ['a', 'b'],
  'k.scale': 2,
  'k.number': 4235.5,
  'k.ratio': 0.025,
  'k.date': '2020-05-11',
  'k.text': '按年度执行',
  'k.evidence': { files: [{ id: 'f1', name: '制度.pdf' }], ref: '手册第3章', note: '已盖章' },
  'k.na': { notApplicable: true, reason: '无生产环节' },
};

/** How each answer reads, in both languages (computed: from the derived value). */
export const allKindsText: Record<string, { zh: string; en: string }> = {
  'k.yesno': { zh: '是', en: 'Yes' },
  'k.single': { zh: '充足', en: 'Sufficient' },
  'k.multi': { zh: '档案、培训', en: 'Records, Training' },
  'k.scale': { zh: '已实施（2 级）', en: 'Implemented (level 2)' },
  'k.number': { zh: '4,235.5 万元（2025年）', en: '4,235.5 万元 (2025年)' },
  'k.ratio': { zh: '2.5%', en: '2.5%' },
  'k.date': { zh: '2020年5月11日', en: '11 May 2020' },
  'k.text': { zh: '按年度执行', en: '按年度执行' },
  'k.evidence': {
    zh: '文件：制度.pdf\n出处：手册第3章\n说明：已盖章',
    en: 'Files: 制度.pdf\nSource: 手册第3章\nNote: 已盖章',
  },
  'k.na': { zh: '不适用：无生产环节', en: 'Not applicable: 无生产环节' },
  'k.computed': { zh: '计算值：2.5%', en: 'Computed: 2.5%' },
};

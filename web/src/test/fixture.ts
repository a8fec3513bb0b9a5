import { compile, Definition, score } from '@zhiping/forms';
import type { AssessmentDetail } from '../api/types.ts';

/**
 * A small definition exercising what the questionnaire must handle: an
 * answer that hides items, a bounded number, a scale, not-applicable,
 * evidence, an unverified criterion, citations, and two steps.
 */
export const definition: Definition = Definition.parse({
  id: 'web-fixture',
  version: '1.0.0',
  family: 'gbt29490',
  title: '网页测试问卷',
  audience: ['enterprise'],
  scales: {
    maturity: [
      { value: 0, label: '未建立', fraction: 0 },
      { value: 1, label: '运行有记录', fraction: 0.5, description: '有记录但不全' },
      { value: 2, label: '持续改进', fraction: 1 },
    ],
  },
  sections: [
    {
      id: 'profile',
      title: '企业概况',
      items: [
        {
          id: 'p.make',
          kind: 'yesno',
          prompt: '是否有生产环节？',
          help: '选“否”时，生产相关的题目不再出现。',
        },
        {
          id: 'p.plant',
          kind: 'text',
          prompt: '生产基地在哪里？',
          visibleWhen: { op: 'eq', ref: 'p.make', value: true },
        },
        {
          id: 'p.staff',
          kind: 'number',
          prompt: '知识产权专职人员数',
          unit: '人',
          max: 100,
          integer: true,
        },
      ],
    },
    {
      id: 'mgmt',
      title: '管理',
      items: [
        {
          id: 'm.policy',
          kind: 'yesno',
          points: 10,
          prompt: '是否发布了书面的知识产权方针？',
          evidenceHint: '签批的方针文件',
          unverified: true,
          citations: [{ standard: 'gbt29490-2023', clause: '5.2', title: '知识产权方针' }],
        },
        {
          id: 'm.records',
          kind: 'scale',
          scale: 'maturity',
          points: 10,
          prompt: '记录保存情况',
          allowNotApplicable: true,
        },
        {
          id: 'm.production',
          kind: 'yesno',
          points: 10,
          prompt: '生产环节是否做知识产权检查？',
          visibleWhen: { op: 'eq', ref: 'p.make', value: true },
        },
        { id: 'm.proof', kind: 'evidence', points: 5, prompt: '上传方针发布记录', required: false },
      ],
    },
  ],
  tiers: [
    { id: 'no', label: '尚未就绪' },
    { id: 'yes', label: '基本就绪', minScore: 60 },
  ],
});

/** An assessment of the fixture, its result scored by the engine from its answers. */
export function detail(over: Partial<AssessmentDetail> = {}): AssessmentDetail {
  const answers = over.answers ?? {};
  const asOf = over.asOf ?? '2026-11-21';
  return {
    id: 'a1',
    title: '测试自评',
    status: 'draft',
    revision: 3,
    round: 0,
    definition: {
      id: 'web-fixture',
      version: '1.0.0',
      ref: 'web-fixture@1.0.0',
      title: '网页测试问卷',
    },
    organisation: { id: 'o1', name: '测试企业' },
    asOf: '2026-11-21',
    score: 0,
    verdict: '尚未就绪',
    progress: { answered: 0, applicable: 6 },
    submittedAt: null,
    updatedAt: '2026-11-21T08:00:00.000Z',
    definitionHash: 'h',
    answers: {},
    position: null,
    result: score(compile(definition), answers, { asOf }),
    reviewedResult: null,
    reviewed: null,
    submissionHash: null,
    reviewers: [],
    reviews: [],
    decision: null,
    can: { edit: true, submit: true, assign: false, judge: false, decide: false, reopen: false },
    ...over,
  };
}

import { type ReviewStep, translate } from '@zhiping/forms';
import type { DomainErrorParams } from '../domain/errors.ts';
import { Problem } from './problem.ts';

/* The review's refusals as problems (issue 13): status, type and words a person can act on. */

type ReviewCode =
  | 'conflict_of_interest'
  | 'unjudged_items'
  | 'already_decided'
  | 'review_finished'
  | 'reviews_unfinished'
  | 'not_lead'
  | 'step_wrong_state'
  | 'nothing_to_reply';

const OUTCOME = { approve: '通过', return: '退回' } as const;
const STEP: Record<ReviewStep, string> = {
  finish: '完成评审',
  settle: '裁定分歧',
  reply: '回复评审意见',
};

export const REVIEW_PROBLEMS: { [C in ReviewCode]: (p: DomainErrorParams[C]) => Problem } = {
  conflict_of_interest: ({ organisation }) =>
    new Problem(
      422,
      'conflict-of-interest',
      '评审员与被评机构存在利益冲突',
      `该评审员属于被评机构（${organisation}），不能评审本机构的自评。请改派其他机构的评审员。`,
      {
        errors: [
          { path: 'reviewerId', message: '评审员不能来自被评机构', code: 'conflict_of_interest' },
        ],
      },
    ),
  unjudged_items: ({ items }) =>
    new Problem(
      422,
      'unjudged-items',
      '还有题目未评审',
      `还有 ${items.length} 项未评审（含答案已修改、待复核的题目）。请逐项评审，或选择“其余各项均同意”后再通过。`,
      {
        unjudged: items.length,
        errors: items.map((i) => ({ path: i, message: '未评审或待复核', code: 'review.unjudged' })),
      },
    ),
  already_decided: ({ decision }) =>
    new Problem(
      409,
      'already-decided',
      '本轮已有其他决定',
      `本轮评审已作出“${OUTCOME[decision]}”的决定，您的决定未生效。请刷新后查看。`,
      { decision },
    ),
  review_finished: () =>
    new Problem(
      409,
      'review-finished',
      '您已完成本轮评审',
      '您已标记本轮评审完成，评审意见已锁定。如需改动，请联系主审评审员。',
    ),
  reviews_unfinished: ({ reviewers }) =>
    new Problem(
      409,
      'reviews-unfinished',
      '其他评审员尚未完成',
      `须等 ${reviewers.join('、')} 完成独立评审后，主审才能裁定分歧。`,
    ),
  not_lead: () =>
    new Problem(
      403,
      'not-lead',
      '只有主审评审员可以执行此操作',
      '多位评审员时，由主审评审员汇总分歧、逐项裁定并作出决定；您可以完成自己的独立评审。',
    ),
  step_wrong_state: ({ assessmentStatus, step }) =>
    new Problem(
      409,
      'wrong-state',
      '当前状态下不能执行此操作',
      `评估当前为“${translate('zh', `assessmentStatus.${assessmentStatus}`)}”，不能${STEP[step]}。`,
      { assessmentStatus },
    ),
  nothing_to_reply: ({ item }) =>
    new Problem(422, 'unprocessable', '内容未通过校验', '评审员未对该题提出意见，无需回复。', {
      errors: [{ path: 'item', message: `题目 ${item} 没有评审意见`, params: { item } }],
    }),
};

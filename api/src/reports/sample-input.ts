import { contentHash, type ItemOverride, score } from '@zhiping/forms';
import { loadBuiltins, loadSample } from '@zhiping/forms/node';
import type { ReportInput, ReportReview } from './types.ts';

/**
 * A report input built from a seed sample (seeds/samples/<file>), for the
 * tests, the benchmark and looking at a report by eye. The routes build
 * theirs from the database instead.
 *
 * `reviewed` adds what a review leaves behind: one agreeing and one
 * overriding judgement (the first met item marked down to 一般不符合), the
 * reviewed and self-assessed results, and an approving decision.
 *
 * @example const input = sampleInput('gbt29490-2013/lapsed-gaps.json', { reviewed: true });
 */
export function sampleInput(file: string, opts: { reviewed?: boolean } = {}): ReportInput {
  const sample = loadSample(file);
  const definition = loadBuiltins().get(sample.definition);
  const self = score(definition, sample.answers, { asOf: sample.asOf });
  const base: ReportInput = {
    assessment: {
      id: sample.id,
      title: sample.title,
      status: 'submitted',
      organisation: { name: sample.organisation.name, region: sample.organisation.region },
      asOf: sample.asOf,
      submittedAt: `${sample.asOf}T02:30:00.000Z`,
      submissionHash: contentHash({ definition: sample.definition, answers: sample.answers }),
    },
    definition,
    answers: sample.answers,
    result: self,
    reviews: [],
    decision: null,
    generatedAt: `${sample.asOf}T08:05:00.000Z`,
  };
  if (!opts.reviewed) return base;

  const scored = self.items.filter((i) => i.visible && i.max > 0);
  const met = scored.find((i) => i.status === 'met');
  const other = scored.find((i) => i !== met && i.status !== 'unanswered');
  const reviews: ReportReview[] = [];
  const overrides: Record<string, ItemOverride> = {};
  if (met) {
    const points = met.max / 2;
    overrides[met.id] = { status: 'partial', points };
    reviews.push({
      item: met.id,
      verdict: 'override',
      status: 'partial',
      points,
      reason: '记录只覆盖上半年，下半年的运行记录缺失。',
      comment: '请补充下半年的记录后重新提交。',
      reviewer: '王评审',
      at: `${sample.asOf}T06:00:00.000Z`,
    });
  }
  if (other)
    reviews.push({
      item: other.id,
      verdict: 'agree',
      comment: '证据充分。',
      reviewer: '王评审',
      at: `${sample.asOf}T06:10:00.000Z`,
    });
  return {
    ...base,
    assessment: { ...base.assessment, status: 'decided' },
    result: score(definition, sample.answers, { asOf: sample.asOf, overrides }),
    selfResult: self,
    reviews,
    decision: {
      outcome: 'approve',
      comment: '同意提交认证申请，请按评审意见补齐记录。',
      reviewer: '王评审',
      at: `${sample.asOf}T07:00:00.000Z`,
    },
  };
}

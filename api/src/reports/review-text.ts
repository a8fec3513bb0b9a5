import { translate } from '@zhiping/forms';
import { formatPoints } from './labels.ts';
import type { ReportReview } from './types.ts';

/** The latest judgement per item: a reviewer may revise one, and the last one counts. */
export function latestReviews(reviews: readonly ReportReview[]): Map<string, ReportReview> {
  const latest = new Map<string, ReportReview>();
  for (const r of reviews) {
    const prev = latest.get(r.item);
    // ISO timestamps of one service compare correctly as strings.
    if (!prev || r.at >= prev.at) latest.set(r.item, r);
  }
  return latest;
}

/** A reviewer's judgement in words, e.g. "改判：一般不符合（2 分）\n理由：…\n—— 王评审". */
export function reviewText(r: ReportReview): string {
  const lines: string[] = [];
  if (r.verdict === 'agree') lines.push(`${translate('zh', 'reviewVerdict.agree')}自评`);
  else {
    const override = translate('zh', 'reviewVerdict.override');
    const status = r.status ? translate('zh', `itemStatus.${r.status}`) : override;
    const pts = r.points === undefined ? '' : `（${formatPoints(r.points)} 分）`;
    lines.push(`${override}：${status}${pts}`);
    if (r.reason?.trim()) lines.push(`理由：${r.reason.trim()}`);
  }
  if (r.comment?.trim()) lines.push(`意见：${r.comment.trim()}`);
  lines.push(`—— ${r.reviewer}`);
  return lines.join('\n');
}

/** A judgement's reason and comment only, e.g. "理由：…\n意见：…" ('' when it has neither). */
export function reviewNote(r: ReportReview): string {
  const lines: string[] = [];
  if (r.verdict === 'override' && r.reason?.trim()) lines.push(`理由：${r.reason.trim()}`);
  if (r.comment?.trim()) lines.push(`意见：${r.comment.trim()}`);
  return lines.join('\n');
}

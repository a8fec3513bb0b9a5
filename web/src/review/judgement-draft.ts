import type { JudgedStatus, ReviewVerdict } from '@zhiping/forms';
import type { Judgement, JudgementBody } from './types.ts';

/** What the reviewer has chosen and typed for one item, before it is a valid body. */
export interface JudgementDraft {
  /** null: nothing chosen yet — no verdict is preselected, so silence is never agreement. */
  verdict: ReviewVerdict | null;
  status: JudgedStatus | null;
  points: number | null;
  reason: string;
  comment: string;
}

export const draftOf = (j: Judgement | null): JudgementDraft => ({
  verdict: j?.verdict ?? null,
  status: j?.status ?? null,
  points: j?.points ?? null,
  reason: j?.reason ?? '',
  comment: j?.comment ?? '',
});

/** What an override still lacks before it can be recorded (the API's own rules). */
export type Missing = 'status' | 'points' | 'reason';

export function missingOf(d: JudgementDraft): Missing[] {
  if (d.verdict !== 'override') return [];
  const missing: Missing[] = [];
  if (d.status === null) missing.push('status');
  if (d.status === 'partial' && d.points === null) missing.push('points');
  if (!d.reason.trim()) missing.push('reason');
  return missing;
}

/**
 * The body to record, or null while there is nothing valid to record:
 * agreeing records at once; an override once it has a status, a reason and
 * (for a partial) points.
 *
 * @example bodyOf({ verdict: 'agree', status: null, points: null, reason: '', comment: '' }) // { verdict: 'agree' }
 */
export function bodyOf(d: JudgementDraft): JudgementBody | null {
  if (d.verdict === null || missingOf(d).length > 0) return null;
  const body: JudgementBody = { verdict: d.verdict };
  if (d.verdict === 'override' && d.status !== null) {
    body.status = d.status;
    if (d.status === 'partial' && d.points !== null) body.points = d.points;
    body.reason = d.reason.trim();
  }
  if (d.comment.trim()) body.comment = d.comment.trim();
  return body;
}

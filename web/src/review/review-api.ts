import type { DecisionOutcome } from '@zhiping/forms';
import { request } from '../api/client.ts';
import type { AssessmentDetail } from '../api/types.ts';
import type {
  AssessmentAgreement,
  DecisionPreview,
  Judgement,
  JudgementBody,
  QueueRow,
  ReviewConsole,
  ReviewerAgreement,
  Round,
} from './types.ts';

const enc = encodeURIComponent;
const base = (id: string) => `/assessments/${enc(id)}`;

/** The review's endpoints (kept beside the pages that use them, so the shared `api` stays small). */
export const reviewApi = {
  console: (id: string) => request<ReviewConsole>('GET', `${base(id)}/review`),
  judge: (id: string, item: string, body: JudgementBody) =>
    request<Judgement>('PUT', `${base(id)}/reviews/${enc(item)}`, body),
  agreeAll: (id: string, items: string[]) =>
    request<{ saved: number }>('POST', `${base(id)}/reviews/agree`, { items }),
  finish: (id: string) => request<ReviewConsole>('POST', `${base(id)}/review/finish`),
  settle: (id: string, item: string, body: JudgementBody) =>
    request<Judgement>('PUT', `${base(id)}/settlements/${enc(item)}`, body),
  preview: (id: string, outcome: DecisionOutcome, agreeRest: boolean) =>
    request<DecisionPreview>(
      'GET',
      `${base(id)}/decision/preview?outcome=${outcome}&agreeRest=${agreeRest}`,
    ),
  decide: (id: string, body: { outcome: DecisionOutcome; comment: string; agreeRest: boolean }) =>
    request<AssessmentDetail>('POST', `${base(id)}/decision`, body),
  reply: (id: string, item: string, text: string) =>
    request<unknown>('PUT', `${base(id)}/replies/${enc(item)}`, { text }),
  rounds: (id: string) => request<Round[]>('GET', `${base(id)}/rounds`),
  queue: (status?: 'pending' | 'returned' | 'decided') =>
    request<QueueRow[]>('GET', `/review/queue${status ? `?status=${status}` : ''}`),
  agreement: (id: string) => request<AssessmentAgreement>('GET', `${base(id)}/agreement`),
  reviewerAgreement: (reviewerId: string) =>
    request<ReviewerAgreement>('GET', `/reviewers/${enc(reviewerId)}/agreement`),
};

export const reviewKeys = {
  console: (id: string) => ['review', 'console', id] as const,
  preview: (id: string, outcome: DecisionOutcome, agreeRest: boolean) =>
    ['review', 'preview', id, outcome, agreeRest] as const,
  rounds: (id: string) => ['review', 'rounds', id] as const,
  queue: (status: string) => ['queue', status] as const,
  agreement: (id: string) => ['review', 'agreement', id] as const,
  reviewer: (id: string) => ['review', 'reviewer', id] as const,
};

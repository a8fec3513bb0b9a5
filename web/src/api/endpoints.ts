import type { Answers, DecisionOutcome, Family, ScoreResult } from '@zhiping/forms';
import { request } from './client.ts';
import type {
  AssessmentDetail,
  AssessmentPage,
  AssessmentSummary,
  AuditEntry,
  DefinitionDetail,
  DefinitionSummary,
  ItemReview,
  ItemReviewBody,
  Organisation,
  Saved,
  User,
} from './types.ts';
import { type OnProgress, uploadWithProgress } from './upload-progress.ts';

const enc = encodeURIComponent;

/** The API as plain functions: the pages reach it through TanStack Query, tests stub it. */
export const api = {
  login: (email: string, password: string) =>
    request<User>('POST', '/auth/login', { email, password }),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<User>('GET', '/auth/me'),

  forms: (family?: Family) =>
    request<DefinitionSummary[]>('GET', `/forms${family ? `?family=${enc(family)}` : ''}`),
  form: (ref: string) => request<DefinitionDetail>('GET', `/forms/${enc(ref)}`),
  /** A pinned version by content hash: immutable, so the browser's cache answers after the first time. */
  formByHash: (ref: string, hash: string) =>
    request<DefinitionDetail>('GET', `/forms/${enc(ref)}/${enc(hash)}`),
  scoreForm: (ref: string, answers: Answers, asOf?: string) =>
    request<ScoreResult>('POST', `/forms/${enc(ref)}/score`, { answers, asOf }),

  // A page of the newest (the API's default size); `?page=&pageSize=&q=&status=&definition=` for more.
  assessments: () => request<AssessmentPage>('GET', '/assessments'),
  assessment: (id: string) => request<AssessmentDetail>('GET', `/assessments/${enc(id)}`),
  createAssessment: (body: { definition: string; title?: string; answers?: Answers }) =>
    request<AssessmentDetail>('POST', '/assessments', body),
  save: (id: string, body: { revision: number; answers: Answers; position?: string | null }) =>
    // keepalive: a save started as the page closes still reaches the server.
    request<Saved>('PATCH', `/assessments/${enc(id)}`, body, { keepalive: true }),
  submit: (id: string, revision: number) =>
    request<AssessmentDetail | Saved>('POST', `/assessments/${enc(id)}/submit`, { revision }),
  reopen: (id: string, revision: number) =>
    request<AssessmentDetail | Saved>('POST', `/assessments/${enc(id)}/reopen`, { revision }),
  audit: (id: string) => request<AuditEntry[]>('GET', `/assessments/${enc(id)}/audit`),
  uploadFile: (id: string, file: File, onProgress?: OnProgress) =>
    uploadWithProgress<{ id: string; name: string }>(
      `/assessments/${enc(id)}/files`,
      file,
      file.name,
      onProgress,
    ),

  queue: () => request<AssessmentSummary[]>('GET', '/review/queue'),
  review: (id: string, itemId: string, body: ItemReviewBody) =>
    request<ItemReview>('PUT', `/assessments/${enc(id)}/reviews/${enc(itemId)}`, body),
  decide: (id: string, outcome: DecisionOutcome, comment: string) =>
    request<unknown>('POST', `/assessments/${enc(id)}/decision`, { outcome, comment }),

  users: () => request<User[]>('GET', '/admin/users'),
  organisations: () => request<Organisation[]>('GET', '/admin/organisations'),
  adminAssessments: () => request<AssessmentSummary[]>('GET', '/admin/assessments'),
  assign: (id: string, reviewerId: string) =>
    request<unknown>('POST', `/assessments/${enc(id)}/reviewers`, { reviewerId }),
};

export type Api = typeof api;

/** Report downloads are plain links: the browser sends the session cookie itself. */
export const reportUrl = (id: string, kind: 'pdf' | 'xlsx') =>
  `/api/assessments/${enc(id)}/report.${kind}`;

/** An uploaded evidence file, served under the assessment's access rule. */
export const fileUrl = (id: string, fileId: string) =>
  `/api/assessments/${enc(id)}/files/${enc(fileId)}`;

import type {
  ApplicantsView,
  Applied,
  ApplyInput,
  DeclaredTitle,
  DeclareTitleInput,
  Fill,
  FillInput,
  OfficeDashboard,
  OrganisationTitles,
  Programme,
  ProgrammeInput,
  ProgrammeView,
  ReviewerChoice,
  Rollup,
  Saved,
} from '@zhiping/api/contract';
import type { z } from 'zod';
import { request } from '../api/client.ts';

const enc = encodeURIComponent;

export type ProgrammeBody = z.input<typeof ProgrammeInput>;

export const programmesApi = {
  reviewers: () => request<z.infer<typeof ReviewerChoice>[]>('GET', '/programmes/reviewers'),
  list: () => request<z.infer<typeof ProgrammeView>[]>('GET', '/programmes'),
  one: (id: string) => request<z.infer<typeof ProgrammeView>>('GET', `/programmes/${enc(id)}`),
  create: (body: ProgrammeBody) => request<z.infer<typeof Programme>>('POST', '/programmes', body),
  apply: (id: string, body: z.input<typeof ApplyInput>) =>
    request<z.infer<typeof Applied>>('POST', `/programmes/${enc(id)}/applications`, body),
  close: (id: string) =>
    request<z.infer<typeof ProgrammeView>>('POST', `/programmes/${enc(id)}/close`),
  withdraw: (id: string) => request<void>('DELETE', `/programmes/${enc(id)}/applications/mine`),
  applicants: (id: string) =>
    request<z.infer<typeof ApplicantsView>>('GET', `/programmes/${enc(id)}/applicants`),
  rollup: (id: string) => request<z.infer<typeof Rollup>>('GET', `/programmes/${enc(id)}/rollup`),
  fill: (id: string, body: z.input<typeof FillInput>) =>
    request<{ saved: z.infer<typeof Saved>; fill: z.infer<typeof Fill> }>(
      'POST',
      `/programmes/${enc(id)}/fills`,
      body,
    ),
  fills: (assessment: string) =>
    request<z.infer<typeof Fill>[]>('GET', `/assessments/${enc(assessment)}/fills`),
  explain: (assessment: string, item: string, reason: string) =>
    request<z.infer<typeof Fill>>(
      'PUT',
      `/assessments/${enc(assessment)}/fills/${enc(item)}/override`,
      { reason },
    ),
  dashboard: () => request<z.infer<typeof OfficeDashboard>>('GET', '/programmes/dashboard'),
  titles: (org: string) =>
    request<z.infer<typeof OrganisationTitles>>('GET', `/organisations/${enc(org)}/titles`),
  declare: (org: string, body: z.input<typeof DeclareTitleInput>) =>
    request<z.infer<typeof DeclaredTitle>>('POST', `/organisations/${enc(org)}/titles`, body),
  /** A plain link: the browser downloads the workbook with the session cookie. */
  rankingUrl: (id: string) => `/api/programmes/${enc(id)}/ranking.xlsx`,
};

export const programmeKeys = {
  all: ['programmes'] as const,
  one: (id: string) => ['programmes', id] as const,
  applicants: (id: string) => ['programmes', id, 'applicants'] as const,
  rollup: (id: string) => ['programmes', id, 'rollup'] as const,
  dashboard: ['programmes', 'dashboard'] as const,
  titles: (org: string) => ['organisations', org, 'titles'] as const,
};

import type {
  AdminAssessmentPage,
  AdminAuditPage,
  AdminOrganisation,
  AdminUser,
  LinkInfo,
  LinkPurpose,
  NewOrganisationBody,
  OneTimeLink,
  OrganisationChangeBody,
  OrganisationPage,
  Role,
  UserChangeBody,
  UserPage,
} from '@zhiping/api/contract';
import { request } from '../api/client.ts';

/*
 * The admin workspace's calls. Lists take the URL's search parameters as
 * they are (the server validates them and answers 400 for bad ones).
 */
const enc = encodeURIComponent;
const query = (p: URLSearchParams) => (p.size > 0 ? `?${p}` : '');

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  organisationId: string;
}

export const adminApi = {
  assessments: (p: URLSearchParams) =>
    request<AdminAssessmentPage>('GET', `/admin/assessments${query(p)}`),
  setReviewers: (id: string, reviewerIds: string[]) =>
    request<{ id: string; name: string }[]>('PUT', `/admin/assessments/${enc(id)}/reviewers`, {
      reviewerIds,
    }),
  organisations: (p: URLSearchParams) =>
    request<OrganisationPage>('GET', `/admin/organisations${query(p)}`),
  createOrganisation: (b: NewOrganisationBody) =>
    request<AdminOrganisation>('POST', '/admin/organisations', b),
  changeOrganisation: (id: string, b: OrganisationChangeBody) =>
    request<AdminOrganisation>('PATCH', `/admin/organisations/${enc(id)}`, b),
  users: (p: URLSearchParams) => request<UserPage>('GET', `/admin/users${query(p)}`),
  createUser: (b: NewUser) => request<AdminUser>('POST', '/admin/users', b),
  changeUser: (id: string, b: UserChangeBody) =>
    request<AdminUser>('PATCH', `/admin/users/${enc(id)}`, b),
  setDisabled: (id: string, disabled: boolean) =>
    request<AdminUser>('POST', `/admin/users/${enc(id)}/${disabled ? 'disable' : 'enable'}`),
  link: (id: string, purpose: LinkPurpose) =>
    request<OneTimeLink>('POST', `/admin/users/${enc(id)}/links`, { purpose }),
  audit: (p: URLSearchParams) => request<AdminAuditPage>('GET', `/admin/audit${query(p)}`),
  linkInfo: (token: string) => request<LinkInfo>('GET', `/auth/links/${enc(token)}`),
  setPassword: (token: string, password: string) =>
    request<void>('POST', `/auth/links/${enc(token)}`, { password }),
};

export const adminKeys = {
  all: ['admin'] as const,
  assessments: (p: string) => ['admin', 'assessments', p] as const,
  organisations: (p: string) => ['admin', 'organisations', p] as const,
  users: (p: string) => ['admin', 'users', p] as const,
  audit: (p: string) => ['admin', 'audit', p] as const,
};

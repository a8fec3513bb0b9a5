import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AdminDashboard,
  AssessmentPage,
  QueuePage,
  RespondentDashboard,
  ReviewerDashboard,
} from '@zhiping/api/contract';
import { request } from '../api/client.ts';
import { keys } from '../api/queries.ts';

/*
 * The lists and dashboards of each role's home, kept beside the pages that
 * use them. A list's query key holds its URL parameters, so a reload or
 * Back shows the same page from the cache or the server.
 */

/** The URL's parameters, with the page size the table shows (the endpoints' defaults differ). */
const sized = (params: URLSearchParams) => {
  const p = new URLSearchParams(params);
  if (!p.has('pageSize')) p.set('pageSize', String(PAGE_SIZE));
  return p;
};

/** useListParams' default page size (admin/use-list-params.ts). */
const PAGE_SIZE = 20;

const withQuery = (path: string, params: URLSearchParams) => `${path}?${sized(params)}`;

export const listApi = {
  mine: (params: URLSearchParams) =>
    request<AssessmentPage>('GET', withQuery('/assessments', params)),
  queue: (params: URLSearchParams) =>
    request<QueuePage>('GET', withQuery('/review/queue/page', params)),
  respondentDashboard: () => request<RespondentDashboard>('GET', '/dashboard/respondent'),
  reviewerDashboard: () => request<ReviewerDashboard>('GET', '/dashboard/reviewer'),
  adminDashboard: () => request<AdminDashboard>('GET', '/dashboard/admin'),
};

export const listKeys = {
  // Under keys.assessments, so every change that invalidates the list refreshes the filtered pages too.
  mine: (params: string) => [...keys.assessments, 'page', params] as const,
  // Under ['queue'], which the review pages invalidate after a judgement or decision.
  queue: (params: string) => ['queue', 'page', params] as const,
  dashboard: (role: string) => [...keys.assessments, 'dashboard', role] as const,
};

export const useMyPage = (params: URLSearchParams) =>
  useQuery({
    queryKey: listKeys.mine(params.toString()),
    queryFn: () => listApi.mine(params),
    placeholderData: keepPreviousData,
  });

export const useQueuePage = (params: URLSearchParams) =>
  useQuery({
    queryKey: listKeys.queue(params.toString()),
    queryFn: () => listApi.queue(params),
    placeholderData: keepPreviousData,
  });

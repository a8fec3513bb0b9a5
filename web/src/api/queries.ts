import { useQuery } from '@tanstack/react-query';
import { ApiError } from './client.ts';
import { api } from './endpoints.ts';

/** Query keys in one place so that mutations invalidate exactly what they change. */
export const keys = {
  me: ['me'] as const,
  forms: ['forms'] as const,
  form: (ref: string) => ['form', ref] as const,
  assessments: ['assessments'] as const,
  assessment: (id: string) => ['assessment', id] as const,
  queue: ['queue'] as const,
  users: ['admin', 'users'] as const,
  organisations: ['admin', 'organisations'] as const,
  adminAssessments: ['admin', 'assessments'] as const,
  audit: (id: string) => ['audit', id] as const,
};

/** The signed-in user, or null when there is no session (401 is an answer, not an error). */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      try {
        return await api.me();
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useForms() {
  return useQuery({ queryKey: keys.forms, queryFn: () => api.forms(), staleTime: 300_000 });
}

/**
 * Published definitions are immutable, so a fetched one never goes stale.
 * With the content hash (an assessment's `definitionHash`) it is fetched by
 * a URL the browser caches for ever: opened again, no bytes move.
 */
export function useDefinition(ref: string | undefined, hash?: string) {
  return useQuery({
    queryKey: keys.form(ref ?? ''),
    queryFn: () => (hash ? api.formByHash(ref ?? '', hash) : api.form(ref ?? '')),
    enabled: Boolean(ref),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAssessments() {
  // The first page (newest first); the list shows its rows.
  return useQuery({
    queryKey: keys.assessments,
    queryFn: () => api.assessments(),
    select: (page) => page.items,
  });
}

export function useAssessment(id: string) {
  return useQuery({ queryKey: keys.assessment(id), queryFn: () => api.assessment(id) });
}

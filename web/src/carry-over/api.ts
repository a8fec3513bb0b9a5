import { useQuery } from '@tanstack/react-query';
import type {
  CarriedOver,
  CarryOverReport,
  CarryOverTarget,
  History,
  HistoryLine,
  PendingAnswers,
  Renamed,
  Saved,
  StartGuide,
} from '@zhiping/api/contract';
import { request } from '../api/client.ts';

/*
 * Carry-over, pending confirmations, history and renaming: the endpoints
 * of issue 17 as plain functions and query hooks, kept beside the pages
 * that use them.
 */

const enc = encodeURIComponent;

export const carryApi = {
  targets: (id: string) => request<CarryOverTarget[]>('GET', `/assessments/${enc(id)}/carry-over`),
  preview: (id: string, definition: string) =>
    request<CarryOverReport>('POST', `/assessments/${enc(id)}/carry-over/preview`, { definition }),
  start: (id: string, definition: string) =>
    request<CarriedOver>('POST', `/assessments/${enc(id)}/carry-over`, { definition }),
  pending: (id: string) => request<PendingAnswers>('GET', `/assessments/${enc(id)}/pending`),
  confirm: (id: string, revision: number, items: string[]) =>
    request<Saved>('POST', `/assessments/${enc(id)}/pending/confirm`, { revision, items }),
  rename: (id: string, title: string) =>
    request<Renamed>('PATCH', `/assessments/${enc(id)}/title`, { title }),
  lines: () => request<HistoryLine[]>('GET', '/history'),
  startGuide: () => request<StartGuide>('GET', '/start-guide'),
  history: (definition: string) => request<History>('GET', `/history/${enc(definition)}`),
};

export const carryKeys = {
  targets: (id: string) => ['carry-over', id, 'targets'] as const,
  preview: (id: string, definition: string) => ['carry-over', id, 'preview', definition] as const,
  pending: (id: string) => ['carry-over', id, 'pending'] as const,
  lines: ['history'] as const,
  history: (definition: string) => ['history', definition] as const,
};

export const useTargets = (id: string) =>
  useQuery({ queryKey: carryKeys.targets(id), queryFn: () => carryApi.targets(id) });

export const usePreview = (id: string, definition: string | undefined) =>
  useQuery({
    queryKey: carryKeys.preview(id, definition ?? ''),
    queryFn: () => carryApi.preview(id, definition ?? ''),
    enabled: definition !== undefined,
  });

export const usePending = (id: string) =>
  useQuery({ queryKey: carryKeys.pending(id), queryFn: () => carryApi.pending(id) });

export const useHistoryLines = () =>
  useQuery({ queryKey: carryKeys.lines, queryFn: carryApi.lines });

export const useHistory = (definition: string | undefined) =>
  useQuery({
    queryKey: carryKeys.history(definition ?? ''),
    queryFn: () => carryApi.history(definition ?? ''),
    enabled: definition !== undefined,
  });

export const useStartGuide = () =>
  useQuery({
    queryKey: ['start-guide'],
    queryFn: carryApi.startGuide,
    staleTime: Number.POSITIVE_INFINITY,
  });

import { useQuery } from '@tanstack/react-query';
import type { History, HistoryLine } from '@zhiping/api/contract';
import { request } from '../api/client.ts';
import { carryKeys } from '../carry-over/api.ts';

/*
 * History for whoever reads it: a respondent their own organisation's
 * (no parameter), an admin any organisation's (`organisation`, from the
 * admin's organisation list). The keys extend carry-over's, so a rename
 * there refreshes these too.
 */

const enc = encodeURIComponent;
const suffix = (organisation: string | undefined) =>
  organisation ? `?organisation=${enc(organisation)}` : '';

export const useLinesOf = (organisation: string | undefined) =>
  useQuery({
    queryKey: [...carryKeys.lines, 'of', organisation ?? ''],
    queryFn: () => request<HistoryLine[]>('GET', `/history${suffix(organisation)}`),
  });

export const useHistoryOf = (definition: string | undefined, organisation: string | undefined) =>
  useQuery({
    queryKey: [...carryKeys.history(definition ?? ''), 'of', organisation ?? ''],
    queryFn: () =>
      request<History>('GET', `/history/${enc(definition ?? '')}${suffix(organisation)}`),
    enabled: definition !== undefined,
  });

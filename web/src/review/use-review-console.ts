import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { reviewApi, reviewKeys } from './review-api.ts';
import type { Judgement, ReviewConsole } from './types.ts';

/**
 * The console's data, with recorded judgements written into the cache at
 * once (progress and filters follow without refetching ~100 items).
 */
export function useReviewConsole(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: reviewKeys.console(id),
    queryFn: () => reviewApi.console(id),
  });
  const record = useCallback(
    (j: Judgement, as: 'mine' | 'final') =>
      queryClient.setQueryData<ReviewConsole>(reviewKeys.console(id), (c) =>
        c
          ? { ...c, items: c.items.map((ci) => (ci.item === j.item ? { ...ci, [as]: j } : ci)) }
          : c,
      ),
    [queryClient, id],
  );
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: reviewKeys.console(id) }),
    [queryClient, id],
  );
  return { query, record, refresh };
}

/** What the signed-in reviewer does on this console now (see ReviewRow's modes). */
export function modeOf(c: ReviewConsole, decidedOrReturned: boolean): 'judge' | 'settle' | 'read' {
  if (c.me === null || decidedOrReturned) return 'read';
  const allFinished = c.reviewers.every((r) => r.finishedAt !== null);
  if (c.me.lead && c.reviewers.length > 1 && allFinished) return 'settle';
  return c.me.finishedAt === null ? 'judge' : 'read';
}

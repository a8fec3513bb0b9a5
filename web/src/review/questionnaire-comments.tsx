import { useQuery } from '@tanstack/react-query';
import { createContext, lazy, type ReactNode, Suspense, useContext, useMemo } from 'react';
import { reviewApi, reviewKeys } from './review-api.ts';
import type { AssessmentSummary, ThreadEntry } from './types.ts';

// Loaded when a comment is shown (a returned assessment): the reply box's
// antd Input brings ~17 KB gzip that every questionnaire's first paint
// would otherwise load (web/scripts/bundle-budget.ts).
const ReplyBox = lazy(() => import('./reply-box.tsx').then((m) => ({ default: m.ReplyBox })));

/** Whether a reviewer may have left comments: returned, or editable again after a submission (reopened). */
export const wasReturned = (
  a: AssessmentSummary & { round?: number; decision: { outcome: string } | null },
): boolean => a.decision?.outcome === 'return' || (a.round ?? 0) >= 1 || a.status === 'returned';

const Ctx = createContext<{
  assessmentId: string;
  latest: ReadonlyMap<string, ThreadEntry>;
} | null>(null);

/**
 * The reviewer's comments of the last round, for the questionnaire to show
 * beside their items after a return. Loaded only for an assessment that was
 * returned; a console the respondent may not read simply shows no comments.
 */
export function ReviewCommentsProvider({
  assessmentId,
  enabled,
  children,
}: {
  assessmentId: string;
  enabled: boolean;
  children: ReactNode;
}) {
  const q = useQuery({
    queryKey: reviewKeys.console(assessmentId),
    queryFn: () => reviewApi.console(assessmentId),
    enabled,
    retry: false,
  });
  const value = useMemo(() => {
    const latest = new Map<string, ThreadEntry>();
    for (const ci of q.data?.items ?? []) {
      const last = ci.thread[ci.thread.length - 1];
      if (last) latest.set(ci.item, last);
    }
    return { assessmentId, latest };
  }, [q.data, assessmentId]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The reviewer's comment on this item with the respondent's reply box, if there is one. */
export function ItemReviewerComment({ itemId, idBase }: { itemId: string; idBase: string }) {
  const c = useContext(Ctx);
  const reply = c?.latest.get(itemId);
  if (!c || !reply) return null;
  return (
    <Suspense fallback={null}>
      <ReplyBox assessmentId={c.assessmentId} item={itemId} reply={reply} idBase={idBase} />
    </Suspense>
  );
}

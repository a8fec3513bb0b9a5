import type { ScoreResult } from '@zhiping/forms';
import type { ConsoleItem, Judgement, ReviewConsole } from './types.ts';

/** Test data: a console listing every visible item of a result, nothing judged, one reviewer (me, lead). */
export function consoleOf(result: ScoreResult, patch: Partial<ReviewConsole> = {}): ReviewConsole {
  const items: ConsoleItem[] = result.items
    .filter((i) => i.visible)
    .map((i) => ({
      item: i.id,
      section: i.section,
      applicable: i.status !== 'not_applicable' && i.status !== 'info',
      selfStatus: i.status,
      selfPoints: i.points,
      max: i.max,
      changed: null,
      mine: null,
      others: [],
      final: null,
      disagreement: false,
      thread: [],
    }));
  return {
    round: 1,
    me: { lead: true, finishedAt: null },
    othersVisible: false,
    progress: { judged: 0, applicable: items.filter((i) => i.applicable).length, needsRecheck: 0 },
    reviewers: [{ id: 'u-rev', name: '评审员甲', lead: true, finishedAt: null }],
    items,
    ...patch,
  };
}

/** Test data: a judgement of one item. */
export const judgement = (item: string, patch: Partial<Judgement> = {}): Judgement => ({
  item,
  verdict: 'agree',
  status: null,
  points: null,
  reason: null,
  comment: null,
  reviewer: { id: 'u-rev', name: '评审员甲' },
  updatedAt: '2026-11-29T06:00:00Z',
  kind: 'own',
  round: 1,
  judgedRound: 1,
  state: 'current',
  ...patch,
});

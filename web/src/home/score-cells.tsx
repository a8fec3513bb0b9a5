import { formatScore } from '@zhiping/forms';
import type { ScoredRow } from '../review/types.ts';
import { useListT } from './messages.ts';

/**
 * A list's score, always labelled: 自评 (the stored self-assessed figure)
 * and, once decided, 评审 (the frozen reviewed one) above it — so the two
 * numbers are never read as one another.
 */
export function SelfAndDecided({ row }: { row: ScoredRow }) {
  const lt = useListT();
  const self = row.reviewed ? row.reviewed.selfScore : row.score;
  return (
    <span className="zp-score-pair">
      {row.reviewed ? (
        <span>
          <span className="zp-muted zp-small">{lt('list.scoreDecided')} </span>
          <strong data-testid="list-reviewed-score">{formatScore(row.reviewed.score)}</strong>
        </span>
      ) : null}
      <span className={row.reviewed ? 'zp-muted zp-small' : undefined}>
        <span className="zp-muted zp-small">{lt('list.scoreSelf')} </span>
        <span data-testid="list-self-score">{self === null ? '—' : formatScore(self)}</span>
      </span>
    </span>
  );
}

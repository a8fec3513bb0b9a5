import { formatScore } from '@zhiping/forms';
import { useT } from '../i18n/locale.tsx';
import type { ScoredRow } from './types.ts';

/**
 * A list's score: once decided, the frozen reviewed score, with the
 * self-assessed one beside it and both labelled — so a list, the results
 * page and the reports never show different numbers without saying which.
 */
export function ScoreCell({ row }: { row: ScoredRow }) {
  const t = useT();
  if (row.reviewed)
    return (
      <span className="zp-score-pair">
        <span data-testid="list-reviewed-score" title={t('score.reviewed')}>
          {formatScore(row.reviewed.score)}
        </span>
        <span className="zp-muted zp-small">
          {t('score.selfShort')}{' '}
          {row.reviewed.selfScore === null ? '—' : formatScore(row.reviewed.selfScore)}
        </span>
      </span>
    );
  return <>{row.score === null ? '—' : formatScore(row.score)}</>;
}

/** The results page's pair: 评审得分 (decided, frozen) beside 自评得分. */
export function ScorePair({ reviewed, self }: { reviewed: number; self: number }) {
  const t = useT();
  return (
    <p className="zp-score-line" data-testid="score-pair">
      {t('score.reviewed')}
      {t('app.colon')}
      <strong data-testid="decided-score">{formatScore(reviewed)}</strong>
      <span className="zp-muted">
        {' · '}
        {t('score.self')}
        {t('app.colon')}
        {formatScore(self)}
      </span>
    </p>
  );
}

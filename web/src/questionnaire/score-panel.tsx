import { formatScore, type ScoreResult, textOf, verdictLabel } from '@zhiping/forms';
import { memo } from 'react';
import type { Locale, Translate } from '../i18n/locale.tsx';
import { ProgressBar } from '../shared/progress-bar.tsx';

/** The live score: the same engine the server scores with, on the answers as they are now. */
export const ScorePanel = memo(function ScorePanel({
  result,
  locale,
  t,
}: {
  result: ScoreResult;
  locale: Locale;
  t: Translate;
}) {
  const { progress, next } = result;
  const counts = { answered: progress.answered, applicable: progress.applicable };
  const pct = progress.applicable > 0 ? (progress.answered / progress.applicable) * 100 : 0;
  return (
    <aside className="zp-score" aria-labelledby="zp-score-title">
      <h2 id="zp-score-title" className="zp-panel-title">
        {t('score.title')}
      </h2>
      <div className="zp-score-total">
        <span className="zp-muted">{t('score.total')}</span>
        <strong data-testid="live-score">{formatScore(result.total.score)}</strong>
      </div>
      <div>
        <span className="zp-muted">
          {t('score.verdict')}
          {t('app.colon')}
        </span>
        <strong data-testid="live-verdict">{verdictLabel(result, locale)}</strong>
      </div>
      <ProgressBar percent={pct} label={t('score.progress', counts)} />
      <div className="zp-muted">{t('score.progress', counts)}</div>
      {next ? (
        <div className="zp-score-next">
          {next.scoreGap > 0
            ? t('score.next', { tier: textOf(next.label, locale), gap: next.scoreGap.toFixed(1) })
            : null}
          {next.gates.length > 0 ? (
            <div>{t('score.nextGates', { n: next.gates.length })}</div>
          ) : null}
        </div>
      ) : null}
      <p className="zp-muted zp-small">{t('score.note')}</p>
    </aside>
  );
});

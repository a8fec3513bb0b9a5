import { type Compiled, formatScore, type ScoreResult, textOf, verdictLabel } from '@zhiping/forms';
import { memo } from 'react';
import type { Locale, Translate } from '../i18n/locale.tsx';
import { ProgressBar } from '../shared/progress-bar.tsx';

/** The live score: the same engine the server scores with, on the answers as they are now. */
export const ScorePanel = memo(function ScorePanel({
  result,
  compiled,
  onGoTo,
  locale,
  t,
}: {
  result: ScoreResult;
  compiled: Compiled;
  /** Opens the step holding an item and focuses it. */
  onGoTo: (itemId: string) => void;
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
            <div>
              {t('score.nextGates', { n: next.gates.length })}
              <ul className="zp-gates" data-testid="open-gates">
                {next.gates.map((id) => {
                  const gate = compiled.gateById.get(id);
                  const item = gate ? firstItemOf(compiled, gate.condition) : undefined;
                  const title = gate ? textOf(gate.title, locale) : id;
                  return (
                    <li key={id}>
                      {item ? (
                        <button type="button" className="zp-link" onClick={() => onGoTo(item)}>
                          {title}
                        </button>
                      ) : (
                        title
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <p className="zp-muted zp-small">{t('score.note')}</p>
    </aside>
  );
});

/**
 * The first question a gate's condition reads, directly or through derived
 * values: where the respondent can act on it. The condition is data, so a
 * walk over its `ref`s finds them whatever its shape.
 */
function firstItemOf(c: Compiled, cond: unknown): string | undefined {
  const seen = new Set<string>();
  const derived = new Map(c.definition.derived.map((d) => [d.id, d.expr]));
  const walk = (node: unknown): string | undefined => {
    if (Array.isArray(node)) {
      for (const n of node) {
        const hit = walk(n);
        if (hit) return hit;
      }
      return undefined;
    }
    if (!node || typeof node !== 'object') return undefined;
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && k === 'ref' && !seen.has(v)) {
        seen.add(v);
        if (c.itemIndex.has(v)) return v;
        const hit = walk(derived.get(v));
        if (hit) return hit;
      } else if (typeof v === 'object') {
        const hit = walk(v);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  return walk(cond);
}

import {
  type Definition,
  formatScore,
  type GateOutcome,
  reasonText,
  type ScoreResult,
  textOf,
  traceText,
  verdictLabel,
} from '@zhiping/forms';
import { Tag } from 'antd';
import { useLocale } from '../i18n/locale.tsx';
import { CitationList } from '../shared/citation-list.tsx';

const GATE_COLOUR: Record<GateOutcome, string> = {
  passed: 'green',
  failed: 'red',
  unknown: 'default',
};

/**
 * The verdict and why: the reasons, each gate with its outcome, and the full
 * trace on demand — codes from the engine, worded by the shared catalogue in
 * the reader's language (an old stored result, upgraded by the API, reads the
 * same). The definition, when loaded, names the tiers the trace refers to.
 */
export function VerdictCard({
  result,
  definition,
}: {
  result: ScoreResult;
  definition?: Pick<Definition, 'tiers'> | undefined;
}) {
  const { locale, t } = useLocale();
  const ctx = { result, definition, locale };
  return (
    <section className="zp-card" aria-labelledby="verdict-title">
      <h2 id="verdict-title" className="zp-panel-title">
        {t('result.verdict')}
      </h2>
      <div className="zp-verdict">
        <strong data-testid="verdict">{verdictLabel(result, locale)}</strong>
        <span className="zp-verdict-score">
          {formatScore(result.total.score)}
          <small> / 100</small>
        </span>
      </div>
      {result.verdict.reasons.length > 0 ? (
        <>
          <h3>{t('result.why')}</h3>
          <ul className="zp-reasons" data-testid="reasons">
            {result.verdict.reasons.map((r) => (
              <li key={'tier' in r ? `${r.code}:${r.tier}` : r.code}>{reasonText(r, ctx)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {result.gates.length > 0 ? (
        <>
          <h3>{t('result.gates')}</h3>
          <ul className="zp-gates">
            {result.gates.map((g) => (
              <li key={g.id} data-gate={g.id}>
                <Tag color={GATE_COLOUR[g.outcome]}>{t(`gateOutcome.${g.outcome}`)}</Tag>
                <strong>{textOf(g.title, locale)}</strong>
                {g.message ? <div className="zp-gate-msg">{textOf(g.message, locale)}</div> : null}
                {g.citations.length > 0 ? (
                  <details>
                    <summary>{t('q.sources')}</summary>
                    <CitationList citations={g.citations} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <details className="zp-trace">
        <summary>{t('result.trace')}</summary>
        <ol>
          {result.trace.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the trace is an ordered log; a rule may recur.
            <li key={i} title={s.rule}>
              <Tag color={GATE_COLOUR[s.outcome]}>{t(`gateOutcome.${s.outcome}`)}</Tag>{' '}
              {traceText(s, ctx)}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

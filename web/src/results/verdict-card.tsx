import type { GateOutcome, ScoreResult } from '@zhiping/forms';
import { Tag } from 'antd';
import { useLocale } from '../i18n/locale.tsx';
import { CitationList } from '../shared/citation-list.tsx';
import { text } from '../shared/text.ts';

const GATE_COLOUR: Record<GateOutcome, string> = {
  passed: 'green',
  failed: 'red',
  unknown: 'default',
};

/** The verdict and why: the reasons, each gate with its outcome, and the full trace on demand. */
export function VerdictCard({ result }: { result: ScoreResult }) {
  const { locale, t } = useLocale();
  return (
    <section className="zp-card" aria-labelledby="verdict-title">
      <h2 id="verdict-title" className="zp-panel-title">
        {t('result.verdict')}
      </h2>
      <div className="zp-verdict">
        <strong data-testid="verdict">{text(result.verdict.label, locale)}</strong>
        <span className="zp-verdict-score">
          {result.total.score.toFixed(1)}
          <small> / 100</small>
        </span>
      </div>
      {result.verdict.reasons.length > 0 ? (
        <>
          <h3>{t('result.why')}</h3>
          <ul className="zp-reasons">
            {result.verdict.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {result.gates.length > 0 ? (
        <>
          <h3>{t('result.gates')}</h3>
          <ul className="zp-gates">
            {result.gates.map((g) => (
              <li key={g.id}>
                <Tag color={GATE_COLOUR[g.outcome]}>{t(`result.gate.${g.outcome}`)}</Tag>
                <strong>{text(g.title, locale)}</strong>
                {g.message ? <div className="zp-gate-msg">{text(g.message, locale)}</div> : null}
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
            <li key={i}>
              <Tag color={GATE_COLOUR[s.outcome]}>{s.rule}</Tag> {s.detail}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

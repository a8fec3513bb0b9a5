import { type ScoreResult, textOf } from '@zhiping/forms';
import { Tag } from 'antd';
import { useLocale } from '../i18n/locale.tsx';
import { CitationList } from '../shared/citation-list.tsx';

/** What costs points, the largest loss first, each with what to do and where the rule comes from. */
export function GapList({ result }: { result: ScoreResult }) {
  const { locale, t } = useLocale();
  const gaps = [...result.gaps].sort((a, b) => b.cost - a.cost);
  return (
    <section className="zp-card" aria-labelledby="gaps-title">
      <h2 id="gaps-title" className="zp-panel-title">
        {t('result.gaps')}
      </h2>
      {gaps.length === 0 ? <p className="zp-empty">{t('result.noGaps')}</p> : null}
      <ol className="zp-gaps">
        {gaps.map((g) => (
          <li key={g.item} data-gap={g.item}>
            <div className="zp-row-between">
              <strong>{textOf(g.prompt, locale)}</strong>
              <span className="zp-gap-cost">{t('result.cost', { cost: g.cost.toFixed(1) })}</span>
            </div>
            <Tag>{t(`itemStatus.${g.status}`)}</Tag>
            {g.recommendation ? (
              <p className="zp-reco">{textOf(g.recommendation, locale)}</p>
            ) : null}
            {g.citations.length > 0 ? (
              <details>
                <summary>{t('q.sources')}</summary>
                <CitationList citations={g.citations} />
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

import { type Compiled, itemById, type ScoreResult, textOf } from '@zhiping/forms';
import { Tag } from 'antd';
import { useLocale } from '../i18n/locale.tsx';
import { CitationList } from '../shared/citation-list.tsx';
import { Loading } from '../shared/loading.tsx';

/**
 * What costs points, the largest loss first, each with what to do and where
 * the rule comes from. A gap is codes and figures; its words are the
 * definition's item, so the list waits for the definition.
 */
export function GapList({ result, compiled }: { result: ScoreResult; compiled: Compiled | null }) {
  const { locale, t } = useLocale();
  const gaps = [...result.gaps].sort((a, b) => b.cost - a.cost);
  return (
    <section className="zp-card" aria-labelledby="gaps-title">
      <h2 id="gaps-title" className="zp-panel-title">
        {t('result.gaps')}
      </h2>
      {gaps.length === 0 ? <p className="zp-empty">{t('result.noGaps')}</p> : null}
      {gaps.length > 0 && !compiled ? <Loading /> : null}
      {compiled ? (
        <ol className="zp-gaps">
          {gaps.map((g) => {
            const item = itemById(compiled, g.item);
            const citations = item?.citations ?? [];
            return (
              <li key={g.item} data-gap={g.item}>
                <div className="zp-row-between">
                  <strong>{item ? textOf(item.prompt, locale) : g.item}</strong>
                  <span className="zp-gap-cost">
                    {t('result.cost', { cost: g.cost.toFixed(1) })}
                  </span>
                </div>
                <Tag>{t(`itemStatus.${g.status}`)}</Tag>
                {item?.recommendation ? (
                  <p className="zp-reco">{textOf(item.recommendation, locale)}</p>
                ) : null}
                {citations.length > 0 ? (
                  <details>
                    <summary>{t('q.sources')}</summary>
                    <CitationList citations={citations} />
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}

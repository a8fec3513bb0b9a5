import { type Compiled, textOf } from '@zhiping/forms';
import { Alert } from 'antd';
import type { AssessmentDetail } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import { formatTime } from '../shared/text.ts';

/** The reviewer's decision and, item by item, where they disagreed and why. */
export function DecisionCard({
  assessment: a,
  compiled,
}: {
  assessment: AssessmentDetail;
  compiled: Compiled | null;
}) {
  const { locale, t } = useLocale();
  const d = a.decision;
  if (!d) return null;
  const overrides = a.reviews.filter((r) => r.verdict === 'override' || r.comment);
  const promptOf = (id: string) => {
    const i = compiled?.itemIndex.get(id);
    const item = i === undefined ? undefined : compiled?.items[i]?.item;
    return item ? textOf(item.prompt, locale) : id;
  };
  return (
    <section className="zp-section" aria-labelledby="decision-title">
      <Alert
        type={d.outcome === 'approve' ? 'success' : 'warning'}
        showIcon
        title={
          <span id="decision-title" data-testid="decision">
            {t('result.decision')}
            {t('app.colon')}
            {t(`decision.${d.outcome}`)}
          </span>
        }
        description={
          <>
            {d.comment ? <p>{d.comment}</p> : null}
            <div className="zp-muted">
              {t('result.by', { name: d.reviewer.name, time: formatTime(d.at, locale) })}
            </div>
            {overrides.length > 0 ? (
              <details open>
                <summary>{t('result.reviews')}</summary>
                <ul>
                  {overrides.map((r) => (
                    <li key={r.item}>
                      <strong>{promptOf(r.item)}</strong>
                      {r.verdict === 'override' && r.status
                        ? ` → ${t(`itemStatus.${r.status}`)}`
                        : ''}
                      {r.reason ? `${t('app.colon')}${r.reason}` : ''}
                      {r.comment ? <div className="zp-muted">{r.comment}</div> : null}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        }
      />
    </section>
  );
}

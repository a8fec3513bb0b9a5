import '../carry-over/carry-over.css';
import type { Changes } from '@zhiping/api/contract';
import { formatScore, textOf } from '@zhiping/forms';
import { Card, Empty } from 'antd';
import { useLocale } from '../i18n/locale.tsx';

const signed = (n: number) => (n > 0 ? `+${formatScore(n)}` : formatScore(n));

/** What changed since last time: the score, the tier, items and gates that moved. */
export function ChangesCard({ changes }: { changes: Changes }) {
  const { locale, t } = useLocale();
  const tier = (x: Changes['tier']['before']) => (x ? textOf(x, locale) : t('history.noTier'));
  const nothing =
    changes.improved.length +
      changes.fellBack.length +
      changes.gatesPassed.length +
      changes.gatesFailed.length ===
    0;
  return (
    <Card
      title={t('history.changes', { from: changes.from.title, to: changes.to.title })}
      className="zp-section"
    >
      <p>
        {t('history.scoreMoved', {
          before: formatScore(changes.score.before),
          after: formatScore(changes.score.after),
          delta: signed(changes.score.delta),
        })}{' '}
        {t('history.tierMoved', {
          before: tier(changes.tier.before),
          after: tier(changes.tier.after),
        })}
      </p>
      {changes.unanswered > 0 ? (
        <p className="zp-muted">{t('history.stillToAnswer', { n: changes.unanswered })}</p>
      ) : null}
      {nothing ? <Empty description={t('history.noChanges')} /> : null}
      {changes.gatesPassed.length > 0 ? (
        <>
          <h3>{t('history.gatesPassed')}</h3>
          <ul>
            {changes.gatesPassed.map((g) => (
              <li key={g.gate}>{textOf(g.title, locale)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {changes.gatesFailed.length > 0 ? (
        <>
          <h3>{t('history.gatesFailed')}</h3>
          <ul>
            {changes.gatesFailed.map((g) => (
              <li key={g.gate}>{textOf(g.title, locale)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {changes.improved.length > 0 ? (
        <>
          <h3>{t('history.improved')}</h3>
          <ul>
            {changes.improved.map((c) => (
              <li key={c.item}>
                {textOf(c.label, locale)} <span className="zp-up">{signed(c.delta)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {changes.fellBack.length > 0 ? (
        <>
          <h3>{t('history.fellBack')}</h3>
          <ul>
            {changes.fellBack.map((c) => (
              <li key={c.item}>
                {textOf(c.label, locale)} <span className="zp-down">{signed(c.delta)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

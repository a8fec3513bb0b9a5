import { type Compiled, type ScoreResult, textOf } from '@zhiping/forms';
import { useLocale } from '../i18n/locale.tsx';

/** The next tier up and the fewest fixes that reach it. */
export function NextTier({ result, compiled }: { result: ScoreResult; compiled: Compiled | null }) {
  const { locale, t } = useLocale();
  const next = result.next;
  const promptOf = (id: string) => {
    const i = compiled?.itemIndex.get(id);
    const item = i === undefined ? undefined : compiled?.items[i]?.item;
    return item ? textOf(item.prompt, locale) : id;
  };
  const gateTitle = (id: string) => {
    const g = result.gates.find((x) => x.id === id);
    return g ? textOf(g.title, locale) : id;
  };
  const tierLabel = (id: string) => {
    const tier = compiled?.tiers.find((x) => x.id === id);
    return tier ? textOf(tier.description ?? tier.label, locale) : id;
  };
  return (
    <section className="zp-card" aria-labelledby="next-title">
      <h2 id="next-title" className="zp-panel-title">
        {next ? t('result.next', { tier: textOf(next.label, locale) }) : t('result.top')}
      </h2>
      {next ? (
        <>
          {next.scoreGap > 0 ? (
            <p>
              {t('score.next', { tier: textOf(next.label, locale), gap: next.scoreGap.toFixed(1) })}
            </p>
          ) : null}
          {!next.reachable ? <p className="zp-error-text">{t('result.nextUnreachable')}</p> : null}
          {next.items.length > 0 ? (
            <>
              <h3>{t('result.nextItems')}</h3>
              <ol>
                {next.items.map((x) => (
                  <li key={x.item}>
                    {promptOf(x.item)} <span className="zp-muted">（+{x.gain.toFixed(1)}）</span>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          {next.conditions.length > 0 ? (
            <>
              <h3>{t('result.nextConditions')}</h3>
              <ul>
                {next.conditions.map((c) => (
                  <li key={c}>{tierLabel(c)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {next.gates.length > 0 ? (
            <>
              <h3>{t('result.nextGates')}</h3>
              <ul>
                {next.gates.map((g) => (
                  <li key={g}>{gateTitle(g)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

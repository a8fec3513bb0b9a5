import { useQuery } from '@tanstack/react-query';
import { textOf } from '@zhiping/forms';
import { Empty, Statistic } from 'antd';
import { useDefinition } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { FillOwn } from './fill-own.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import './programmes.css';

/**
 * A share 0–100 as a background, light for low and dark for high (the number
 * is always printed). Lightness runs 95 → 48 % below 80 and 44 → 35 % from 80:
 * black text on the light part and white on the dark part both keep 4.5:1
 * (hsl 210° 70 %: black on 48 % is 4.8:1, white on 44 % is 5.1:1; the band
 * between, where neither reaches 4.5, is skipped).
 */
const DARK_FROM = 80;
const shade = (p: number | null) =>
  p === null
    ? 'transparent'
    : `hsl(210 70% ${p < DARK_FROM ? 95 - (p / DARK_FROM) * 47 : 44 - ((p - DARK_FROM) / 20) * 9}%)`;
const ink = (p: number | null) => (p === null ? undefined : p < DARK_FROM ? '#000' : '#fff');

/** The call's outcome as counts, and each section's reviewed shares as a heat map (a table). */
export function RollupView({ id, definitionRef }: { id: string; definitionRef: string }) {
  const { locale, t } = useLocale();
  const definition = useDefinition(definitionRef);
  const tierLabel = (tier: string) =>
    textOf(definition.data?.definition.tiers.find((x) => x.id === tier)?.label ?? tier, locale);
  const q = useQuery({
    queryKey: programmeKeys.rollup(id),
    queryFn: () => programmesApi.rollup(id),
  });
  if (q.isError) return <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return null;
  const r = q.data;
  const orgs = r.sections[0]?.values ?? [];
  return (
    <section className="zp-section" aria-labelledby="rollup-title">
      <h2 id="rollup-title">{t('prog.rollup')}</h2>
      <div className="zp-stats">
        <Statistic title={t('prog.rollup.applied')} value={r.applied} />
        <Statistic title={t('prog.rollup.withdrawn')} value={r.withdrawn} />
        <Statistic title={t('prog.rollup.submitted')} value={r.submitted} />
        <Statistic title={t('prog.rollup.decided')} value={r.decided} />
        {Object.entries(r.reached).map(([tier, n]) => (
          <Statistic
            key={tier}
            title={t('prog.rollup.reached', { tier: tierLabel(tier) })}
            value={n}
          />
        ))}
      </div>
      <h3>{t('prog.heatmap')}</h3>
      {orgs.length === 0 ? (
        <Empty description={t('prog.heatmapEmpty')} />
      ) : (
        // Scrolls sideways on a phone: focusable so a keyboard can scroll it too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
        <section className="zp-heatmap-wrap" tabIndex={0} aria-label={t('prog.heatmap')}>
          <table className="zp-heatmap">
            <thead>
              <tr>
                <th scope="col">{t('prog.organisation')}</th>
                {r.sections.map((s) => (
                  <th key={s.id} scope="col">
                    {textOf(s.title, locale)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {orgs.map((o, i) => (
                <tr key={o.assessment}>
                  <th scope="row">{o.organisation}</th>
                  {r.sections.map((s) => {
                    const p = s.values[i]?.percent ?? null;
                    return (
                      <td
                        key={s.id}
                        style={{
                          background: shade(p),
                          color: ink(p),
                        }}
                      >
                        {p === null ? '—' : `${p}%`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <h3>{t('prog.fill.title')}</h3>
      <p className="zp-muted">{t('prog.fill.intro')}</p>
      <FillOwn id={id} rollup={r} tierLabel={tierLabel} />
    </section>
  );
}

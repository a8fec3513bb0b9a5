import './dashboard.css';
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { useMe } from '../api/queries.ts';
import { useT } from '../i18n/locale.tsx';
import { reviewApi, reviewKeys } from '../review/review-api.ts';
import { Loading } from '../shared/loading.tsx';
import { listApi, listKeys } from './list-api.ts';
import { useListT } from './messages.ts';

const BarsChart = lazy(() => import('./week-chart.tsx'));

const STATES = ['pending', 'finished', 'returned', 'decided'] as const;
// The queue tab each count opens (a finished review waits under 待评审).
const TAB: Record<(typeof STATES)[number], string> = {
  pending: '',
  finished: '',
  returned: '?tab=returned',
  decided: '?tab=decided',
};

const average = (xs: (number | null)[]) => {
  const d = xs.filter((x): x is number => x !== null);
  return d.length === 0 ? null : d.reduce((s, x) => s + x, 0) / d.length;
};

/** The reviewer's figures above the queue: the queue by state, weekly work, agreement with others. */
export function ReviewerDashboard() {
  const t = useT();
  const lt = useListT();
  const me = useMe().data;
  const dash = useQuery({
    queryKey: listKeys.dashboard('reviewer'),
    queryFn: listApi.reviewerDashboard,
  });
  // The agreement endpoint of the review area, reused as it is.
  const agreement = useQuery({
    queryKey: reviewKeys.reviewer(me?.id ?? ''),
    queryFn: () => reviewApi.reviewerAgreement(me?.id ?? ''),
    enabled: Boolean(me),
  });
  const d = dash.data;
  const chart = useMemo(
    () =>
      d
        ? {
            categories: d.weeks.map((w) => w.week.slice(5)),
            bars: [
              { name: lt('dash.finished'), values: d.weeks.map((w) => w.finished) },
              { name: lt('dash.decided'), values: d.weeks.map((w) => w.decided) },
            ],
          }
        : null,
    [d, lt],
  );
  if (!d) return null;
  const rounds = agreement.data?.rounds ?? [];
  const percent = average(rounds.map((r) => r.agreement.percent));
  const kappa = average(rounds.map((r) => r.agreement.kappa));
  return (
    <section aria-labelledby="dash-title" className="zp-dashboard">
      <h2 id="dash-title" className="zp-sr-only">
        {lt('dash.title')}
      </h2>
      <div className="zp-cards">
        <Card size="small" title={lt('dash.queue')}>
          <dl className="zp-figures" data-testid="dash-queue">
            {STATES.map((s) => (
              <div key={s}>
                <dt>{lt(`dash.queue.${s}`)}</dt>
                <dd>
                  <Link to={`/${TAB[s]}`}>{d.queue[s]}</Link>
                </dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card size="small" title={lt('dash.agreement')}>
          {rounds.length === 0 ? (
            <p className="zp-muted">{lt('dash.agreementNone')}</p>
          ) : (
            <p data-testid="dash-agreement">
              {t('agreement.mean', {
                n: rounds.length,
                percent: percent === null ? '—' : `${Math.round(percent * 100)}%`,
                kappa: kappa === null ? '—' : kappa.toFixed(2),
              })}
            </p>
          )}
          {me ? <Link to={`/reviewers/${me.id}/agreement`}>{t('agreement.mine')}</Link> : null}
        </Card>
      </div>
      <h3>{lt('dash.throughput')}</h3>
      {chart ? (
        <Suspense fallback={<Loading />}>
          <BarsChart
            categories={chart.categories}
            bars={chart.bars}
            label={lt('dash.throughputLabel')}
          />
        </Suspense>
      ) : null}
      <details>
        <summary>{lt('dash.throughputLabel')}</summary>
        <table className="zp-figure-table" data-testid="dash-weeks">
          <thead>
            <tr>
              <th scope="col">{lt('dash.weekOf', { date: '' }).trim()}</th>
              <th scope="col">{lt('dash.finished')}</th>
              <th scope="col">{lt('dash.decided')}</th>
            </tr>
          </thead>
          <tbody>
            {d.weeks.map((w) => (
              <tr key={w.week}>
                <td>{w.week}</td>
                <td>{w.finished}</td>
                <td>{w.decided}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

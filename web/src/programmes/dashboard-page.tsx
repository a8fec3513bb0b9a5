import './programmes.css';
import { useQuery } from '@tanstack/react-query';
import { textOf } from '@zhiping/forms';
import { Empty, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import { WindowTag } from './window-tag.tsx';

type Dashboard = Awaited<ReturnType<typeof programmesApi.dashboard>>;
type Call = Dashboard['calls'][number];
type Line = Dashboard['cultivation'][number];

/**
 * The office's calls at a glance: totals, then each call's counts (awarded
 * per tier once it has closed), then the organisations in cultivation with
 * the yearly reviews they missed — two missed reviews are flagged (domain.md §4).
 */
export default function DashboardPage() {
  const { locale, t } = useLocale();
  const q = useQuery({ queryKey: programmeKeys.dashboard, queryFn: programmesApi.dashboard });
  if (q.isError) return <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending) return <Loading />;
  const { calls, totals, cultivation } = q.data;
  // Tier labels from the calls themselves (a tier id means the same across one office's calls).
  const labels = new Map<string, string>();
  for (const c of calls) for (const x of c.tiers) labels.set(x.id, textOf(x.label, locale));
  const label = (id: string) => labels.get(id) ?? id;
  const awardedText = (a: Record<string, number> | null) =>
    a === null
      ? '—'
      : Object.entries(a)
          .map(([tier, n]) => `${label(tier)} ${n}`)
          .join('，');
  return (
    <div className="zp-page zp-prog">
      <h1>{t('prog.dashboard')}</h1>
      <nav className="zp-actions">
        <Link to="/programmes">{t('prog.title')}</Link>
      </nav>
      <p className="zp-muted">{t('prog.dashboardIntro')}</p>
      <div className="zp-stats">
        <Statistic title={t('prog.dash.calls')} value={totals.calls} />
        <Statistic title={t('prog.dash.open')} value={totals.open} />
        <Statistic title={t('prog.dash.closed')} value={totals.closed} />
        <Statistic title={t('prog.dash.applied')} value={totals.applied} />
        <Statistic title={t('prog.dash.decided')} value={totals.decided} />
        <Statistic title={t('prog.dash.passed')} value={totals.passed} />
        {Object.entries(totals.awarded).map(([tier, n]) => (
          <Statistic key={tier} title={`${t('prog.dash.awarded')} · ${label(tier)}`} value={n} />
        ))}
        <Statistic title={t('prog.dash.flagged')} value={totals.flagged} />
      </div>
      <section className="zp-section" aria-labelledby="dash-calls">
        <h2 id="dash-calls">{t('prog.dash.callsTitle')}</h2>
        {calls.length === 0 ? (
          <Empty description={t('prog.emptyOffice')} />
        ) : (
          <Table<Call>
            rowKey={(c) => c.programme.id}
            dataSource={calls}
            pagination={calls.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: true }}
            columns={[
              {
                title: t('prog.name'),
                render: (_, c) => (
                  <Link to={`/programmes/${c.programme.id}`}>{c.programme.title}</Link>
                ),
              },
              {
                title: t('prog.window'),
                render: (_, c) => (
                  <span>
                    {c.programme.opensOn} – {c.programme.closesOn} <WindowTag window={c.window} />
                  </span>
                ),
              },
              { title: t('prog.dash.applied'), dataIndex: 'applied' },
              { title: t('prog.dash.decided'), dataIndex: 'decided' },
              { title: t('prog.dash.passed'), dataIndex: 'passed' },
              { title: t('prog.dash.awarded'), render: (_, c) => awardedText(c.awarded) },
              { title: t('prog.dash.excellent'), render: (_, c) => c.excellent ?? '—' },
            ]}
          />
        )}
      </section>
      <section className="zp-section" aria-labelledby="dash-cultivation">
        <h2 id="dash-cultivation">{t('prog.dash.cultivation')}</h2>
        {cultivation.length === 0 ? (
          <Empty description={t('prog.dash.cultivationEmpty')} />
        ) : (
          <Table<Line>
            rowKey={(l) => `${l.chain.id}:${l.organisation.id}`}
            dataSource={cultivation}
            pagination={cultivation.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: true }}
            columns={[
              { title: t('prog.organisation'), render: (_, l) => l.organisation.name },
              {
                title: t('prog.dash.awardedIn'),
                render: (_, l) => (
                  <span>
                    <Link to={`/programmes/${l.awarded.programme}`}>{l.awarded.title}</Link>（
                    {label(l.awarded.tier)}）
                  </span>
                ),
              },
              {
                title: t('prog.dash.missed'),
                render: (_, l) =>
                  l.missed.length === 0 ? (
                    t('prog.dash.none')
                  ) : (
                    <ul className="zp-plain-list">
                      {l.missed.map((m) => (
                        <li key={m.programme}>
                          <Link to={`/programmes/${m.programme}`}>{m.title}</Link>
                        </li>
                      ))}
                    </ul>
                  ),
              },
              {
                title: t('prog.status'),
                render: (_, l) =>
                  l.flagged ? (
                    <Tag color="red">{t('prog.dash.flag', { n: l.missed.length })}</Tag>
                  ) : null,
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { HistoryEntry } from '@zhiping/api/contract';
import { formatScore, textOf } from '@zhiping/forms';
import { Empty, Select, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { keys } from '../api/queries.ts';
import { carryApi, carryKeys } from '../carry-over/api.ts';
import { useListT } from '../home/messages.ts';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { StatusTag } from '../shared/status-tag.tsx';
import { ChangesCard } from './changes-card.tsx';
import { useHistoryOf, useLinesOf } from './history-api.ts';

const TrendChart = lazy(() => import('./trend-chart.tsx'));

/**
 * A title the respondent can change in place (PATCH …/title, audited on
 * the server). An admin reads another organisation's history: the title
 * is plain text (an admin never opens an assessment).
 */
function Title({
  entry,
  definition,
  readOnly,
}: {
  entry: HistoryEntry;
  definition: string;
  readOnly: boolean;
}) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const rename = useMutation({
    mutationFn: (title: string) => carryApi.rename(entry.id, title),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: carryKeys.history(definition) });
      void queryClient.invalidateQueries({ queryKey: keys.assessments });
      void queryClient.invalidateQueries({ queryKey: keys.assessment(entry.id) });
    },
  });
  if (readOnly) return <Typography.Text>{entry.title}</Typography.Text>;
  return (
    <Typography.Text
      editable={{
        tooltip: t('history.rename'),
        triggerType: ['icon'],
        onChange: (v) => {
          const title = v.trim();
          if (title && title !== entry.title) rename.mutate(title);
        },
      }}
    >
      <Link to={`/assessments/${entry.id}/${entry.status === 'draft' ? 'fill' : 'results'}`}>
        {entry.title}
      </Link>
    </Typography.Text>
  );
}

/**
 * An organisation's history per questionnaire: every assessment and round
 * with score, tier and date; the trend of each section over the rounds; and
 * what changed since last time.
 */
export default function HistoryPage() {
  const { definition } = useParams();
  const { locale, t } = useLocale();
  const lt = useListT();
  const navigate = useNavigate();
  // An admin names the organisation (from the admin's organisation list); it stays in the URL.
  const organisation = useSearchParams()[0].get('organisation') ?? undefined;
  const keep = organisation ? `?organisation=${encodeURIComponent(organisation)}` : '';
  const lines = useLinesOf(organisation);
  const chosen = definition ?? lines.data?.[0]?.definition;
  const history = useHistoryOf(chosen, organisation);
  const trend = useMemo(() => {
    const h = history.data;
    if (!h) return null;
    const rounds = h.points.map((p) => t('history.round', { date: p.date, n: p.round }));
    const sections = h.sections.filter((s) => h.points.some((p) => p.sections[s.id] != null));
    return {
      rounds,
      series: [
        { name: t('history.total'), values: h.points.map((p) => p.score), total: true },
        ...sections.map((s) => ({
          name: textOf(s.title, locale),
          values: h.points.map((p) => {
            const r = p.sections[s.id];
            return r == null ? null : r * 100;
          }),
        })),
      ],
    };
  }, [history.data, locale, t]);
  const failed = lines.error ?? history.error;
  if (failed) return <ProblemAlert error={failed} />;
  if (!lines.data) return <Loading />;
  if (lines.data.length === 0)
    return (
      <div className="zp-page">
        <h1>{t('history.title')}</h1>
        <Empty description={t('history.empty')}>
          <Link to={organisation ? '/admin/organisations' : '/'}>
            {organisation ? t('adm.tab.organisations') : t('app.home')}
          </Link>
        </Empty>
      </div>
    );
  const h = history.data;
  return (
    <div className="zp-page zp-history">
      <div className="zp-row-between zp-wrap">
        <h1>
          {h && organisation
            ? lt('list.historyOf', { name: h.organisation.name })
            : t('history.title')}
        </h1>
        <Select
          value={chosen}
          aria-label={t('history.definition')}
          style={{ minWidth: 260, maxWidth: '100%' }}
          onChange={(v) => navigate(`/history/${encodeURIComponent(v)}${keep}`)}
          options={lines.data.map((l) => ({
            value: l.definition,
            label: `${textOf(l.title, locale)}（${l.assessments}）`,
          }))}
        />
      </div>
      {!h ? (
        <Loading />
      ) : (
        <>
          <Table<HistoryEntry>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={h.entries}
            columns={[
              {
                title: t('history.colTitle'),
                key: 'title',
                render: (_, e) => (
                  <Title entry={e} definition={h.definition.id} readOnly={Boolean(organisation)} />
                ),
              },
              {
                title: t('history.colStatus'),
                key: 'status',
                render: (_, e) => <StatusTag status={e.status} />,
              },
              { title: t('history.colDate'), dataIndex: 'asOf' },
              {
                title: t('history.colScore'),
                key: 'score',
                render: (_, e) =>
                  `${formatScore(e.score)}${e.tier ? ` · ${textOf(e.tier, locale)}` : ''}`,
              },
              {
                title: t('history.colRounds'),
                key: 'rounds',
                render: (_, e) =>
                  e.rounds.length === 0
                    ? t('history.noRounds')
                    : e.rounds
                        .map((r) =>
                          t(r.reviewed ? 'history.roundReviewed' : 'history.roundSelf', {
                            n: r.number,
                            date: r.submittedAt.slice(0, 10),
                            score: formatScore(r.score),
                          }),
                        )
                        .join('；'),
              },
            ]}
          />
          <h2 className="zp-section">{t('history.trend')}</h2>
          {h.points.length === 0 ? (
            <p className="zp-muted">{t('history.noPoints')}</p>
          ) : trend ? (
            <Suspense fallback={<Loading />}>
              <TrendChart
                rounds={trend.rounds}
                series={trend.series}
                label={t('history.trendLabel', { n: h.points.length })}
              />
            </Suspense>
          ) : null}
          {h.changes ? <ChangesCard changes={h.changes} /> : null}
        </>
      )}
    </div>
  );
}

import './dashboard.css';
import { useQuery } from '@tanstack/react-query';
import type { AdminDashboard as Dashboard } from '@zhiping/api/contract';
import { AssessmentStatus, textOf } from '@zhiping/forms';
import { Alert, Card, Grid, Table } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { EmptyState } from './empty-state.tsx';
import { listApi, listKeys } from './list-api.ts';
import { useListT } from './messages.ts';

const BarsChart = lazy(() => import('./week-chart.tsx'));
const STATUSES = AssessmentStatus.options;

type DefinitionLine = Dashboard['byDefinition'][number];
type Load = Dashboard['reviewers'][number];

/**
 * The admin's home: assessments by state and by definition, what waits
 * for a reviewer, and each reviewer's load — every figure a link to the
 * admin list filtered to it.
 */
export function AdminDashboard() {
  const { locale, t } = useLocale();
  const lt = useListT();
  const wide = Grid.useBreakpoint().md !== false;
  const dash = useQuery({ queryKey: listKeys.dashboard('admin'), queryFn: listApi.adminDashboard });
  const d = dash.data;
  const chart = useMemo(
    () =>
      d && d.reviewers.length > 0
        ? {
            categories: d.reviewers.map((r) => r.name),
            bars: [
              { name: lt('dash.open'), values: d.reviewers.map((r) => r.open) },
              { name: lt('dash.finished28'), values: d.reviewers.map((r) => r.finished) },
            ],
          }
        : null,
    [d, lt],
  );
  if (dash.isError) return <ProblemAlert error={dash.error} onRetry={() => void dash.refetch()} />;
  if (!d) return <Loading />;
  const total = STATUSES.reduce((n, s) => n + d.byStatus[s], 0);
  return (
    <div className="zp-page zp-dashboard">
      <div className="zp-row-between zp-wrap">
        <h1>{lt('dash.title')}</h1>
        <Link to="/admin/assessments">{lt('dash.toAdmin')}</Link>
      </div>
      {d.unassigned > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={
            <Link to="/admin/assessments?status=submitted">
              {lt('dash.unassigned', { n: d.unassigned })}
            </Link>
          }
        />
      ) : null}
      <Card size="small" title={lt('dash.byState')} className="zp-section">
        {total === 0 ? (
          <EmptyState title={lt('dash.empty')} hint={lt('list.emptyAdminHint')} />
        ) : (
          <dl className="zp-figures" data-testid="dash-states">
            {STATUSES.map((s) => (
              <div key={s}>
                <dt>{t(`assessmentStatus.${s}`)}</dt>
                <dd>
                  <Link to={`/admin/assessments?status=${s}`}>{d.byStatus[s]}</Link>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Card>
      <h2 className="zp-section">{lt('dash.byDefinition')}</h2>
      <Table<DefinitionLine>
        rowKey={(l) => l.definition.id}
        size="small"
        pagination={false}
        dataSource={d.byDefinition}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('col.definition'),
            key: 'definition',
            render: (_, l) => (
              <Link to={`/admin/assessments?definition=${encodeURIComponent(l.definition.id)}`}>
                {textOf(l.definition.title, locale)}
              </Link>
            ),
          },
          ...(wide ? STATUSES : (['draft', 'in_review', 'decided'] as const)).map((s) => ({
            title: t(`assessmentStatus.${s}`),
            key: s,
            align: 'right' as const,
            render: (_: unknown, l: DefinitionLine) => l.byStatus[s],
          })),
          { title: lt('dash.total'), dataIndex: 'total', align: 'right' },
        ]}
      />
      <h2 className="zp-section">{lt('dash.reviewers')}</h2>
      {d.reviewers.length === 0 ? (
        <EmptyState
          title={lt('dash.noReviewers')}
          hint={lt('list.emptyAdminHint')}
          action={<Link to="/admin/users?role=reviewer">{t('adm.tab.users')}</Link>}
        />
      ) : (
        <>
          <Table<Load>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.reviewers}
            data-testid="dash-reviewers"
            columns={[
              {
                title: t('col.name'),
                key: 'name',
                render: (_, r) => (
                  <Link to={`/admin/assessments?reviewerId=${encodeURIComponent(r.id)}`}>
                    {r.name}
                  </Link>
                ),
              },
              { title: lt('dash.open'), dataIndex: 'open', align: 'right' },
              { title: lt('dash.finished28'), dataIndex: 'finished', align: 'right' },
            ]}
          />
          {chart ? (
            <Suspense fallback={<Loading />}>
              <BarsChart
                categories={chart.categories}
                bars={chart.bars}
                label={lt('dash.reviewers')}
              />
            </Suspense>
          ) : null}
        </>
      )}
    </div>
  );
}

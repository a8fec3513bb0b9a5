import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdminAssessment } from '@zhiping/api/contract';
import { AssessmentStatus, textOf } from '@zhiping/forms';
import { Button, Grid, Table } from 'antd';
import { useDefinition, useForms } from '../api/queries.ts';
import { EmptyState } from '../home/empty-state.tsx';
import { useListT } from '../home/messages.ts';
import { SelfAndDecided } from '../home/score-cells.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { StatusTag } from '../shared/status-tag.tsx';
import { formatTime } from '../shared/text.ts';
import { adminApi, adminKeys } from './admin-api.ts';
import { ListToolbar, onSort, pagination, sortable } from './list-toolbar.tsx';
import { ReviewersEditor } from './reviewers-editor.tsx';
import { useListParams } from './use-list-params.ts';

const FILTERS = [
  'status',
  'definition',
  'tier',
  'organisationId',
  'region',
  'reviewerId',
  'from',
  'to',
] as const;
const STATUSES = AssessmentStatus.options;

/** Every assessment in every state; reviewers set per row. Titles do not link: an admin never opens one. */
export function AssessmentsTab() {
  const { locale, t } = useLocale();
  const lt = useListT();
  const list = useListParams(FILTERS);
  const key = list.params.toString();
  const page = useQuery({
    queryKey: adminKeys.assessments(key),
    queryFn: () => adminApi.assessments(list.params),
    placeholderData: keepPreviousData,
  });
  const reviewers = useQuery({
    queryKey: adminKeys.users('role=reviewer&status=active&pageSize=100'),
    queryFn: () =>
      adminApi.users(new URLSearchParams({ role: 'reviewer', status: 'active', pageSize: '100' })),
  });
  const orgs = useQuery({
    queryKey: adminKeys.organisations('pageSize=100'),
    queryFn: () => adminApi.organisations(new URLSearchParams({ pageSize: '100' })),
  });
  const forms = useForms();
  const chosen = list.get('definition');
  const tiers = useDefinition(chosen).data?.definition.tiers ?? [];
  // The regions organisations are in, each offered as a prefix (江苏省 covers its cities).
  const regions = [
    ...new Set((orgs.data?.items ?? []).flatMap((o) => (o.region ? [o.region] : []))),
  ].sort();
  const wide = Grid.useBreakpoint().md !== false;
  const hideNarrow = wide ? {} : { hidden: true };
  return (
    <>
      <ListToolbar
        list={list}
        searchLabel={t('adm.searchAssessments')}
        dates={lt('list.datesUpdated')}
        filters={[
          {
            key: 'status',
            placeholder: t('adm.anyStatus'),
            options: STATUSES.map((s) => ({ value: s, label: t(`assessmentStatus.${s}`) })),
          },
          {
            key: 'definition',
            placeholder: t('adm.anyDefinition'),
            options: (forms.data ?? []).map((d) => ({
              value: d.id,
              label: textOf(d.title, locale),
            })),
          },
          ...(chosen && tiers.length > 0
            ? [
                {
                  key: 'tier',
                  placeholder: lt('list.anyTier'),
                  options: tiers.map((x) => ({ value: x.id, label: textOf(x.label, locale) })),
                },
              ]
            : []),
          {
            key: 'organisationId',
            placeholder: t('adm.anyOrganisation'),
            options: (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
          },
          {
            key: 'region',
            placeholder: lt('list.anyRegion'),
            options: regions.map((r) => ({ value: r, label: r })),
          },
          {
            key: 'reviewerId',
            placeholder: lt('list.anyReviewer'),
            options: (reviewers.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
          },
        ]}
      />
      {page.isError ? (
        <ProblemAlert error={page.error} onRetry={() => void page.refetch()} />
      ) : null}
      <Table<AdminAssessment>
        rowKey="id"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={pagination(list, page.data?.total, t)}
        onChange={onSort(list)}
        locale={{
          emptyText: list.filtered ? (
            <EmptyState
              title={lt('list.emptyFiltered')}
              hint={lt('list.emptyFilteredHint')}
              action={<Button onClick={list.clear}>{t('adm.clearFilters')}</Button>}
            />
          ) : (
            <EmptyState title={lt('list.emptyAdmin')} hint={lt('list.emptyAdminHint')} />
          ),
        }}
        scroll={wide ? { x: 900 } : undefined}
        tableLayout={wide ? undefined : 'fixed'}
        columns={[
          {
            title: t('col.title'),
            key: 'title',
            ...sortable(list, 'title'),
            render: (_, a) => (
              <>
                <strong>{a.title}</strong>
                <div className="zp-muted zp-small">
                  {textOf(a.definition.title, locale)} · {a.organisation.name}
                </div>
                {wide ? null : <StatusTag status={a.status} />}
              </>
            ),
          },
          {
            title: t('col.status'),
            key: 'status',
            width: 100,
            ...hideNarrow,
            render: (_, a) => <StatusTag status={a.status} />,
          },
          {
            title: t('col.score'),
            key: 'score',
            width: 110,
            align: 'right',
            ...hideNarrow,
            ...sortable(list, 'score'),
            render: (_, a) => <SelfAndDecided row={a} />,
          },
          {
            title: t('col.updated'),
            key: 'updatedAt',
            width: 150,
            ...hideNarrow,
            ...sortable(list, 'updatedAt', true),
            render: (_, a) => formatTime(a.updatedAt, locale),
          },
          {
            title: t('adm.reviewers'),
            key: 'reviewers',
            width: wide ? 300 : 170,
            render: (_, a) => (
              <ReviewersEditor key={a.id} assessment={a} reviewers={reviewers.data?.items ?? []} />
            ),
          },
        ]}
      />
    </>
  );
}

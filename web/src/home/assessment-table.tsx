import { textOf } from '@zhiping/forms';
import { Grid, Progress, Table } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { onSort, pagination, sortable } from '../admin/list-toolbar.tsx';
import type { useListParams } from '../admin/use-list-params.ts';
import type { AssessmentSummary } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import { StatusTag } from '../shared/status-tag.tsx';
import { formatTime } from '../shared/text.ts';
import { useListT } from './messages.ts';
import { SelfAndDecided } from './score-cells.tsx';

interface Props {
  rows: AssessmentSummary[];
  loading: boolean;
  /** What an empty list says, with what to do about it. */
  empty: ReactNode;
  /** Where the title links to, per row. */
  href: (a: AssessmentSummary) => string;
  showOrganisation?: boolean;
  actions?: (a: AssessmentSummary) => ReactNode;
  /** A server-side list: page and sort in the URL, `total` rows in all. */
  server?: {
    list: ReturnType<typeof useListParams>;
    total: number | undefined;
    defaultSort: string;
  };
}

/** Assessments with status, score, verdict and progress; the title opens the right page. */
export function AssessmentTable({
  rows,
  loading,
  empty,
  href,
  showOrganisation,
  actions,
  server,
}: Props) {
  const { locale, t } = useLocale();
  const lt = useListT();
  // On a phone (below md, 768 px) the table keeps title, score and actions; the status
  // goes under the title, and the rest is on the assessment's own pages.
  const wide = Grid.useBreakpoint().md !== false;
  const hideNarrow = wide ? {} : { hidden: true };
  const sort = (key: string) =>
    server ? sortable(server.list, key, key === server.defaultSort) : {};
  return (
    <Table<AssessmentSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={
        server
          ? pagination(server.list, server.total, t)
          : rows.length > 20
            ? { pageSize: 20 }
            : false
      }
      onChange={server ? onSort(server.list) : undefined}
      locale={{ emptyText: empty }}
      scroll={wide ? { x: 760 } : undefined}
      tableLayout={wide ? undefined : 'fixed'}
      columns={[
        {
          title: t('col.title'),
          key: 'title',
          ...sort('title'),
          render: (_, a) => (
            <>
              <Link to={href(a)}>{a.title}</Link>
              <div className="zp-muted zp-small">{textOf(a.definition.title, locale)}</div>
              {wide ? null : <StatusTag status={a.status} />}
            </>
          ),
        },
        ...(showOrganisation
          ? [
              {
                title: t('col.organisation'),
                key: 'org',
                ...hideNarrow,
                render: (_: unknown, a: AssessmentSummary) => a.organisation.name,
              },
            ]
          : []),
        {
          title: t('col.status'),
          key: 'status',
          width: 96,
          ...hideNarrow,
          render: (_, a) => <StatusTag status={a.status} />,
        },
        {
          title: t('col.score'),
          key: 'score',
          width: wide ? 110 : 76,
          align: 'right',
          ...sort('score'),
          render: (_, a) => <SelfAndDecided row={a} />,
        },
        {
          title: t('col.verdict'),
          key: 'verdict',
          width: 120,
          ...hideNarrow,
          render: (_, a) => (a.verdict === null ? '—' : textOf(a.verdict, locale)),
        },
        {
          title: t('col.progress'),
          key: 'progress',
          width: 140,
          ...hideNarrow,
          render: (_, a) =>
            a.progress ? (
              <Progress
                size="small"
                // A progress bar needs a name (axe: aria-progressbar-name): the column's.
                aria-label={t('col.progress')}
                percent={
                  a.progress.applicable
                    ? Math.round((a.progress.answered / a.progress.applicable) * 100)
                    : 0
                }
                format={() => `${a.progress?.answered}/${a.progress?.applicable}`}
              />
            ) : (
              '—'
            ),
        },
        server?.defaultSort === 'submittedAt'
          ? {
              title: lt('list.col.submitted'),
              key: 'submittedAt',
              width: 150,
              ...hideNarrow,
              ...sort('submittedAt'),
              render: (_, a) => (a.submittedAt ? formatTime(a.submittedAt, locale) : '—'),
            }
          : {
              title: t('col.updated'),
              key: 'updatedAt',
              width: 150,
              ...hideNarrow,
              ...sort('updatedAt'),
              render: (_, a) => formatTime(a.updatedAt, locale),
            },
        ...(actions
          ? [
              {
                title: t('col.actions'),
                key: 'actions',
                width: 110,
                className: 'zp-nowrap',
                render: (_: unknown, a: AssessmentSummary) => actions(a),
              },
            ]
          : []),
      ]}
    />
  );
}

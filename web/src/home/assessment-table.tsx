import { textOf } from '@zhiping/forms';
import { Grid, Progress, Table } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AssessmentSummary } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ScoreCell } from '../review/score-pair.tsx';
import { StatusTag } from '../shared/status-tag.tsx';
import { formatTime } from '../shared/text.ts';

interface Props {
  rows: AssessmentSummary[];
  loading: boolean;
  empty: string;
  /** Where the title links to, per row. */
  href: (a: AssessmentSummary) => string;
  showOrganisation?: boolean;
  actions?: (a: AssessmentSummary) => ReactNode;
}

/** Assessments with status, score, verdict and progress; the title opens the right page. */
export function AssessmentTable({ rows, loading, empty, href, showOrganisation, actions }: Props) {
  const { locale, t } = useLocale();
  // On a phone (below md, 768 px) the table keeps title, score and actions; the status
  // goes under the title, and the rest is on the assessment's own pages.
  const wide = Grid.useBreakpoint().md !== false;
  const hideNarrow = wide ? {} : { hidden: true };
  return (
    <Table<AssessmentSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: empty }}
      scroll={wide ? { x: 760 } : undefined}
      tableLayout={wide ? undefined : 'fixed'}
      columns={[
        {
          title: t('col.title'),
          key: 'title',
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
          width: wide ? 80 : 56,
          align: 'right',
          render: (_, a) => <ScoreCell row={a} />,
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
        {
          title: t('col.updated'),
          key: 'updated',
          width: 150,
          ...hideNarrow,
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

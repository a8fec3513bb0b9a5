import { formatScore, textOf } from '@zhiping/forms';
import { Progress, Table } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AssessmentSummary } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
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
  return (
    <Table<AssessmentSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: empty }}
      scroll={{ x: 760 }}
      columns={[
        {
          title: t('col.title'),
          key: 'title',
          render: (_, a) => (
            <>
              <Link to={href(a)}>{a.title}</Link>
              <div className="zp-muted zp-small">{textOf(a.definition.title, locale)}</div>
            </>
          ),
        },
        ...(showOrganisation
          ? [
              {
                title: t('col.organisation'),
                key: 'org',
                render: (_: unknown, a: AssessmentSummary) => a.organisation.name,
              },
            ]
          : []),
        {
          title: t('col.status'),
          key: 'status',
          width: 96,
          render: (_, a) => <StatusTag status={a.status} />,
        },
        {
          title: t('col.score'),
          key: 'score',
          width: 80,
          align: 'right',
          render: (_, a) => (a.score === null ? '—' : formatScore(a.score)),
        },
        {
          title: t('col.verdict'),
          key: 'verdict',
          width: 120,
          render: (_, a) => (a.verdict === null ? '—' : textOf(a.verdict, locale)),
        },
        {
          title: t('col.progress'),
          key: 'progress',
          width: 140,
          render: (_, a) =>
            a.progress ? (
              <Progress
                size="small"
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

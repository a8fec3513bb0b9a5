import { useQuery } from '@tanstack/react-query';
import { Tabs } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../api/queries.ts';
import { AssessmentTable } from '../home/assessment-table.tsx';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { reviewApi, reviewKeys } from './review-api.ts';
import type { QueueRow } from './types.ts';

const TABS = ['pending', 'returned', 'decided'] as const;
type Tab = (typeof TABS)[number];

/** Which tab a row belongs to: a review I finished waits for the lead, so it stays under 待评审. */
export function tabOf(row: QueueRow): Tab {
  const state = row.review.state;
  if (state === 'returned' || row.status === 'returned') return 'returned';
  if (state === 'decided' || row.status === 'decided') return 'decided';
  return 'pending';
}

/** Only work still mine is 评审; everything else is looked at (查看), never refused. */
const actionOf = (row: QueueRow): 'review' | 'view' =>
  tabOf(row) === 'pending' && row.review.state !== 'finished' ? 'review' : 'view';

/** A reviewer's queue in three tabs: 待评审 / 已退回 / 已决定. */
export default function ReviewerQueue() {
  const t = useT();
  const me = useMe().data;
  const queue = useQuery({ queryKey: reviewKeys.queue('all'), queryFn: () => reviewApi.queue() });
  const rows: QueueRow[] = queue.data ?? [];
  return (
    <div className="zp-page">
      <div className="zp-row-between">
        <h1>{t('home.queue')}</h1>
        {me ? <Link to={`/reviewers/${me.id}/agreement`}>{t('agreement.mine')}</Link> : null}
      </div>
      {queue.isError ? (
        <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : null}
      <Tabs
        items={TABS.map((tab) => {
          const mine = rows.filter((r) => tabOf(r) === tab);
          return {
            key: tab,
            label: `${t(`queue.${tab}`)} (${mine.length})`,
            children: (
              <AssessmentTable
                rows={mine}
                loading={queue.isPending}
                empty={t(`queue.empty.${tab}`)}
                href={(a) => `/assessments/${a.id}/review`}
                showOrganisation
                actions={(a) => {
                  const row = mine.find((r) => r.id === a.id);
                  return (
                    <Link to={`/assessments/${a.id}/review`}>
                      {row && actionOf(row) === 'review' ? t('home.review') : t('queue.view')}
                    </Link>
                  );
                }}
              />
            ),
          };
        })}
      />
    </div>
  );
}

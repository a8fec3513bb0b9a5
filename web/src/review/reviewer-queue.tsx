import type { QueueTab } from '@zhiping/api/contract';
import { textOf } from '@zhiping/forms';
import { Button, Tabs } from 'antd';
import { Link } from 'react-router';
import { ListToolbar } from '../admin/list-toolbar.tsx';
import { useListParams } from '../admin/use-list-params.ts';
import { useForms, useMe } from '../api/queries.ts';
import { AssessmentTable } from '../home/assessment-table.tsx';
import { EmptyState } from '../home/empty-state.tsx';
import { useQueuePage } from '../home/list-api.ts';
import { useListT } from '../home/messages.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import type { QueueRow } from './types.ts';

const TABS = ['pending', 'returned', 'decided'] as const satisfies readonly QueueTab[];
type Tab = QueueTab;
const FILTERS = ['definition', 'from', 'to'] as const;
const FIXED = ['tab'] as const;

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

/**
 * A reviewer's queue in three tabs: 待评审 / 已退回 / 已决定. The tab,
 * search, filters, sort and page are in the URL and applied by the server;
 * each tab shows how many rows it holds under the same filters.
 */
export default function ReviewerQueue() {
  const { locale, t } = useLocale();
  const lt = useListT();
  const me = useMe().data;
  const list = useListParams(FILTERS, FIXED);
  const tab: Tab = TABS.find((x) => x === list.get('tab')) ?? 'pending';
  const queue = useQueuePage(list.params);
  const forms = useForms();
  const rows: QueueRow[] = queue.data?.items ?? [];
  const counts = queue.data?.counts;
  return (
    <div className="zp-page">
      <div className="zp-row-between zp-wrap">
        <h1>{t('home.queue')}</h1>
        {me ? <Link to={`/reviewers/${me.id}/agreement`}>{t('agreement.mine')}</Link> : null}
      </div>
      <ListToolbar
        list={list}
        searchLabel={lt('list.search')}
        dates={lt('list.datesSubmitted')}
        filters={[
          {
            key: 'definition',
            placeholder: lt('list.anyDefinition'),
            options: (forms.data ?? []).map((d) => ({
              value: d.id,
              label: textOf(d.title, locale),
            })),
          },
        ]}
      />
      {queue.isError ? (
        <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => list.set({ tab: k === 'pending' ? null : k })}
        items={TABS.map((key) => ({
          key,
          label: counts ? `${t(`queue.${key}`)} (${counts[key]})` : t(`queue.${key}`),
          children:
            key !== tab ? null : (
              <AssessmentTable
                rows={rows}
                loading={queue.isFetching}
                empty={
                  list.filtered ? (
                    <EmptyState
                      title={lt('list.emptyFiltered')}
                      hint={lt('list.emptyFilteredHint')}
                      action={<Button onClick={list.clear}>{t('adm.clearFilters')}</Button>}
                    />
                  ) : (
                    <EmptyState title={t(`queue.empty.${key}`)} hint={lt('list.emptyQueueHint')} />
                  )
                }
                href={(a) => `/assessments/${a.id}/review`}
                showOrganisation
                server={{ list, total: queue.data?.total, defaultSort: 'submittedAt' }}
                actions={(a) => {
                  const row = rows.find((r) => r.id === a.id);
                  return (
                    <Link to={`/assessments/${a.id}/review`}>
                      {row && actionOf(row) === 'review' ? t('home.review') : t('queue.view')}
                    </Link>
                  );
                }}
              />
            ),
        }))}
      />
    </div>
  );
}

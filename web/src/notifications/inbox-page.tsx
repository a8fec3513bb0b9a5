import '../review/review.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import type { Notification } from '../review/types.ts';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { formatTime } from '../shared/text.ts';
import { notificationKeys, notificationsApi } from './notifications-api.ts';

/** Where a notification leads: a reviewer to the console, a respondent to what to do next. */
export function targetOf(n: Notification): string {
  const base = `/assessments/${n.assessment.id}`;
  if (n.kind === 'assigned' || n.kind === 'resubmitted') return `${base}/review`;
  if (n.kind === 'returned') return `${base}/returned`;
  return `${base}/results`;
}

/** The inbox: assigned, returned, resubmitted, decided — newest first; opening one marks it read. */
export default function InboxPage() {
  const { locale, t } = useLocale();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: notificationKeys.list,
    queryFn: () => notificationsApi.list(),
  });
  const read = useMutation({
    mutationFn: (ids?: number[]) => notificationsApi.read(ids),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  if (list.isError) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Loading />;
  const { items, unread } = list.data;
  return (
    <div className="zp-page">
      <div className="zp-row-between">
        <h1>{t('inbox.title')}</h1>
        {unread > 0 ? (
          <Button onClick={() => read.mutate(undefined)} loading={read.isPending}>
            {t('inbox.readAll')}
          </Button>
        ) : null}
      </div>
      {items.length === 0 ? <Empty description={t('inbox.empty')} /> : null}
      <ul className="zp-inbox">
        {items.map((n) => (
          <li
            key={n.id}
            className={`zp-inbox-item ${n.readAt ? 'zp-read' : 'zp-unread'}`}
            data-notification={n.kind}
          >
            <Link to={targetOf(n)} onClick={() => (n.readAt ? undefined : read.mutate([n.id]))}>
              {t(`inbox.kind.${n.kind}`, { title: n.assessment.title, actor: n.actor.name })}
            </Link>
            <div className="zp-muted zp-small">
              {n.readAt ? null : <strong>{t('inbox.new')} · </strong>}
              <time dateTime={n.at}>{formatTime(n.at, locale)}</time>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

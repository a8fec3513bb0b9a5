import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/endpoints.ts';
import { keys } from '../api/queries.ts';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { AssessmentTable } from './assessment-table.tsx';

/** A reviewer's home: what is assigned to them. */
export function ReviewerHome() {
  const t = useT();
  const queue = useQuery({ queryKey: keys.queue, queryFn: api.queue });
  return (
    <div className="zp-page">
      <h1>{t('home.queue')}</h1>
      {queue.isError ? (
        <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : null}
      <AssessmentTable
        rows={queue.data ?? []}
        loading={queue.isPending}
        empty={t('home.emptyQueue')}
        href={(a) => `/assessments/${a.id}/review`}
        showOrganisation
        actions={(a) => <Link to={`/assessments/${a.id}/review`}>{t('home.review')}</Link>}
      />
    </div>
  );
}

import './review.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { compile, textOf } from '@zhiping/forms';
import { Alert, Button } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { keys, useAssessment, useDefinition } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { ReplyBox } from './reply-box.tsx';
import { reviewApi, reviewKeys } from './review-api.ts';

/**
 * Where a respondent lands when the review was returned: the reviewer's
 * reasons, each item's comment with a reply box, and the way back into the
 * questionnaire to change the answers and resubmit.
 */
export default function ReturnedPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const assessment = useAssessment(id);
  const form = useDefinition(assessment.data?.definition.ref);
  const console_ = useQuery({
    queryKey: reviewKeys.console(id),
    queryFn: () => reviewApi.console(id),
  });
  const compiled = useMemo(() => (form.data ? compile(form.data.definition) : null), [form.data]);
  const reopen = useMutation({
    mutationFn: (revision: number) => api.reopen(id, revision),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.assessment(id) });
      void queryClient.invalidateQueries({ queryKey: keys.assessments });
      navigate(`/assessments/${id}/fill`);
    },
  });
  for (const q of [assessment, form, console_])
    if (q.isError) return <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!assessment.data || !compiled || !console_.data) return <Loading />;
  const a = assessment.data;
  const commented = console_.data.items.filter((ci) => ci.thread.length > 0);
  return (
    <div className="zp-page">
      <h1>
        {t('returned.title')}
        {t('app.colon')}
        {a.title}
      </h1>
      <Alert
        type="warning"
        showIcon
        title={t('returned.reasons')}
        description={<p data-testid="return-reasons">{a.decision?.comment ?? '—'}</p>}
      />
      <div className="zp-actions">
        {a.can.reopen ? (
          <Button
            type="primary"
            onClick={() => reopen.mutate(a.revision)}
            loading={reopen.isPending}
          >
            {t('returned.reopen')}
          </Button>
        ) : a.can.edit ? (
          <Link to={`/assessments/${id}/fill`}>{t('returned.toQuestionnaire')}</Link>
        ) : null}
        <Link to={`/assessments/${id}/results`}>{t('q.toResults')}</Link>
      </div>
      {reopen.isError ? <ProblemAlert error={reopen.error} /> : null}
      <h2>{t('returned.items', { n: commented.length })}</h2>
      <ol className="zp-review-list">
        {commented.map((ci) => {
          const index = compiled.itemIndex.get(ci.item);
          const item = index === undefined ? undefined : compiled.items[index]?.item;
          const latest = ci.thread[ci.thread.length - 1];
          if (!item || !latest) return null;
          return (
            <li key={ci.item} className="zp-review-row" data-returned-item={ci.item}>
              <div>
                {item.clause ? <span className="zp-clause">{item.clause}</span> : null}{' '}
                {textOf(item.prompt, locale)}
              </div>
              <ReplyBox assessmentId={id} item={ci.item} reply={latest} idBase={`ret-${index}`} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo } from 'react';
import { Link, Navigate, useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { keys, useAssessment, useDefinition } from '../api/queries.ts';
import type { AssessmentDetail } from '../api/types.ts';
import { FillSources, PendingNotice, ProblemAlert } from '../app/later.tsx';
import { useT } from '../i18n/locale.tsx';
import { ReviewCommentsProvider, wasReturned } from '../review/questionnaire-comments.tsx';
import { Alert, Button, Space } from '../shared/antd.tsx';
import { Loading } from '../shared/loading.tsx';
import { Questionnaire, type QuestionnaireClient } from './questionnaire.tsx';

/**
 * The real API. A save answers only what changed (revision, score,
 * progress): the cached assessment takes it, so coming back to it shows
 * the saved state without fetching the whole assessment again.
 */
const clientFor = (queryClient: QueryClient): QuestionnaireClient => ({
  save: async (id, body) => {
    const saved = await api.save(id, body);
    queryClient.setQueryData<AssessmentDetail>(keys.assessment(id), (old) =>
      old
        ? {
            ...old,
            revision: saved.revision,
            updatedAt: saved.updatedAt,
            score: saved.score,
            verdict: saved.verdict,
            progress: saved.progress,
          }
        : old,
    );
    return saved;
  },
  submit: (id, revision) => api.submit(id, revision),
  assessment: (id) => api.assessment(id),
  uploadFile: (id, file, onProgress) => api.uploadFile(id, file, onProgress),
});

/** Loads the assessment and the exact definition version it is pinned to, then the questionnaire. */
export default function QuestionnairePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const assessment = useAssessment(id);
  const form = useDefinition(assessment.data?.definition.ref, assessment.data?.definitionHash);
  const client = useMemo(() => clientFor(queryClient), [queryClient]);
  // The step lives in the URL: deep links, Back/Forward between steps, a reload stays put.
  const [search, setSearch] = useSearchParams();
  const onStep = useCallback(
    (step: string) => setSearch({ step }, { preventScrollReset: true }),
    [setSearch],
  );
  // Leaving drops the cached copy: coming back reads what the server now has.
  useEffect(
    () => () => {
      void queryClient.invalidateQueries({ queryKey: keys.assessment(id) });
      void queryClient.invalidateQueries({ queryKey: keys.assessments });
    },
    [queryClient, id],
  );
  if (assessment.isError)
    return <ProblemAlert error={assessment.error} onRetry={() => void assessment.refetch()} />;
  if (form.isError) return <ProblemAlert error={form.error} onRetry={() => void form.refetch()} />;
  if (!assessment.data || !form.data) return <Loading />;
  const a = assessment.data;
  // Returned: the reviewer's reasons come first (reopening from there leads back here).
  if (!a.can.edit && a.status === 'returned')
    return <Navigate to={`/assessments/${a.id}/returned`} replace />;
  if (!a.can.edit) return <NotEditable assessment={a} />;
  return (
    <ReviewCommentsProvider assessmentId={a.id} enabled={wasReturned(a)}>
      <PendingNotice id={a.id} />
      <Suspense fallback={null}>
        <FillSources assessment={a.id} />
      </Suspense>
      <Questionnaire
        key={a.id}
        definition={form.data.definition}
        assessment={a}
        client={client}
        step={search.get('step')}
        onStep={onStep}
        item={search.get('item')}
        onItem={rememberItem}
        LeaveGuard={LeaveGuard}
        onSubmitted={() => {
          void queryClient.invalidateQueries({ queryKey: keys.assessment(a.id) });
          void queryClient.invalidateQueries({ queryKey: keys.assessments });
          navigate(`/assessments/${a.id}/results`, { state: { submitted: true } });
        }}
        onReloaded={(fresh) => queryClient.setQueryData(keys.assessment(a.id), fresh)}
      />
    </ReviewCommentsProvider>
  );
}

/**
 * Records the question being answered in the URL (`&item=`) without a
 * render: the router's own entry is rewritten in place, so a reload comes
 * back to it while answering costs nothing.
 */
function rememberItem(itemId: string) {
  const url = new URL(window.location.href);
  if (url.searchParams.get('item') === itemId) return;
  url.searchParams.set('item', itemId);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * The leave dialog's code (antd Modal) is kept out of the first paint but
 * fetched as soon as the questionnaire is up: it is needed precisely when the
 * server may no longer answer. Should it still fail to load, the browser's
 * own confirm asks instead.
 */
const leaveDialog = () => import('./confirm-leave.ts');

/** Asks before leaving inside the app while changes cannot be sent (offline, conflict, invalid). */
function LeaveGuard({ blocking }: { blocking: boolean }) {
  const t = useT();
  // Moving between steps of this questionnaire is never blocked.
  const blocker = useBlocker(
    ({ currentLocation: a, nextLocation: b }) => blocking && a.pathname !== b.pathname,
  );
  useEffect(() => {
    void leaveDialog().catch(() => {});
  }, []);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const title = t('save.leaveTitle');
    const content = t('save.leave');
    leaveDialog().then(
      ({ confirmLeave }) =>
        confirmLeave({
          title,
          content,
          okText: t('save.go'),
          cancelText: t('save.stay'),
          onOk: () => blocker.proceed(),
          onCancel: () => blocker.reset(),
        }),
      () => (window.confirm(`${title}\n${content}`) ? blocker.proceed() : blocker.reset()),
    );
  }, [blocker, t]);
  return null;
}

/** Submitted, in review or decided: say so, and offer what the caller may do. */
function NotEditable({ assessment: a }: { assessment: AssessmentDetail }) {
  const t = useT();
  const queryClient = useQueryClient();
  const reopen = useMutation({
    mutationFn: () => api.reopen(a.id, a.revision),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.assessment(a.id) }),
  });
  return (
    <div className="zp-page">
      <h1>{a.title}</h1>
      <Alert
        type="info"
        showIcon
        title={t('q.readOnly', { status: t(`assessmentStatus.${a.status}`) })}
      />
      {reopen.isError ? <ProblemAlert error={reopen.error} /> : null}
      <Space className="zp-actions">
        <Link to={`/assessments/${a.id}/results`}>{t('q.toResults')}</Link>
        {a.can.reopen ? (
          <Button onClick={() => reopen.mutate()} loading={reopen.isPending}>
            {t('q.reopen')}
          </Button>
        ) : null}
      </Space>
    </div>
  );
}

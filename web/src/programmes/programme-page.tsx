import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAssessments } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { Applicants } from './applicants.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import { RollupView } from './rollup-view.tsx';
import { TitleChecks, TitleRules } from './title-rules.tsx';
import { WindowTag } from './window-tag.tsx';

/** One call: its settings; the applicant's apply/withdraw, or the office's applicants, ranking and roll-up. */
export default function ProgrammePage() {
  const { id = '' } = useParams();
  const { t } = useLocale();
  const view = useQuery({ queryKey: programmeKeys.one(id), queryFn: () => programmesApi.one(id) });
  if (view.isError) return <ProblemAlert error={view.error} onRetry={() => void view.refetch()} />;
  if (view.isPending) return <Loading />;
  const { programme: p, window } = view.data;
  return (
    <div className="zp-page zp-prog">
      <h1>
        {p.title} <WindowTag window={window} />
      </h1>
      <nav className="zp-actions">
        <Link to="/programmes">{t('prog.title')}</Link>
        {view.data.as === 'office' ? (
          <Link to="/programmes/dashboard">{t('prog.dashboard')}</Link>
        ) : null}
      </nav>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('prog.window')}>
          {p.opensOn} – {p.closesOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('prog.region')}>{p.region || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('prog.definition')}>
          {p.definitionId}@{p.definitionVersion}
        </Descriptions.Item>
        <Descriptions.Item label={t('prog.kinds')}>
          {p.eligibleKinds.map((k) => t(`orgKind.${k}`)).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('prog.titles')}>
          <TitleRules view={view.data} />
        </Descriptions.Item>
      </Descriptions>
      {view.data.as === 'office' ? (
        <>
          {window !== 'closed' ? <CloseEarly id={id} /> : null}
          <Applicants id={id} closesOn={p.closesOn} />
          <RollupView id={id} definitionRef={`${p.definitionId}@${p.definitionVersion}`} />
        </>
      ) : (
        <ApplyPanel view={view.data} />
      )}
    </div>
  );
}

type View = Awaited<ReturnType<typeof programmesApi.one>>;

function ApplyPanel({ view }: { view: View }) {
  const { t } = useLocale();
  const { programme: p, window, application } = view;
  const mine = useAssessments();
  const [existing, setExisting] = useState<string>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
  const apply = useMutation({
    mutationFn: (assessment?: string) =>
      programmesApi.apply(p.id, assessment ? { assessment } : {}),
    onSuccess: (r) => {
      refresh();
      navigate(`/assessments/${r.assessment}/fill`);
    },
  });
  const withdraw = useMutation({
    mutationFn: () => programmesApi.withdraw(p.id),
    onSuccess: refresh,
  });
  const live = application && !application.withdrawnAt ? application : null;
  const candidates = (mine.data ?? []).filter(
    (a) => a.definition.id === p.definitionId && a.definition.version === p.definitionVersion,
  );
  return (
    <section className="zp-section" aria-labelledby="apply-title">
      <h2 id="apply-title">{t('prog.apply')}</h2>
      {apply.isError ? <ProblemAlert error={apply.error} /> : null}
      {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
      <TitleChecks view={view} />
      {live ? (
        <Space wrap>
          <span>{t('prog.applied')}</span>
          <Link to={`/assessments/${live.assessmentId}/fill`}>{t('prog.toAssessment')}</Link>
          {window !== 'closed' ? (
            <Popconfirm title={t('prog.withdrawConfirm')} onConfirm={() => withdraw.mutate()}>
              <Button danger loading={withdraw.isPending}>
                {t('prog.withdraw')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : window === 'open' && !view.ineligible.includes('title') ? (
        <Space wrap>
          <Button type="primary" loading={apply.isPending} onClick={() => apply.mutate(undefined)}>
            {t('prog.applyNew')}
          </Button>
          {candidates.length > 0 ? (
            <>
              <Select
                aria-label={t('prog.applyWith')}
                placeholder={t('prog.applyWith')}
                style={{ minWidth: 240 }}
                value={existing}
                onChange={setExisting}
                options={candidates.map((a) => ({ value: a.id, label: a.title }))}
              />
              <Button disabled={!existing} onClick={() => apply.mutate(existing)}>
                {t('prog.apply')}
              </Button>
            </>
          ) : null}
        </Space>
      ) : window === 'open' ? null : (
        <p className="zp-muted">{t(`prog.window.${window}`)}</p>
      )}
    </section>
  );
}

/** The office ends its call now (with a confirmation): the ranking can then be made. */
function CloseEarly({ id }: { id: string }) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => programmesApi.close(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: programmeKeys.all }),
  });
  return (
    <div className="zp-actions">
      {close.isError ? <ProblemAlert error={close.error} /> : null}
      <Popconfirm title={t('prog.closeConfirm')} onConfirm={() => close.mutate()}>
        <Button loading={close.isPending}>{t('prog.close')}</Button>
      </Popconfirm>
    </div>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { textOf } from '@zhiping/forms';
import { Button, Radio, Space } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { keys, useAssessment } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { carryApi, usePreview, useTargets } from './api.ts';
import { ReportView } from './report-view.tsx';

/**
 * "Start from this one": which questionnaire (the same again, or one a
 * mapping leads to — the 2023 edition, the enterprise programme), the
 * carry-over report, and only then the new draft. The choice is in the
 * URL (`?to=`), so the report can be linked to and reloaded.
 */
export default function CarryOverPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const source = useAssessment(id);
  const targets = useTargets(id);
  const first = targets.data?.[0]?.definition;
  const to = search.get('to') ?? first;
  const preview = usePreview(id, to ?? undefined);
  const start = useMutation({
    mutationFn: () => carryApi.start(id, to ?? ''),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: keys.assessments });
      navigate(
        r.report.pending.length > 0
          ? `/assessments/${r.assessment}/confirm`
          : `/assessments/${r.assessment}/fill`,
      );
    },
  });
  const failed = source.error ?? targets.error;
  if (failed) return <ProblemAlert error={failed} />;
  if (!source.data || !targets.data) return <Loading />;
  return (
    <div className="zp-page zp-carry">
      <h1>{t('carry.title', { title: source.data.title })}</h1>
      <p className="zp-muted">{t('carry.intro')}</p>
      {targets.data.length === 0 ? <p>{t('carry.none')}</p> : null}
      <Radio.Group
        value={to}
        onChange={(e) => setSearch({ to: String(e.target.value) }, { replace: true })}
        aria-label={t('carry.choose')}
      >
        <Space direction="vertical">
          {targets.data.map((x) => (
            <Radio key={x.definition} value={x.definition}>
              {x.kind === 'previous'
                ? t('carry.again', { title: textOf(x.title, locale) })
                : t('carry.into', { title: textOf(x.title, locale) })}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      {preview.isError ? <ProblemAlert error={preview.error} /> : null}
      {preview.data ? <ReportView report={preview.data} /> : to ? <Loading /> : null}
      {start.isError ? <ProblemAlert error={start.error} /> : null}
      <div className="zp-row-between zp-section">
        <Link to="/">{t('app.back')}</Link>
        <Button
          type="primary"
          disabled={!preview.data}
          loading={start.isPending}
          onClick={() => start.mutate()}
        >
          {t('carry.start')}
        </Button>
      </div>
    </div>
  );
}

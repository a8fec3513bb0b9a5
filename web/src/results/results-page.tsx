import { compile, textOf } from '@zhiping/forms';
import { Button, Radio, Space } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { reportUrl } from '../api/endpoints.ts';
import { useAssessment, useDefinition } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ScorePair } from '../review/score-pair.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { StatusTag } from '../shared/status-tag.tsx';
import { DecisionCard } from './decision-card.tsx';
import { GapList } from './gap-list.tsx';
import { NextTier } from './next-tier.tsx';
import { VerdictCard } from './verdict-card.tsx';

const SectionChart = lazy(() => import('./section-chart.tsx'));

/** The verdict and why, section scores, gaps by cost, the next tier, the review decision, reports. */
export default function ResultsPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const assessment = useAssessment(id);
  const form = useDefinition(assessment.data?.definition.ref);
  const [view, setView] = useState<'reviewed' | 'self'>('reviewed');
  const compiled = useMemo(() => (form.data ? compile(form.data.definition) : null), [form.data]);
  if (assessment.isError)
    return <ProblemAlert error={assessment.error} onRetry={() => void assessment.refetch()} />;
  if (!assessment.data) return <Loading />;
  const a = assessment.data;
  const reviewed = a.reviewedResult;
  const result = view === 'reviewed' && reviewed ? reviewed : a.result;
  const bars = result.sections
    .filter((s) => s.parent === null && s.visible && s.ratio !== null)
    .map((s) => ({ label: textOf(s.title, locale), value: (s.ratio ?? 0) * 100 }));
  return (
    <div className="zp-page">
      <div className="zp-row-between zp-wrap">
        <div>
          <h1>
            {t('result.title')}
            {t('app.colon')}
            {a.title}
          </h1>
          <div className="zp-muted">
            {textOf(a.definition.title, locale)} · <StatusTag status={a.status} />
          </div>
        </div>
        <Space wrap>
          {a.can.edit ? (
            <Button onClick={() => navigate(`/assessments/${a.id}/fill`)}>
              {t('result.edit')}
            </Button>
          ) : null}
          <a href={reportUrl(a.id, 'pdf')} download>
            {t('result.pdf')}
          </a>
          <a href={reportUrl(a.id, 'xlsx')} download>
            {t('result.xlsx')}
          </a>
        </Space>
      </div>
      {reviewed ? (
        <Radio.Group
          className="zp-section"
          optionType="button"
          name="result-view"
          value={view}
          onChange={(e) => setView(e.target.value)}
          options={[
            { value: 'reviewed', label: t('result.reviewed') },
            { value: 'self', label: t('result.selfAssessed') },
          ]}
        />
      ) : null}
      {a.status === 'decided' && reviewed ? (
        <ScorePair reviewed={reviewed.total.score} self={a.result.total.score} />
      ) : null}
      {a.decision ? <DecisionCard assessment={a} compiled={compiled} /> : null}
      <div className="zp-results-grid">
        <VerdictCard result={result} definition={compiled?.definition} />
        <section className="zp-card" aria-labelledby="sections-title">
          <h2 id="sections-title" className="zp-panel-title">
            {t('result.sections')}
          </h2>
          <Suspense fallback={<Loading />}>
            <SectionChart
              bars={bars}
              label={bars.map((b) => `${b.label} ${b.value.toFixed(0)}`).join('；')}
            />
          </Suspense>
        </section>
      </div>
      <NextTier result={result} compiled={compiled} />
      <GapList result={result} compiled={compiled} />
    </div>
  );
}

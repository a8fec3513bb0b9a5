import { useQueryClient } from '@tanstack/react-query';
import { compile, formatScore, textOf, verdictLabel } from '@zhiping/forms';
import { Alert } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { keys, useAssessment, useDefinition } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { topOf } from '../questionnaire/steps.ts';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { StatusTag } from '../shared/status-tag.tsx';
import { DecisionForm } from './decision-form.tsx';
import { ItemReviewRow } from './item-review-row.tsx';

/** The review console: every item that applied, self-assessment beside judgement, then the decision. */
export default function ReviewPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const queryClient = useQueryClient();
  const assessment = useAssessment(id);
  const form = useDefinition(assessment.data?.definition.ref);
  const compiled = useMemo(() => (form.data ? compile(form.data.definition) : null), [form.data]);
  if (assessment.isError) return <ProblemAlert error={assessment.error} />;
  if (form.isError) return <ProblemAlert error={form.error} />;
  if (!assessment.data || !compiled || !form.data) return <Loading />;
  const a = assessment.data;
  const self = a.result;
  const reviewed = a.reviewedResult;
  const canJudge = a.can.judge;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.assessment(id) });
  const reviews = new Map(a.reviews.map((r) => [r.item, r]));
  // Items grouped under their top-level section, only those the respondent was asked.
  const groups = new Map<string, typeof compiled.items>();
  for (const ci of compiled.items) {
    if (!self.items[ci.index]?.visible) continue;
    const top = topOf(compiled, ci.section);
    groups.set(top, [...(groups.get(top) ?? []), ci]);
  }
  return (
    <div className="zp-page">
      <h1>
        {t('review.title')}
        {t('app.colon')}
        {a.title}
      </h1>
      <div className="zp-muted">
        {a.organisation.name} · {textOf(a.definition.title, locale)} ·{' '}
        <StatusTag status={a.status} />
      </div>
      <p>
        {t('result.selfAssessed')} <strong>{formatScore(self.total.score)}</strong> ·{' '}
        {verdictLabel(self, locale)}
        {reviewed ? (
          <>
            {' '}
            → {t('result.reviewed')}{' '}
            <strong data-testid="reviewed-score">{formatScore(reviewed.total.score)}</strong> ·{' '}
            {verdictLabel(reviewed, locale)}
          </>
        ) : null}{' '}
        <Link to={`/assessments/${a.id}/results`}>{t('q.toResults')}</Link>
      </p>
      {!canJudge ? <Alert type="info" showIcon title={t('review.cannot')} /> : null}
      {[...groups.entries()].map(([sectionId, items], i) => {
        const section = compiled.sections.find((s) => s.section.id === sectionId)?.section;
        return (
          <details key={sectionId} className="zp-review-section" open={i < 2}>
            <summary>
              <h2 className="zp-inline">{textOf(section?.title, locale)}</h2>{' '}
              <span className="zp-muted">({items.length})</span>
            </summary>
            <ol className="zp-review-list">
              {items.map((ci) => {
                const res = self.items[ci.index];
                if (!res) return null;
                return (
                  <ItemReviewRow
                    key={ci.item.id}
                    assessmentId={a.id}
                    item={ci.item}
                    res={res}
                    answer={a.answers[ci.item.id]}
                    definition={form.data.definition}
                    derived={self.derived}
                    review={reviews.get(ci.item.id)}
                    onSaved={refresh}
                    disabled={!canJudge}
                  />
                );
              })}
            </ol>
          </details>
        );
      })}
      {a.decision ? (
        <Alert
          type={a.decision.outcome === 'approve' ? 'success' : 'warning'}
          showIcon
          title={`${t('result.decision')}${t('app.colon')}${t(`decision.${a.decision.outcome}`)}`}
          description={a.decision.comment}
        />
      ) : a.can.decide ? (
        <DecisionForm assessmentId={a.id} onDone={refresh} />
      ) : null}
    </div>
  );
}

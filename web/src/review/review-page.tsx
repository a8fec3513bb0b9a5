import './review.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { compile, formatScore, textOf, verdictLabel } from '@zhiping/forms';
import { Alert, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { keys, useAssessment, useDefinition } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { topOf } from '../questionnaire/steps.ts';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { StatusTag } from '../shared/status-tag.tsx';
import { AgreementFigures } from './agreement-figures.tsx';
import {
  type ConsoleFilter,
  FILTERS,
  gateItemIds,
  matches,
  progressOf,
} from './console-filters.ts';
import { DecisionForm } from './decision-form.tsx';
import { evidenceFiles } from './evidence-files.ts';
import { FinishReview } from './finish-review.tsx';
import { reviewApi, reviewKeys } from './review-api.ts';
import { ReviewRow } from './review-row.tsx';
import { SectionBlock } from './section-block.tsx';
import type { ConsoleItem } from './types.ts';
import { useBelowHeader } from './use-below-header.ts';
import { modeOf, useReviewConsole } from './use-review-console.ts';

/** The review console: each applicable item, self-assessment beside judgement, then the decision. */
export default function ReviewPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const queryClient = useQueryClient();
  const assessment = useAssessment(id);
  const form = useDefinition(assessment.data?.definition.ref);
  const { query: console_, record, refresh } = useReviewConsole(id);
  const [filter, setFilter] = useState<ConsoleFilter>('all');
  const toolbar = useBelowHeader();
  // The items a filter showed when it was chosen: judging one under 未评 must not make it
  // vanish while the reviewer is still typing its reason.
  const [shownIds, setShownIds] = useState<ReadonlySet<string> | null>(null);
  const compiled = useMemo(() => (form.data ? compile(form.data.definition) : null), [form.data]);
  const gateItems = useMemo(
    () => (compiled ? gateItemIds(compiled) : new Set<string>()),
    [compiled],
  );
  const c = console_.data;
  const showAgreement = Boolean(c?.othersVisible && c.reviewers.length > 1);
  const agreement = useQuery({
    queryKey: reviewKeys.agreement(id),
    queryFn: () => reviewApi.agreement(id),
    enabled: showAgreement,
  });
  for (const q of [assessment, form, console_])
    if (q.isError) return <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!assessment.data || !compiled || !form.data || !c) return <Loading />;
  const a = assessment.data;
  const self = a.result;
  const reviewed = a.reviewedResult;
  const closed = a.status === 'decided' || a.status === 'returned';
  const mode = modeOf(c, closed);
  const afterChange = () => {
    refresh();
    void queryClient.invalidateQueries({ queryKey: keys.assessment(id) });
  };
  const byItem = new Map(c.items.map((ci) => [ci.item, ci]));
  const ctx = {
    hasEvidence: (item: string) => evidenceFiles(a.answers[item]).length > 0,
    gateItems,
  };
  // Items under their top-level section, in the definition's order; only those the console lists.
  const groups = new Map<string, { ci: ConsoleItem; index: number }[]>();
  for (const item of compiled.items) {
    const ci = byItem.get(item.item.id);
    if (!ci) continue;
    const top = topOf(compiled, item.section);
    groups.set(top, [...(groups.get(top) ?? []), { ci, index: item.index }]);
  }
  const progress = progressOf(c.items);
  return (
    <div className="zp-page">
      <h1>
        {t('review.title')}
        {t('app.colon')}
        {a.title}
      </h1>
      <div className="zp-muted">
        {a.organisation.name} · {textOf(a.definition.title, locale)} ·{' '}
        <StatusTag status={a.status} /> · {t('review.round', { round: c.round })}
      </div>
      <p>
        {t('result.selfAssessed')} <strong>{formatScore(self.total.score)}</strong> ·{' '}
        {verdictLabel(self, locale)}
        {reviewed ? (
          <>
            {' '}
            → {a.status === 'decided' ? t('review.decidedScore') : t('review.previewScore')}{' '}
            <strong data-testid="reviewed-score">{formatScore(reviewed.total.score)}</strong> ·{' '}
            {verdictLabel(reviewed, locale)}
          </>
        ) : null}
      </p>
      <nav className="zp-actions" aria-label={t('review.links')}>
        <Link to={`/assessments/${a.id}/results`}>{t('q.toResults')}</Link>
        <Link to={`/assessments/${a.id}/audit`}>{t('audit.title')}</Link>
      </nav>
      <ReviewState status={a.status} mode={mode} finished={c.me?.finishedAt ?? null} />
      {showAgreement && agreement.data?.agreement ? (
        <AgreementFigures agreement={agreement.data.agreement} />
      ) : null}
      <div className="zp-review-toolbar" ref={toolbar}>
        <span role="status" data-testid="review-progress">
          {t('review.progress', { judged: progress.judged, total: progress.total })}
          {progress.recheck > 0 ? ` · ${t('review.recheckCount', { n: progress.recheck })}` : ''}
        </span>
        <Segmented<ConsoleFilter>
          aria-label={t('review.filter')}
          value={filter}
          onChange={(f) => {
            setFilter(f);
            setShownIds(
              f === 'all'
                ? null
                : new Set(c.items.filter((ci) => matches(f, ci, ctx)).map((ci) => ci.item)),
            );
          }}
          options={FILTERS.map((f) => ({ value: f, label: t(`review.filter.${f}`) }))}
        />
      </div>
      {[...groups.entries()].map(([sectionId, rows], i) => {
        const shown = rows.filter((r) => shownIds === null || shownIds.has(r.ci.item));
        if (shown.length === 0) return null;
        return (
          <SectionBlock
            key={sectionId}
            assessmentId={a.id}
            section={compiled.sections.find((s) => s.section.id === sectionId)?.section}
            items={rows.map((r) => r.ci)}
            canBulk={mode === 'judge'}
            // Open where there is something to look at: the first sections, and any with
            // a disagreement to settle or a judgement to recheck.
            open={
              filter !== 'all' ||
              i < 2 ||
              rows.some((r) => r.ci.disagreement || r.ci.mine?.state === 'needs-recheck')
            }
            onBulkDone={afterChange}
          >
            {shown.map(({ ci, index }) => {
              const item = compiled.items[index];
              const res = self.items[index];
              if (!item || !res) return null;
              return (
                <ReviewRow
                  key={ci.item}
                  assessmentId={a.id}
                  ci={ci}
                  item={item.item}
                  res={res}
                  answer={a.answers[ci.item]}
                  definition={form.data.definition}
                  derived={self.derived}
                  mode={mode}
                  onSaved={(j) => {
                    record(j, mode === 'settle' ? 'final' : 'mine');
                    // The reviewed preview beside the self score follows each judgement.
                    void queryClient.invalidateQueries({ queryKey: keys.assessment(id) });
                  }}
                />
              );
            })}
          </SectionBlock>
        );
      })}
      {mode === 'judge' && c.reviewers.length > 1 ? (
        <FinishReview
          assessmentId={a.id}
          left={progress.total - progress.judged}
          onDone={afterChange}
        />
      ) : null}
      {a.decision ? (
        <Alert
          type={a.decision.outcome === 'approve' ? 'success' : 'info'}
          showIcon
          title={`${t('result.decision')}${t('app.colon')}${t(`decision.${a.decision.outcome}`)}`}
          description={a.decision.comment}
        />
      ) : a.can.decide && mode !== 'read' ? (
        <DecisionForm
          assessmentId={a.id}
          unjudged={progress.total - progress.judged}
          onDone={afterChange}
        />
      ) : null}
    </div>
  );
}

/** Where this review stands, worded as a state — never as a refusal. */
function ReviewState({
  status,
  mode,
  finished,
}: {
  status: string;
  mode: 'judge' | 'settle' | 'read';
  finished: string | null;
}) {
  const { t } = useLocale();
  if (status === 'decided')
    return <Alert type="success" showIcon title={t('review.state.decided')} />;
  if (status === 'returned')
    return <Alert type="info" showIcon title={t('review.state.returned')} />;
  if (mode === 'settle') return <Alert type="info" showIcon title={t('review.state.settle')} />;
  if (finished !== null) return <Alert type="info" showIcon title={t('review.state.finished')} />;
  return null;
}

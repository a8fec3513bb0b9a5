import { useMutation, useQuery } from '@tanstack/react-query';
import { DecisionOutcome, formatScore, textOf } from '@zhiping/forms';
import { Alert, Button, Checkbox, Input, Modal, Radio } from 'antd';
import { useRef, useState } from 'react';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { reviewApi, reviewKeys } from './review-api.ts';

interface Props {
  assessmentId: string;
  /** Applicable items not yet judged this round (what 其余各项均同意 would cover). */
  unjudged: number;
  onDone: () => void;
}

/**
 * The decision, made deliberately: no outcome is preselected; approving
 * with items unjudged needs the explicit 其余各项均同意; the confirmation
 * shows the score and tier that will be frozen before anything is sent;
 * the send button is disabled while one is on its way (and the API treats
 * a repeat as the same decision).
 */
export function DecisionForm({ assessmentId, unjudged, onDone }: Props) {
  const { locale, t } = useLocale();
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [agreeRest, setAgreeRest] = useState(false);
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const sent = useRef(false);
  const rest = outcome === 'approve' && unjudged > 0 && agreeRest;
  const preview = useQuery({
    queryKey: reviewKeys.preview(assessmentId, outcome ?? 'approve', rest),
    queryFn: () => reviewApi.preview(assessmentId, outcome ?? 'approve', rest),
    enabled: confirming && outcome !== null,
  });
  const decide = useMutation({
    mutationFn: () =>
      reviewApi.decide(assessmentId, {
        outcome: outcome ?? 'approve',
        comment: comment.trim(),
        agreeRest: rest,
      }),
    onSuccess: () => {
      setConfirming(false);
      onDone();
    },
    // Only a failed send may be sent again; a decision made stays made.
    onError: () => {
      sent.current = false;
    },
  });
  const send = () => {
    // A second click before React re-renders the disabled button sends nothing.
    if (sent.current) return;
    sent.current = true;
    decide.mutate();
  };
  const blocked =
    outcome === null ||
    (outcome === 'approve' && unjudged > 0 && !agreeRest) ||
    (outcome === 'return' && !comment.trim());
  const p = preview.data;
  return (
    <section className="zp-card" aria-labelledby="decision-form-title">
      <h2 id="decision-form-title" className="zp-panel-title">
        {t('review.decision')}
      </h2>
      <div role="radiogroup" aria-labelledby="decision-form-title">
        <Radio.Group
          name="decision-outcome"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
        >
          {DecisionOutcome.options.map((o) => (
            <Radio key={o} value={o}>
              {t(`decision.${o}`)}
            </Radio>
          ))}
        </Radio.Group>
      </div>
      {outcome === 'approve' && unjudged > 0 ? (
        <div className="zp-agree-rest">
          <Checkbox checked={agreeRest} onChange={(e) => setAgreeRest(e.target.checked)}>
            {t('review.agreeRest', { n: unjudged })}
          </Checkbox>
          {!agreeRest ? (
            <div className="zp-muted zp-small">{t('review.unjudgedLeft', { n: unjudged })}</div>
          ) : null}
        </div>
      ) : null}
      <label htmlFor="decision-comment">
        {outcome === 'return' ? t('review.returnReasons') : t('review.decisionComment')}
      </label>
      <Input.TextArea
        id="decision-comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={4000}
      />
      <div className="zp-actions">
        <Button type="primary" disabled={blocked} onClick={() => setConfirming(true)}>
          {t('review.decide')}
        </Button>
      </div>
      <Modal
        open={confirming}
        title={t('review.confirmTitle', { outcome: outcome ? t(`decision.${outcome}`) : '' })}
        onCancel={() => setConfirming(false)}
        footer={[
          <Button key="cancel" onClick={() => setConfirming(false)} disabled={decide.isPending}>
            {t('review.cancel')}
          </Button>,
          <Button
            key="send"
            type="primary"
            onClick={send}
            loading={decide.isPending}
            disabled={decide.isPending || !p || !p.allowed}
          >
            {t('review.confirmSend')}
          </Button>,
        ]}
      >
        {preview.isError ? <ProblemAlert error={preview.error} /> : null}
        {preview.isPending ? <Loading /> : null}
        {p ? (
          <div data-testid="decision-preview">
            <p>
              {t('review.finalScore')}
              {t('app.colon')}
              <strong data-testid="preview-score">{formatScore(p.score)}</strong>
              {p.verdict ? ` · ${textOf(p.verdict, locale)}` : ''}
            </p>
            <p className="zp-muted">
              {t('result.selfAssessed')}
              {t('app.colon')}
              {formatScore(p.selfScore)}
              {p.selfVerdict ? ` · ${textOf(p.selfVerdict, locale)}` : ''}
            </p>
            <p>{t('review.previewJudged', { judged: p.judged, applicable: p.applicable })}</p>
            {p.agreeRest ? <p>{t('review.agreeRestNote', { n: p.unjudged.length })}</p> : null}
            {p.observations.length > 0 ? (
              <p data-testid="preview-observations">
                {t('review.previewObservations', { n: p.observations.length })}
              </p>
            ) : null}
            {!p.allowed ? (
              <Alert
                type="warning"
                showIcon
                title={t('review.unjudgedLeft', { n: p.unjudged.length })}
              />
            ) : null}
          </div>
        ) : null}
        {decide.isError ? <ProblemAlert error={decide.error} /> : null}
      </Modal>
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { DecisionOutcome } from '@zhiping/forms';
import { Alert, Button, Input, Radio } from 'antd';
import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';

/** Approve, or return with what to change (the API requires a comment to return). */
export function DecisionForm({
  assessmentId,
  onDone,
}: {
  assessmentId: string;
  onDone: () => void;
}) {
  const t = useT();
  const [outcome, setOutcome] = useState<DecisionOutcome>('approve');
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: () => api.decide(assessmentId, outcome, comment.trim()),
    onSuccess: onDone,
  });
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
      <label htmlFor="decision-comment">{t('review.decisionComment')}</label>
      <Input.TextArea
        id="decision-comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={4000}
      />
      {decide.isError ? <ProblemAlert error={decide.error} /> : null}
      {decide.isSuccess ? <Alert type="success" showIcon title={t('review.decided')} /> : null}
      <div className="zp-actions">
        <Button type="primary" onClick={() => decide.mutate()} loading={decide.isPending}>
          {t('review.decide')}
        </Button>
      </div>
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { Button, Popconfirm } from 'antd';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { reviewApi } from './review-api.ts';

/**
 * "I have finished": locks my judgements of this round and, once every
 * reviewer has finished, lets the others' judgements be seen (blind until then).
 */
export function FinishReview({
  assessmentId,
  left,
  onDone,
}: {
  assessmentId: string;
  left: number;
  onDone: () => void;
}) {
  const t = useT();
  const finish = useMutation({
    mutationFn: () => reviewApi.finish(assessmentId),
    onSuccess: onDone,
  });
  return (
    <section className="zp-card" aria-labelledby="finish-title">
      <h2 id="finish-title" className="zp-panel-title">
        {t('review.finishTitle')}
      </h2>
      <p className="zp-muted">
        {left > 0 ? t('review.finishLeft', { n: left }) : t('review.finishHint')}
      </p>
      <Popconfirm
        title={t('review.finishConfirm')}
        onConfirm={() => finish.mutate()}
        disabled={left > 0}
      >
        <Button type="primary" disabled={left > 0 || finish.isPending} loading={finish.isPending}>
          {t('review.finish')}
        </Button>
      </Popconfirm>
      {finish.isError ? <ProblemAlert error={finish.error} /> : null}
    </section>
  );
}

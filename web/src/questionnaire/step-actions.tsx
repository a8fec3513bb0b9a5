import { Button } from 'antd';
import { memo } from 'react';
import type { Translate } from '../i18n/locale.tsx';

interface Props {
  prev: string | undefined;
  next: string | undefined;
  /** Where "next" leads after the last section: the check-and-submit step, if allowed. */
  review: string | undefined;
  onGo: (id: string) => void;
  t: Translate;
}

/** Previous / next (or "check and submit") under the questions. */
export const StepActions = memo(function StepActions({ prev, next, review, onGo, t }: Props) {
  return (
    <div className="zp-actions">
      {prev ? <Button onClick={() => onGo(prev)}>{t('q.prev')}</Button> : <span />}
      {next ? (
        <Button type="primary" onClick={() => onGo(next)}>
          {t('q.next')}
        </Button>
      ) : review ? (
        <Button type="primary" onClick={() => onGo(review)}>
          {t('q.review')}
        </Button>
      ) : null}
    </div>
  );
});

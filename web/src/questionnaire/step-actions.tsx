import { memo } from 'react';
import type { Translate } from '../i18n/locale.tsx';
import { Button } from '../shared/button.tsx';

/** Out of sight, out of the tab order and the accessibility tree; its place kept. */
const GONE = { visibility: 'hidden' } as const;

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
      {/* Always mounted (hidden on the first step): swapping an antd Button in and out on
          every step change cost a section switch more than showing the kept step. */}
      <Button style={prev ? undefined : GONE} onClick={() => (prev ? onGo(prev) : undefined)}>
        {t('q.prev')}
      </Button>
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

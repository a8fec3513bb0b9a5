import { AssessmentStatus } from '@zhiping/forms';
import { useState } from 'react';
import { Alert, Button } from '../app/antd-theme.tsx';
import type { Translate } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';

interface Props {
  /** The assessment's state as the refusal named it (e.g. 'submitted'). */
  status: string | null;
  unsaved: number;
  onReload: () => Promise<void>;
  t: Translate;
}

/**
 * A save was refused because the assessment is no longer a draft (submitted
 * in another tab, taken into review). Not a conflict to merge: say so, keep
 * the typed answers on screen, and offer the current state.
 */
export function LockedBanner({ status, unsaved, onReload, t }: Props) {
  const [busy, setBusy] = useState(false);
  const state = AssessmentStatus.safeParse(status);
  const [error, setError] = useState<unknown>(null);
  const reload = async () => {
    setBusy(true);
    setError(null);
    try {
      await onReload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="zp-conflict"
      title={t('locked.title')}
      description={
        <>
          <p>
            {t('locked.body', {
              status: state.success ? t(`assessmentStatus.${state.data}`) : (status ?? '?'),
              n: unsaved,
            })}
          </p>
          <Button type="primary" loading={busy} onClick={() => void reload()}>
            {t('locked.reload')}
          </Button>
          {error ? <ProblemAlert error={error} /> : null}
        </>
      }
    />
  );
}

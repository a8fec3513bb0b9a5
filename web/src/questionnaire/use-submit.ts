import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { Translate } from '../i18n/locale.tsx';
import { type Missing, missingFromProblem } from './missing.ts';
import type { Autosave } from './use-autosave.ts';

/**
 * Submits after saving what is pending, with the revision that save left.
 * A 422 lists what the server still misses; it joins the client's own list.
 */
export function useSubmit(opts: {
  autosave: Pick<Autosave, 'flush' | 'revisionNow'>;
  submit: (revision: number) => Promise<unknown>;
  onDone: () => void;
  t: Translate;
}) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [serverMissing, setServerMissing] = useState<Missing[]>([]);

  const run = async () => {
    setSubmitting(true);
    setError(null);
    setServerMissing([]);
    try {
      if (!(await opts.autosave.flush())) throw new Error(opts.t('submit.saveFirst'));
      await opts.submit(opts.autosave.revisionNow());
      opts.onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setServerMissing(missingFromProblem(e));
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  return { run, submitting, error, serverMissing };
}

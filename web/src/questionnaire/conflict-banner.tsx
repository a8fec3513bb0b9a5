import { type Answers, type Compiled, textOf } from '@zhiping/forms';
import { useState } from 'react';
import { Alert, Button, Space } from '../app/antd-theme.tsx';
import type { Locale, Translate } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';

interface Props {
  revision: number | null;
  unsaved: Answers;
  compiled: Compiled;
  /** Reloads the server copy; with `reapply`, puts the unsaved changes back on top. */
  onResolve: (reapply: boolean) => Promise<void>;
  locale: Locale;
  t: Translate;
}

/**
 * A stale write (409) was refused. Say so plainly, show what was not saved,
 * and let the respondent choose: keep their changes on top of the newer
 * copy, or take the newer copy as it is. Nothing is overwritten silently.
 */
export function ConflictBanner({ revision, unsaved, compiled, onResolve, locale, t }: Props) {
  const [busy, setBusy] = useState<'reapply' | 'discard' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ids = Object.keys(unsaved);
  const resolve = async (reapply: boolean) => {
    setBusy(reapply ? 'reapply' : 'discard');
    setError(null);
    try {
      await onResolve(reapply);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const promptOf = (id: string) => {
    const i = compiled.itemIndex.get(id);
    const item = i === undefined ? undefined : compiled.items[i]?.item;
    return item ? textOf(item.prompt, locale) : id;
  };
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="zp-conflict"
      title={t('conflict.title')}
      description={
        <>
          <p>{t('conflict.body', { revision: revision ?? '?', n: ids.length })}</p>
          {ids.length > 0 ? (
            <details>
              <summary>{t('conflict.changes')}</summary>
              <ul>
                {ids.map((id) => (
                  <li key={id}>
                    {promptOf(id)}
                    {unsaved[id] === null ? ` ${t('conflict.cleared')}` : ''}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <Space wrap>
            <Button type="primary" loading={busy === 'reapply'} onClick={() => resolve(true)}>
              {t('conflict.reapply')}
            </Button>
            <Button danger loading={busy === 'discard'} onClick={() => resolve(false)}>
              {t('conflict.discard')}
            </Button>
          </Space>
          {error ? <ProblemAlert error={error} /> : null}
        </>
      }
    />
  );
}

import { Alert, Button } from 'antd';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/locale.tsx';

/** An error as the API explained it: the problem's title, its detail and any field errors. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const api = error instanceof ApiError ? error : null;
  const title = api?.status === 0 ? t('problem.network') : (api?.problem.title ?? t('app.error'));
  const detail = api?.problem.detail ?? (api ? undefined : String(error));
  const fields = api?.problem.errors ?? [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        detail || fields.length > 0 ? (
          <>
            {detail ? <p>{detail}</p> : null}
            {fields.length > 0 ? (
              <ul>
                {fields.map((f) => (
                  <li key={`${f.path}|${f.message}`}>
                    {f.path ? <code>{f.path}</code> : null} {f.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

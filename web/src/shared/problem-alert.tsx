import { ApiError } from '../api/client.ts';
import { Alert, Button } from '../app/antd-theme.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { fieldErrorText } from './field-error.ts';

/**
 * An error as the API explained it: the problem's title, its detail and any
 * field errors. Themed wherever it shows (app/antd-theme.tsx: the questionnaire has
 * no antd theme around it).
 */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { locale, t } = useLocale();
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
                    {f.path ? <code>{f.path}</code> : null} {fieldErrorText(f, locale)}
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

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { keys, useMe } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';

/** Only same-site paths: `?next=` must not send anyone off to another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { locale, setLocale, t } = useLocale();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const login = useMutation({
    mutationFn: () => api.login(email.trim(), password),
    onSuccess: (user) => {
      queryClient.clear();
      queryClient.setQueryData(keys.me, user);
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  const emailError = touched && !email.trim() ? t('login.emailRequired') : null;
  const passwordError = touched && !password ? t('login.passwordRequired') : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (email.trim() && password) login.mutate();
  };
  const problem = login.error instanceof ApiError ? login.error.problem : null;
  return (
    <main className="zp-login" id="main">
      <form className="zp-login-card" onSubmit={onSubmit} noValidate>
        <div className="zp-login-top">
          <h1>{t('login.title')}</h1>
          <Button
            size="small"
            type="text"
            autoInsertSpace={false}
            onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
          >
            {t('app.language')}
          </Button>
        </div>
        <p className="zp-muted">{t('app.tagline')}</p>
        <label htmlFor="login-email">{t('login.email')}</label>
        <Input
          id="login-email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={Boolean(emailError) || undefined}
          aria-describedby={emailError ? 'login-email-error' : undefined}
          autoFocus
        />
        {emailError ? (
          <p id="login-email-error" className="zp-error">
            {emailError}
          </p>
        ) : null}
        <label htmlFor="login-password">{t('login.password')}</label>
        <Input.Password
          id="login-password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={Boolean(passwordError) || undefined}
          aria-describedby={passwordError ? 'login-password-error' : undefined}
        />
        {passwordError ? (
          <p id="login-password-error" className="zp-error">
            {passwordError}
          </p>
        ) : null}
        {login.isError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={problem?.status === 0 ? t('problem.network') : t('login.failed')}
            description={problem?.detail ?? problem?.title ?? String(login.error)}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={login.isPending} block>
          {t('login.submit')}
        </Button>
      </form>
    </main>
  );
}

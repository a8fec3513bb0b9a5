import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from 'react-router';
import { api } from '../api/endpoints.ts';
import { keys, useMe } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { UnreadLink } from '../notifications/unread-link.tsx';
import { Button } from '../shared/button.tsx';

/** The header every signed-in page shares: who is signed in, the language switch, sign out. */
export function Layout() {
  const { locale, setLocale, t } = useLocale();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = async () => {
    try {
      await api.logout();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(keys.me, null);
      navigate('/login');
    }
  };
  return (
    <>
      <a className="zp-skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="zp-header">
        <Link to="/" className="zp-brand">
          <strong>{t('app.name')}</strong>
          <span className="zp-brand-tag">{t('app.tagline')}</span>
        </Link>
        <div className="zp-header-right">
          {me ? (
            <span className="zp-user">
              {me.name} · {t(`role.${me.role}`)}
              <span className="zp-org"> · {me.organisation.name}</span>
            </span>
          ) : null}
          {me && me.role !== 'reviewer' ? (
            <Link to="/programmes" className="zp-header-link">
              {t('prog.nav')}
            </Link>
          ) : null}
          <UnreadLink signedIn={Boolean(me)} />
          <Button
            size="small"
            onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
            lang={locale === 'zh' ? 'en' : 'zh-CN'}
          >
            {t('app.language')}
          </Button>
          <Button size="small" onClick={() => void logout()}>
            {t('app.logout')}
          </Button>
        </div>
      </header>
      <main id="main" className="zp-main">
        <Outlet />
      </main>
    </>
  );
}

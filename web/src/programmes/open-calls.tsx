import './programmes.css';
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';

/**
 * On a respondent's home: a link to the dashboard when the organisation runs
 * calls (an office), and the calls open to its organisation that it has
 * not applied to yet, each a link to apply. Nothing when there are none.
 */
export function OpenCalls() {
  const { t } = useLocale();
  const list = useQuery({ queryKey: programmeKeys.all, queryFn: programmesApi.list });
  // An office (it runs calls) finds its dashboard here, on its home.
  const runs = (list.data ?? []).some((v) => v.as === 'office');
  const open = (list.data ?? []).filter(
    (v) =>
      v.as === 'applicant' && v.window === 'open' && !(v.application && !v.application.withdrawnAt),
  );
  const dashboard = runs ? (
    <p className="zp-section">
      <Link to="/programmes/dashboard">{t('prog.dashboard')}</Link>
      <span className="zp-muted">：{t('prog.dashboardIntro')}</span>
    </p>
  ) : null;
  if (open.length === 0) return dashboard;
  return (
    <>
      {dashboard}
      <Alert
        type="info"
        showIcon
        className="zp-section"
        message={t('prog.openTitle')}
        description={
          <ul className="zp-plain-list">
            {open.map((v) => (
              <li key={v.programme.id}>
                <Link to={`/programmes/${v.programme.id}`}>{v.programme.title}</Link>（
                {v.programme.ownerName}，{v.programme.opensOn} – {v.programme.closesOn}）
              </li>
            ))}
          </ul>
        }
      />
    </>
  );
}

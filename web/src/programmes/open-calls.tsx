import './programmes.css';
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';

/**
 * On a respondent's home: the calls open to its organisation that it has
 * not applied to yet, each a link to apply. Nothing when there are none.
 */
export function OpenCalls() {
  const { t } = useLocale();
  const list = useQuery({ queryKey: programmeKeys.all, queryFn: programmesApi.list });
  const open = (list.data ?? []).filter(
    (v) =>
      v.as === 'applicant' && v.window === 'open' && !(v.application && !v.application.withdrawnAt),
  );
  if (open.length === 0) return null;
  return (
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
  );
}

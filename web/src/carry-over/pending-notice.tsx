import './carry-over.css';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/locale.tsx';
import { usePending } from './api.ts';

/** On a draft started from an earlier assessment: how many carried answers still wait, and where. */
export function PendingNotice({ id }: { id: string }) {
  const t = useT();
  const pending = usePending(id);
  const n = Object.keys(pending.data?.items ?? {}).length;
  if (n === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="zp-pending-notice"
      message={t('carry.confirmWhy', { n })}
      action={<Link to={`/assessments/${id}/confirm`}>{t('carry.confirmGo')}</Link>}
    />
  );
}

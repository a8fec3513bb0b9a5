import { Spin } from 'antd';
import { useT } from '../i18n/locale.tsx';

export function Loading() {
  const t = useT();
  return (
    <div className="zp-loading" role="status" aria-live="polite">
      <Spin />
      <span>{t('app.loading')}</span>
    </div>
  );
}

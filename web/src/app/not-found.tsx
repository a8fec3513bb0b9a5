import { Link } from 'react-router';
import { useT } from '../i18n/locale.tsx';

export function NotFound() {
  const t = useT();
  return (
    <div className="zp-page">
      <h1>{t('app.notFound')}</h1>
      <Link to="/">{t('app.home')}</Link>
    </div>
  );
}

import { useT } from '../i18n/locale.tsx';

/*
 * antd's spinner (four dots turning), drawn in styles.css: this is the
 * first thing every page shows, and antd's Spin would bring antd's style
 * engine into every page's first paint, the questionnaire's included.
 */
export function Loading() {
  const t = useT();
  return (
    <div className="zp-loading" role="status" aria-live="polite">
      <span className="zp-spin" aria-hidden="true">
        <i />
        <i />
        <i />
        <i />
      </span>
      <span>{t('app.loading')}</span>
    </div>
  );
}

import type { ReviewAgreement } from '@zhiping/forms';
import { useT } from '../i18n/locale.tsx';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
const k = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/**
 * Percent agreement and kappa, worded for a reader who is not a
 * statistician: "—" where a figure is undefined (fewer than two reviewers,
 * nothing judged by all, or everyone gave the same status everywhere).
 */
export function AgreementFigures({ agreement: a }: { agreement: ReviewAgreement }) {
  const t = useT();
  return (
    <dl className="zp-agreement" data-testid="agreement">
      <div>
        <dt>{t('agreement.percent')}</dt>
        <dd data-testid="agreement-percent">{pct(a.percent)}</dd>
      </div>
      <div>
        <dt>{a.method === 'fleiss' ? t('agreement.fleiss') : t('agreement.cohen')}</dt>
        <dd data-testid="agreement-kappa">{k(a.kappa)}</dd>
      </div>
      <div>
        <dt>{t('agreement.weighted')}</dt>
        <dd>{k(a.status.linear)}</dd>
      </div>
      <div>
        <dt>{t('agreement.applicability')}</dt>
        <dd>{pct(a.applicability.percent)}</dd>
      </div>
      <div className="zp-muted zp-small">
        {t('agreement.basis', { raters: a.raters, items: a.items, incomplete: a.incomplete })}
      </div>
    </dl>
  );
}

import { useT } from '../i18n/locale.tsx';
import type { Judgement } from './types.ts';

/** Every reviewer's own judgement of one item, for the lead to settle a disagreement. */
export function JudgementsSideBySide({ judgements }: { judgements: readonly Judgement[] }) {
  const t = useT();
  return (
    <table className="zp-side-by-side">
      <caption className="zp-muted zp-small">{t('review.sideBySide')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.reviewer')}</th>
          <th scope="col">{t('review.judgement')}</th>
          <th scope="col">{t('review.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {judgements.map((j) => (
          <tr key={j.reviewer.id}>
            <th scope="row">{j.reviewer.name}</th>
            <td>
              {j.verdict === 'agree' || j.status === null
                ? t('reviewVerdict.agree')
                : `${t('reviewVerdict.override')} → ${t(`itemStatus.${j.status}`)}${
                    j.points !== null ? ` (${j.points})` : ''
                  }`}
            </td>
            <td>{j.reason ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

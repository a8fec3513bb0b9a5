import { answerText, type Definition, type Item, type ScoreResult } from '@zhiping/forms';
import { useLocale } from '../i18n/locale.tsx';
import type { ItemChange as Change, ThreadEntry } from './types.ts';

/** What the respondent changed in this item since the last round: old → new answer, evidence in and out. */
export function ItemChange({
  change,
  item,
  definition,
  derived,
}: {
  change: Change;
  item: Item;
  definition: Definition;
  derived?: ScoreResult['derived'] | undefined;
}) {
  const { locale, t } = useLocale();
  const text = (v: unknown) =>
    v === null
      ? t('review.noAnswer')
      : answerText(item, v, { scales: definition.scales, derived, locale });
  return (
    <div className="zp-review-change">
      <div className="zp-small">
        <strong>{t('review.changed')}</strong>
        {t('app.colon')}
        <del>{text(change.before)}</del> → <ins>{text(change.after)}</ins>
      </div>
      {change.evidenceAdded.length > 0 ? (
        <div className="zp-small">
          {t('review.evidenceAdded')}
          {t('app.colon')}
          {change.evidenceAdded.map((f) => f.name).join(t('list.sep'))}
        </div>
      ) : null}
      {change.evidenceRemoved.length > 0 ? (
        <div className="zp-small">
          {t('review.evidenceRemoved')}
          {t('app.colon')}
          {change.evidenceRemoved.map((f) => f.name).join(t('list.sep'))}
        </div>
      ) : null}
    </div>
  );
}

/** The reviewer's earlier comments on this item and what the respondent replied. */
export function ReplyThread({ replies }: { replies: readonly ThreadEntry[] }) {
  const { t } = useLocale();
  if (replies.length === 0) return null;
  return (
    <ul className="zp-review-replies">
      {replies.map((r) => (
        <li key={`${r.round}-${r.reviewer.id}`}>
          <div className="zp-small">
            {t('review.commentOfRound', { round: r.round })}
            {t('app.colon')}
            {r.comment}
          </div>
          <div className="zp-small">
            {t('review.reply')}
            {t('app.colon')}
            {r.reply ? r.reply.text : <span className="zp-muted">{t('review.noReply')}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}

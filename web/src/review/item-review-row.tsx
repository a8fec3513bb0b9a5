import { useMutation } from '@tanstack/react-query';
import {
  answerText,
  type Definition,
  type Item,
  type ItemResult,
  JudgedStatus,
  ReviewVerdict,
  type ScoreResult,
  textOf,
} from '@zhiping/forms';
import { Button, Input, InputNumber, Radio, Tag } from 'antd';
import { useState } from 'react';
import { api, fileUrl } from '../api/endpoints.ts';
import type { ItemReview, ItemReviewBody } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { UnverifiedTag } from '../shared/unverified-tag.tsx';

/** The uploaded files an evidence answer cites, for the reviewer to open. */
const evidenceFiles = (v: unknown): { id: string; name: string }[] => {
  const files = (v as { files?: unknown } | null)?.files;
  return Array.isArray(files)
    ? files.filter(
        (f): f is { id: string; name: string } =>
          typeof f?.id === 'string' && typeof f?.name === 'string',
      )
    : [];
};

interface Props {
  assessmentId: string;
  item: Item;
  res: ItemResult;
  answer: unknown;
  definition: Definition;
  /** Derived values as scored, for computed items' answers. */
  derived?: ScoreResult['derived'] | undefined;
  review: ItemReview | undefined;
  onSaved: () => void;
  disabled: boolean;
}

/**
 * One item of the review: what the respondent answered (and their
 * evidence) beside the reviewer's judgement — agree, or override with a
 * status, points for a partial, and the reason the API requires.
 */
export function ItemReviewRow(p: Props) {
  const { locale, t } = useLocale();
  const { item, res } = p;
  const [verdict, setVerdict] = useState<ReviewVerdict>(p.review?.verdict ?? 'agree');
  const [status, setStatus] = useState<JudgedStatus | undefined>(p.review?.status ?? undefined);
  const [points, setPoints] = useState<number | null>(p.review?.points ?? null);
  const [reason, setReason] = useState(p.review?.reason ?? '');
  const [comment, setComment] = useState(p.review?.comment ?? '');
  const save = useMutation({
    mutationFn: () => {
      const body: ItemReviewBody = { verdict };
      if (verdict === 'override') {
        if (status) body.status = status;
        if (status === 'partial' && points !== null) body.points = points;
        if (reason.trim()) body.reason = reason.trim();
      }
      if (comment.trim()) body.comment = comment.trim();
      return api.review(p.assessmentId, item.id, body);
    },
    onSuccess: p.onSaved,
  });
  const base = `r-${item.id.replace(/\./g, '_')}`;
  return (
    <li className="zp-review-row" data-review-item={item.id}>
      <div className="zp-review-self">
        <div className="zp-item-head">
          {item.clause ? <span className="zp-clause">{item.clause}</span> : null}
          <span id={`${base}-prompt`} className="zp-prompt">
            {textOf(item.prompt, locale)}
          </span>
          {item.unverified ? <UnverifiedTag /> : null}
        </div>
        <div className="zp-muted zp-small">{t('review.self')}</div>
        <div className="zp-answer">
          {answerText(item, p.answer, { scales: p.definition.scales, derived: p.derived, locale })}
        </div>
        {evidenceFiles(p.answer).length > 0 ? (
          <ul className="zp-files">
            {evidenceFiles(p.answer).map((f) => (
              <li key={f.id}>
                <a href={fileUrl(p.assessmentId, f.id)} target="_blank" rel="noreferrer">
                  {f.name}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <Tag>{t(`itemStatus.${res.status}`)}</Tag>
        {res.max > 0 ? (
          <span className="zp-muted">{t('q.points', { points: res.points, max: res.max })}</span>
        ) : null}
        {item.evidenceHint ? (
          <p className="zp-hint">
            {t('q.evidenceHint')}
            {textOf(item.evidenceHint, locale)}
          </p>
        ) : null}
      </div>
      <fieldset
        className="zp-review-judge"
        aria-labelledby={`${base}-prompt`}
        disabled={p.disabled}
      >
        <legend className="zp-muted zp-small">{t('review.judgement')}</legend>
        <Radio.Group
          value={verdict}
          onChange={(e) => setVerdict(e.target.value)}
          optionType="button"
        >
          {ReviewVerdict.options.map((v) => (
            <Radio key={v} value={v}>
              {t(`reviewVerdict.${v}`)}
            </Radio>
          ))}
        </Radio.Group>
        {verdict === 'override' ? (
          <div className="zp-review-fields">
            <span id={`${base}-status`}>{t('review.status')}</span>
            <div role="radiogroup" aria-labelledby={`${base}-status`}>
              <Radio.Group
                name={`${base}-status`}
                value={status}
                onChange={(e) => setStatus(e.target.value)}
                options={JudgedStatus.options.map((s) => ({
                  value: s,
                  label: t(`itemStatus.${s}`),
                }))}
              />
            </div>
            {status === 'partial' ? (
              <>
                <label htmlFor={`${base}-points`}>{t('review.points', { max: res.max })}</label>
                <InputNumber id={`${base}-points`} value={points} onChange={(v) => setPoints(v)} />
              </>
            ) : null}
            <label htmlFor={`${base}-reason`}>{t('review.reason')}</label>
            <Input.TextArea
              id={`${base}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoSize={{ minRows: 1, maxRows: 5 }}
              maxLength={2000}
            />
          </div>
        ) : null}
        <label htmlFor={`${base}-comment`}>{t('review.comment')}</label>
        <Input.TextArea
          id={`${base}-comment`}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          autoSize={{ minRows: 1, maxRows: 5 }}
          maxLength={2000}
        />
        <div className="zp-actions">
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('review.save')}
          </Button>
          {save.isSuccess || (p.review && !save.isError) ? (
            <span className="zp-muted" role="status">
              {t('review.saved')}
            </span>
          ) : null}
        </div>
        {save.isError ? <ProblemAlert error={save.error} /> : null}
      </fieldset>
    </li>
  );
}

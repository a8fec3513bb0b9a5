import { JudgedStatus, ReviewVerdict } from '@zhiping/forms';
import { Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { bodyOf, draftOf, type JudgementDraft, missingOf } from './judgement-draft.ts';
import type { Judgement, JudgementBody } from './types.ts';
import { useAutosaveJudgement } from './use-autosave-judgement.ts';

/** A pause in typing before a reason or comment is sent. */
const TYPING_MS = 800;

interface Props {
  /** Unique per row, for label ids. */
  idBase: string;
  /** The judgement recorded so far (mine, or the lead's settlement). */
  judgement: Judgement | null;
  max: number;
  disabled: boolean;
  legend: string;
  save: (body: JudgementBody) => Promise<Judgement>;
  onSaved: (j: Judgement) => void;
}

/**
 * Agree, or override with a status, points for a partial and a reason —
 * recorded as chosen: 同意 is sent the moment it is picked, an override
 * once it is complete, text after a pause. Nothing is preselected.
 */
export function JudgementEditor(p: Props) {
  const t = useT();
  // A 待复核 judgement judged an answer that has since changed: nothing is preselected
  // and nothing reads as saved until the reviewer judges the new answer.
  const stale = p.judgement?.state === 'needs-recheck';
  const [d, setD] = useState<JudgementDraft>(() => ({
    ...draftOf(p.judgement),
    ...(stale ? { verdict: null } : {}),
  }));
  const auto = useAutosaveJudgement(p.save, p.onSaved);
  const change = (patch: Partial<JudgementDraft>, delay: number) => {
    const next = { ...d, ...patch };
    setD(next);
    const body = bodyOf(next);
    if (body) auto.schedule(body, delay);
  };
  const missing = missingOf(d);
  const b = p.idBase;
  return (
    <fieldset className="zp-review-judge" disabled={p.disabled} aria-describedby={`${b}-state`}>
      <legend className="zp-muted zp-small">{p.legend}</legend>
      <Radio.Group
        value={d.verdict}
        onChange={(e) => change({ verdict: e.target.value }, 0)}
        optionType="button"
        name={`${b}-verdict`}
      >
        {ReviewVerdict.options.map((v) => (
          <Radio key={v} value={v}>
            {t(`reviewVerdict.${v}`)}
          </Radio>
        ))}
      </Radio.Group>
      {d.verdict === 'override' ? (
        <div className="zp-review-fields">
          <span id={`${b}-status`}>{t('review.status')}</span>
          <div role="radiogroup" aria-labelledby={`${b}-status`}>
            <Radio.Group
              name={`${b}-status`}
              value={d.status}
              onChange={(e) => change({ status: e.target.value }, 0)}
              options={JudgedStatus.options.map((s) => ({ value: s, label: t(`itemStatus.${s}`) }))}
            />
          </div>
          {d.status === 'observation' ? (
            <div className="zp-muted zp-small" data-testid="observation-hint">
              {t('review.observationHint')}
            </div>
          ) : null}
          {d.status === 'partial' ? (
            <>
              <label htmlFor={`${b}-points`}>{t('review.points', { max: p.max })}</label>
              <InputNumber
                id={`${b}-points`}
                min={0}
                max={p.max}
                value={d.points}
                onChange={(v) => change({ points: v }, TYPING_MS)}
                onBlur={auto.flush}
              />
            </>
          ) : null}
          <label htmlFor={`${b}-reason`}>{t('review.reason')}</label>
          <Input.TextArea
            id={`${b}-reason`}
            value={d.reason}
            onChange={(e) => change({ reason: e.target.value }, TYPING_MS)}
            onBlur={auto.flush}
            autoSize={{ minRows: 1, maxRows: 5 }}
            maxLength={2000}
          />
        </div>
      ) : null}
      <label htmlFor={`${b}-comment`}>{t('review.commentToRespondent')}</label>
      <Input.TextArea
        id={`${b}-comment`}
        value={d.comment}
        onChange={(e) => change({ comment: e.target.value }, TYPING_MS)}
        onBlur={auto.flush}
        autoSize={{ minRows: 1, maxRows: 5 }}
        maxLength={2000}
      />
      <div id={`${b}-state`} className="zp-muted zp-small" role="status">
        {missing.length > 0
          ? t('review.missing', {
              what: missing.map((m) => t(`review.missing.${m}`)).join(t('list.sep')),
            })
          : auto.state === 'saving' || auto.state === 'pending'
            ? t('review.saving')
            : auto.state === 'saved' || (auto.state === 'idle' && p.judgement && !stale)
              ? t('review.saved')
              : null}
      </div>
      {auto.state === 'error' ? <ProblemAlert error={auto.error} /> : null}
    </fieldset>
  );
}

import {
  answerText,
  type Definition,
  type Item,
  type ItemResult,
  type ScoreResult,
  textOf,
} from '@zhiping/forms';
import { Tag } from 'antd';
import { fileUrl } from '../api/endpoints.ts';
import { useLocale } from '../i18n/locale.tsx';
import { UnverifiedTag } from '../shared/unverified-tag.tsx';
import { needsRecheck } from './console-filters.ts';
import { evidenceFiles } from './evidence-files.ts';
import { ItemChange, ReplyThread } from './item-change.tsx';
import { JudgementEditor } from './judgement-editor.tsx';
import { JudgementsSideBySide } from './judgements-side-by-side.tsx';
import { reviewApi } from './review-api.ts';
import type { ConsoleItem, Judgement } from './types.ts';

/** judge: my own judgement; settle: the lead's final one after all finished; read: nothing to change. */
export type RowMode = 'judge' | 'settle' | 'read';

interface Props {
  assessmentId: string;
  ci: ConsoleItem;
  item: Item;
  res: ItemResult;
  answer: unknown;
  definition: Definition;
  derived?: ScoreResult['derived'] | undefined;
  mode: RowMode;
  onSaved: (j: Judgement) => void;
}

/**
 * One item of the review: the respondent's answer and evidence, what
 * changed since the last round and their reply, beside the judgement —
 * mine while I judge, everyone's side by side when the lead settles.
 */
export function ReviewRow(p: Props) {
  const { locale, t } = useLocale();
  const { item, res, ci } = p;
  const base = `r-${item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const files = evidenceFiles(p.answer);
  const all = ci.mine ? [ci.mine, ...ci.others] : ci.others;
  return (
    <li className="zp-review-row" data-review-item={item.id}>
      <div className="zp-review-self">
        <div className="zp-item-head">
          {item.clause ? <span className="zp-clause">{item.clause}</span> : null}
          <span id={`${base}-prompt`} className="zp-prompt">
            {textOf(item.prompt, locale)}
          </span>
          {item.unverified ? <UnverifiedTag /> : null}
          {needsRecheck(ci) ? <Tag color="orange">{t('review.recheck')}</Tag> : null}
          {ci.changed ? <Tag color="blue">{t('review.changedTag')}</Tag> : null}
          {ci.disagreement ? <Tag color="red">{t('review.disagreement')}</Tag> : null}
        </div>
        <div className="zp-muted zp-small">{t('review.self')}</div>
        <div className="zp-answer">
          {answerText(item, p.answer, { scales: p.definition.scales, derived: p.derived, locale })}
        </div>
        {files.length > 0 ? (
          <ul className="zp-files">
            {files.map((f) => (
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
        {ci.changed ? (
          <ItemChange
            change={ci.changed}
            item={item}
            definition={p.definition}
            derived={p.derived}
          />
        ) : null}
        <ReplyThread replies={ci.thread} />
      </div>
      <div>
        {p.mode === 'settle' && all.length > 0 ? <JudgementsSideBySide judgements={all} /> : null}
        {p.mode === 'read' ? (
          (ci.final ?? ci.mine) ? (
            <JudgementsSideBySide
              judgements={[ci.final ?? ci.mine].filter((j): j is Judgement => j !== null)}
            />
          ) : null
        ) : (
          <JudgementEditor
            idBase={base}
            judgement={p.mode === 'settle' ? ci.final : ci.mine}
            max={res.max}
            disabled={false}
            legend={p.mode === 'settle' ? t('review.settle') : t('review.judgement')}
            save={(body) =>
              p.mode === 'settle'
                ? reviewApi.settle(p.assessmentId, item.id, body)
                : reviewApi.judge(p.assessmentId, item.id, body)
            }
            onSaved={p.onSaved}
          />
        )}
      </div>
    </li>
  );
}

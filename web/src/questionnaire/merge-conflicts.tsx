import { type AnswerConflict, answerText, type Compiled, textOf } from '@zhiping/forms';
import { useState } from 'react';
import { Alert, Button } from '../app/antd-theme.tsx';
import type { Locale, Translate } from '../i18n/locale.tsx';

interface Props {
  conflicts: AnswerConflict[];
  compiled: Compiled;
  /** Keeps, per item, this side's answer or the other's, and saves. */
  onResolve: (choices: Record<string, 'mine' | 'theirs'>) => void;
  locale: Locale;
  t: Translate;
}

/**
 * Items changed here and elsewhere (another tab, a colleague) to different
 * answers: both answers side by side, in words, and the respondent picks per
 * item. Every other change was merged without asking; nothing is
 * overwritten until each item here has a choice.
 */
export function MergeConflicts({ conflicts, compiled, onResolve, locale, t }: Props) {
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const itemOf = (id: string) => {
    const i = compiled.itemIndex.get(id);
    return i === undefined ? undefined : compiled.items[i]?.item;
  };
  const words = (id: string, v: unknown) => {
    const item = itemOf(id);
    if (v === undefined) return t('merge.none');
    return item
      ? answerText(item, v, { scales: compiled.definition.scales, locale })
      : JSON.stringify(v);
  };
  const all = conflicts.every((c) => choices[c.id]);
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="zp-conflict"
      title={t('merge.title')}
      description={
        <>
          <p>{t('merge.body', { n: conflicts.length })}</p>
          <ul className="zp-merge">
            {conflicts.map((c, i) => {
              const item = itemOf(c.id);
              const name = `zp-merge-${i}`;
              return (
                <li key={c.id} data-conflict={c.id}>
                  <fieldset>
                    <legend>{item ? textOf(item.prompt, locale) : c.id}</legend>
                    <div className="zp-merge-sides">
                      {(['mine', 'theirs'] as const).map((side) => (
                        <label key={side} className="zp-merge-side">
                          <input
                            type="radio"
                            name={name}
                            value={side}
                            checked={choices[c.id] === side}
                            onChange={() => setChoices((x) => ({ ...x, [c.id]: side }))}
                          />
                          <span className="zp-merge-who">{t(`merge.${side}`)}</span>
                          <span className="zp-merge-value" data-side={side}>
                            {words(c.id, side === 'mine' ? c.mine : c.theirs)}
                          </span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ul>
          <Button type="primary" disabled={!all} onClick={() => onResolve(choices)}>
            {t('merge.apply')}
          </Button>
        </>
      }
    />
  );
}

import { textOf } from '@zhiping/forms';
import { memo } from 'react';
import type { Locale, Translate } from '../i18n/locale.tsx';
import type { Step } from './steps.ts';

interface Props {
  steps: Step[];
  current: string;
  onSelect: (id: string) => void;
  /** The final "check and submit" entry, when the respondent may submit. */
  review?: { id: string; label: string };
  locale: Locale;
  t: Translate;
}

/**
 * The steps as an ordered list of buttons: reachable by Tab, the current one
 * marked with aria-current, each with how much of it is answered.
 */
export const StepNav = memo(function StepNav({
  steps,
  current,
  onSelect,
  review,
  locale,
  t,
}: Props) {
  return (
    <nav aria-label={t('q.steps')} className="zp-steps">
      <ol>
        {steps.map((s) => {
          const done = s.applicable > 0 && s.answered === s.applicable;
          return (
            <li key={s.id}>
              <button
                type="button"
                className={`zp-step${s.id === current ? ' zp-step-current' : ''}${done ? ' zp-step-done' : ''}`}
                aria-current={s.id === current ? 'step' : undefined}
                onClick={() => onSelect(s.id)}
              >
                {/* The clause number, never a running count that would clash with it
                    ("7 运行" for clause 8); sections outside the clauses get a dot. */}
                <span className="zp-step-no" aria-hidden="true">
                  {done ? '✓' : (s.section.clause ?? '·')}
                </span>
                <span className="zp-step-title">{textOf(s.section.title, locale)}</span>
                <span className="zp-step-count">
                  {s.answered}/{s.applicable}
                </span>
              </button>
            </li>
          );
        })}
        {review ? (
          <li>
            <button
              type="button"
              className={review.id === current ? 'zp-step zp-step-current' : 'zp-step'}
              aria-current={review.id === current ? 'step' : undefined}
              onClick={() => onSelect(review.id)}
            >
              <span className="zp-step-no" aria-hidden="true">
                ✓
              </span>
              <span className="zp-step-title">{review.label}</span>
            </button>
          </li>
        ) : null}
      </ol>
    </nav>
  );
});

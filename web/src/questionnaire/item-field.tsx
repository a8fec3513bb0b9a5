import { type Definition, type Item, type ItemStatus, quantity, textOf } from '@zhiping/forms';
import { memo, useCallback, useState } from 'react';
import { type Control, useController } from 'react-hook-form';
import type { Locale, Translate } from '../i18n/locale.tsx';
import { ItemReviewerComment } from '../review/questionnaire-comments.tsx';
import type { ResolverContext } from './answers-resolver.ts';
import type { FormValues } from './field-codec.ts';
import { useTyped } from './inputs/use-typed.ts';
import { ItemInput } from './item-input.tsx';
import { CitationList, UnverifiedTag } from './lazy-parts.tsx';
import { periodYear } from './period.ts';

export interface ItemFieldProps {
  item: Item;
  /** Stable DOM id base, also the anchor the missing-answers summary links to. */
  domId: string;
  /** The form field; absent for computed items, which are never answered. */
  name: string | undefined;
  control: Control<FormValues, ResolverContext>;
  scales: Definition['scales'];
  required: boolean;
  status: ItemStatus;
  points: number;
  max: number;
  derived: number | null | undefined;
  /** This answer contradicts another (a declared consistency rule), in words; submitting refuses it. */
  contradiction?: string | undefined;
  /** The assessment date, to name the year of a relative reporting period. */
  asOf?: string | undefined;
  locale: Locale;
  t: Translate;
  disabled?: boolean;
}

/**
 * One question: prompt, why it matters, what evidence is asked for, the
 * answer input, its message, and the sources on demand. Memoised on
 * primitive props so a keystroke re-renders only the item being answered.
 */
export const ItemField = memo(function ItemField(p: ItemFieldProps) {
  const { item, domId, t, locale } = p;
  const [sourcesOpen, setSourcesOpen] = useState(false);
  const ids = {
    prompt: `${domId}-prompt`,
    help: `${domId}-help`,
    hint: `${domId}-hint`,
    error: `${domId}-error`,
    sources: `${domId}-sources`,
    input: `${domId}-input`,
    contradiction: `${domId}-contradiction`,
  };
  const labelIsFor = item.kind === 'number' || item.kind === 'date' || item.kind === 'text';
  const Prompt = labelIsFor ? 'label' : 'div';
  const scored = p.max > 0 && p.status !== 'unanswered' && p.status !== 'not_applicable';
  return (
    <div className="zp-item" id={domId} data-item={item.id} style={OWN_PAINT}>
      <div className="zp-item-head">
        {item.clause ? <span className="zp-clause">{item.clause}</span> : null}
        <Prompt
          id={ids.prompt}
          className="zp-prompt"
          {...(labelIsFor ? { htmlFor: ids.input } : {})}
        >
          {textOf(item.prompt, locale)}
          {p.required ? (
            <span className="zp-required" title={t('q.required')} aria-hidden="true">
              {' *'}
            </span>
          ) : null}
        </Prompt>
        {item.unverified ? <UnverifiedTag /> : null}
        {scored ? (
          <span className={`zp-status zp-status-${p.status}`}>
            {t(`itemStatus.${p.status}`)} ·{' '}
            {t('q.points', { points: round1(p.points), max: round1(p.max) })}
          </span>
        ) : null}
      </div>
      {item.help ? (
        <p id={ids.help} className="zp-help">
          {textOf(item.help, locale)}
        </p>
      ) : null}
      {item.kind === 'number' && item.period ? (
        <p className="zp-muted">{t('q.period', { period: periodText(item.period, p.asOf, t) })}</p>
      ) : null}
      {item.evidenceHint ? (
        <p id={ids.hint} className="zp-hint">
          {t('q.evidenceHint')}
          {textOf(item.evidenceHint, locale)}
        </p>
      ) : null}
      {p.name ? (
        <Answer {...p} name={p.name} ids={ids} />
      ) : (
        <p className="zp-computed">
          <span className="zp-muted">
            {t('q.computed')}
            {t('app.colon')}
          </span>
          {p.derived === null || p.derived === undefined
            ? t('q.notComputable')
            : quantity(p.derived, item.kind === 'computed' ? item.unit : undefined, locale)}
        </p>
      )}
      {p.contradiction ? (
        <p id={ids.contradiction} className="zp-contradiction" role="status">
          {p.contradiction}
        </p>
      ) : null}
      <ItemReviewerComment itemId={item.id} idBase={domId} />
      <div>
        <button
          type="button"
          className="zp-link zp-sources-toggle"
          aria-expanded={sourcesOpen}
          aria-controls={ids.sources}
          onClick={() => setSourcesOpen((o) => !o)}
        >
          {sourcesOpen ? t('q.hideSources') : t('q.sourcesCount', { n: item.citations.length })}
        </button>
      </div>
      {sourcesOpen ? <CitationList id={ids.sources} citations={item.citations} /> : null}
    </div>
  );
});

function Answer(
  p: ItemFieldProps & {
    name: string;
    ids: Record<'help' | 'hint' | 'error' | 'prompt' | 'input' | 'contradiction', string>;
  },
) {
  const { field, fieldState } = useController({ name: p.name, control: p.control });
  // Typing renders nothing (uncontrolled boxes); the form hears of it as typing pauses.
  const typed = useTyped(field.value, field.onChange);
  const { onBlur } = field;
  // Leaving the box hands its text over first (the form then marks it touched on a value it has).
  const leave = useCallback(() => {
    typed.send();
    onBlur();
  }, [typed, onBlur]);
  const message = fieldState.error?.message;
  const describedBy = [
    p.item.help ? p.ids.help : '',
    p.item.evidenceHint ? p.ids.hint : '',
    message ? p.ids.error : '',
    p.contradiction ? p.ids.contradiction : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <ItemInput
        id={p.ids.input}
        item={p.item}
        scales={p.scales}
        locale={p.locale}
        t={p.t}
        value={field.value}
        onChange={typed.change}
        typed={typed}
        onBlur={leave}
        labelledBy={p.ids.prompt}
        describedBy={describedBy}
        required={p.required}
        invalid={Boolean(message)}
        disabled={p.disabled}
      />
      {message ? (
        <p id={p.ids.error} className="zp-error" aria-live="polite">
          {message}
        </p>
      ) : null}
    </>
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Each question paints on its own (a stacking context, so the browser keeps
 * its painting): a keystroke then repaints the question typed in, not the
 * whole long step. Not `contain: paint`, which would clip focus rings.
 */
const OWN_PAINT = { isolation: 'isolate' } as const;

/** "上一年末（2025 年）": the period as the definition words it, with the year it means. */
function periodText(period: string, asOf: string | undefined, t: Translate): string {
  const year = asOf ? periodYear(period, asOf) : null;
  return year === null ? period : t('q.periodYear', { period, year });
}

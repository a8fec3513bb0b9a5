import { type Definition, type Item, isNotApplicable } from '@zhiping/forms';
import { useRef } from 'react';
import type { Locale, Translate } from '../i18n/locale.tsx';
import { MultiInput, ScaleInput, SingleInput, YesNoInput } from './inputs/choice-inputs.tsx';
import { EvidenceInput } from './inputs/evidence-input.tsx';
import type { InputProps } from './inputs/input-props.ts';
import { useTextBox } from './inputs/text-box.ts';
import { DateInput, NumberInput, TextInput } from './inputs/value-inputs.tsx';

interface Props extends InputProps {
  item: Item;
  scales: Definition['scales'];
  locale: Locale;
  t: Translate;
}

/** The answer input for an item's kind; computed items are shown, not answered (see ItemField). */
export function KindInput(p: Props) {
  const { item } = p;
  switch (item.kind) {
    case 'yesno':
      return <YesNoInput {...p} yes={p.t('answer.yes')} no={p.t('answer.no')} />;
    case 'single':
      return <SingleInput {...p} item={item} />;
    case 'multi':
      return <MultiInput {...p} item={item} />;
    case 'scale':
      return <ScaleInput {...p} item={item} />;
    case 'number':
      return <NumberInput {...p} item={item} />;
    case 'date':
      return <DateInput {...p} />;
    case 'text':
      return <TextInput {...p} item={item} />;
    case 'evidence':
      return <EvidenceInput {...p} />;
    case 'computed':
      return null;
  }
}

/**
 * The input, or — when the respondent says the item does not apply — the
 * reason box instead. Unticking restores the answer given before.
 */
export function ItemInput(p: Props) {
  const na = isNotApplicable(p.value);
  const before = useRef<unknown>(undefined);
  if (!p.item.allowNotApplicable) return <KindInput {...p} />;
  const reason = na ? ((p.value as { reason?: string }).reason ?? '') : '';
  return (
    <>
      {na ? null : <KindInput {...p} />}
      <label className="zp-choice zp-na">
        <input
          type="checkbox"
          checked={na}
          disabled={p.disabled}
          onChange={(e) => {
            if (e.target.checked) {
              // The answer as typed so far (the form may not have the last keystrokes yet).
              before.current = p.typed.current();
              p.onChange({ notApplicable: true });
            } else {
              p.onChange(before.current);
            }
          }}
        />
        <span>{p.t('q.notApplicable')}</span>
      </label>
      {na ? <NaReason {...p} reason={reason} /> : null}
    </>
  );
}

/** Why the item does not apply: typed like any text (uncontrolled, text-box.ts). */
function NaReason(p: Props & { reason: string }) {
  const { typed } = p;
  const box = useTextBox<HTMLInputElement>({
    text: p.reason,
    pending: typed.pending,
    onText: (raw) =>
      typed.type(raw ? { notApplicable: true, reason: raw } : { notApplicable: true }),
    onBlur: p.onBlur,
  });
  return (
    <input
      {...box}
      id={`${p.id}-na`}
      className="zp-input"
      aria-label={p.t('q.naReason')}
      placeholder={p.t('q.naReason')}
      maxLength={500}
    />
  );
}

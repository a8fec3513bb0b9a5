import type { ItemOf } from '@zhiping/forms';
import { useRef } from 'react';
import type { InputProps } from './input-props.ts';
import { useTextBox } from './text-box.ts';

/*
 * Native inputs styled like antd's (class zp-input): typing must stay cheap
 * on a slow machine — see choice-inputs.tsx for the measurements.
 */

function aria(p: InputProps) {
  return {
    id: p.id,
    'aria-labelledby': p.labelledBy,
    'aria-describedby': p.describedBy || undefined,
    'aria-required': p.required,
    'aria-invalid': p.invalid || undefined,
    disabled: p.disabled,
    onBlur: p.onBlur,
  };
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** What the typed text means: a number, nothing, or (kept as typed) something that is not one. */
export function parseNumber(raw: string): number | string | undefined {
  const s = raw.trim().replace(/,/g, '');
  if (s === '') return undefined;
  return NUMBER.test(s) ? Number(s) : raw;
}

/**
 * A number as text, so that "1." or "-" can be typed on the way to a number.
 * Text that is not a number is passed on as it is: the engine's schema then
 * says "请填写数字" rather than the input silently dropping it. No min/max
 * clamping either: the engine's message ("不能大于 100") explains the limit.
 * Uncontrolled (text-box.ts): "1." stays as typed while the form holds 1.
 */
export function NumberInput(p: InputProps & { item: ItemOf<'number'> }) {
  const { typed } = p;
  const box = useTextBox<HTMLInputElement>({
    text: p.value === undefined ? '' : String(p.value),
    means: (s) => parseNumber(s) === p.value,
    pending: typed.pending,
    onText: (raw) => typed.type(parseNumber(raw)),
    onBlur: p.onBlur,
  });
  return (
    <span className="zp-number">
      <input
        {...aria(p)}
        {...box}
        type="text"
        inputMode={p.item.integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        className="zp-input"
      />
      {p.item.unit ? <span className="zp-unit">{p.item.unit}</span> : null}
    </span>
  );
}

/** The browser's own date picker: keyboard-friendly and gives ISO dates directly. */
export function DateInput(p: InputProps) {
  const v = typeof p.value === 'string' ? p.value : '';
  return (
    <input
      {...aria(p)}
      type="date"
      className="zp-input zp-date"
      value={v}
      onChange={(e) => p.onChange(e.target.value || undefined)}
    />
  );
}

export function TextInput(p: InputProps & { item: ItemOf<'text'> }) {
  const v = typeof p.value === 'string' ? p.value : '';
  const { typed } = p;
  const max = p.item.maxLength;
  const count = useRef<HTMLSpanElement>(null);
  const box = useTextBox<HTMLTextAreaElement>({
    text: v,
    pending: typed.pending,
    onText: (raw) => {
      // The count follows each keystroke (the form has the text only once typing pauses): its
      // one text node is rewritten in place, so React's own later writes still land on it.
      const node = count.current?.firstChild;
      if (node) node.nodeValue = countText(raw.length, max);
      typed.type(raw);
    },
    onBlur: p.onBlur,
  });
  return (
    <span className="zp-textarea">
      <textarea {...aria(p)} {...box} className="zp-input" rows={3} maxLength={max} />
      <span ref={count} className="zp-count" aria-hidden="true">
        {countText(v.length, max)}
      </span>
    </span>
  );
}

const countText = (n: number, max: number) => `${n} / ${max}`;

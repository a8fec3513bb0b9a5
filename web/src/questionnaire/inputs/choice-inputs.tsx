import { type Definition, type ItemOf, textOf } from '@zhiping/forms';
import type { Locale } from '../../i18n/locale.tsx';
import type { InputProps } from './input-props.ts';

/*
 * Answer controls are native radio buttons and checkboxes styled to match
 * antd (see styles.css), not antd components: a questionnaire mounts hundreds
 * of them, and antd's per-instance styling work made a click take well over
 * the 50 ms budget on a slowed CPU (test/bench/browser.bench.ts). Native
 * inputs are also what screen readers and keyboards know best. They sit in an
 * element with the group role, named by the question's prompt.
 */

interface Choice<V> {
  value: V;
  key: string;
  label: string;
  description?: string | undefined;
}

function Choices<V>(
  p: InputProps & {
    role: 'radiogroup' | 'group';
    choices: Choice<V>[];
    vertical?: boolean;
    checked: (v: V) => boolean;
    onToggle: (v: V, on: boolean) => void;
  },
) {
  const type = p.role === 'radiogroup' ? 'radio' : 'checkbox';
  // Both roles take these attributes (aria-required only radiogroup); spread
  // because the role is a prop, which the linter's role check cannot follow.
  const group = {
    role: p.role,
    'aria-labelledby': p.labelledBy,
    'aria-describedby': p.describedBy || undefined,
    'aria-required': p.role === 'radiogroup' ? p.required : undefined,
    'aria-invalid': p.invalid || undefined,
  };
  return (
    <div {...group} className={p.vertical ? 'zp-choices zp-vertical' : 'zp-choices'}>
      {p.choices.map((c) => (
        <label key={c.key} className="zp-choice">
          <input
            type={type}
            name={p.id}
            value={c.key}
            checked={p.checked(c.value)}
            disabled={p.disabled}
            onChange={(e) => p.onToggle(c.value, e.target.checked)}
            onBlur={p.onBlur}
          />
          <span>
            <span className="zp-level">{c.label}</span>
            {c.description ? <span className="zp-level-desc">{c.description}</span> : null}
          </span>
        </label>
      ))}
    </div>
  );
}

export function YesNoInput(p: InputProps & { yes: string; no: string }) {
  return (
    <Choices<boolean>
      {...p}
      role="radiogroup"
      choices={[
        { value: true, key: 'yes', label: p.yes },
        { value: false, key: 'no', label: p.no },
      ]}
      checked={(v) => p.value === v}
      onToggle={(v) => p.onChange(v)}
    />
  );
}

export function SingleInput(p: InputProps & { item: ItemOf<'single'>; locale: Locale }) {
  return (
    <Choices<string>
      {...p}
      role="radiogroup"
      vertical
      choices={p.item.options.map((o) => ({
        value: o.id,
        key: o.id,
        label: textOf(o.label, p.locale),
      }))}
      checked={(v) => p.value === v}
      onToggle={(v) => p.onChange(v)}
    />
  );
}

export function MultiInput(p: InputProps & { item: ItemOf<'multi'>; locale: Locale }) {
  const chosen = Array.isArray(p.value) ? (p.value as string[]) : [];
  return (
    <Choices<string>
      {...p}
      role="group"
      vertical
      choices={p.item.options.map((o) => ({
        value: o.id,
        key: o.id,
        label: textOf(o.label, p.locale),
      }))}
      checked={(v) => chosen.includes(v)}
      // Keep the definition's option order, whatever order they were ticked in.
      onToggle={(v, on) =>
        p.onChange(
          p.item.options.map((o) => o.id).filter((id) => (id === v ? on : chosen.includes(id))),
        )
      }
    />
  );
}

export function ScaleInput(
  p: InputProps & { item: ItemOf<'scale'>; scales: Definition['scales']; locale: Locale },
) {
  const levels = p.scales[p.item.scale] ?? [];
  return (
    <Choices<number>
      {...p}
      role="radiogroup"
      vertical
      choices={levels.map((l) => ({
        value: l.value,
        key: String(l.value),
        label: textOf(l.label, p.locale),
        description: l.description ? textOf(l.description, p.locale) : undefined,
      }))}
      checked={(v) => p.value === v}
      onToggle={(v) => p.onChange(v)}
    />
  );
}

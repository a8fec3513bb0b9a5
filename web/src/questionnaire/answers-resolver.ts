import { type Compiled, isBlank, issueText, type Locale, validateAnswers } from '@zhiping/forms';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { issueOf } from './check-value.ts';
import type { FieldCodec, FormValues } from './field-codec.ts';

export interface ResolverContext {
  /** `submit` also reports every visible required item left unanswered. */
  mode: 'draft' | 'submit';
  /** The assessment date: a requirement may hang on a date-derived value. */
  asOf: string;
  /** The language the messages are worded in. */
  locale: Locale;
}

/**
 * A react-hook-form resolver backed by the engine's own validation, so the
 * rules are exactly the server's; the issues' codes are worded by the shared
 * catalogue in the reader's language.
 */
export function answersResolver(
  c: Compiled,
  codec: FieldCodec,
): Resolver<FormValues, ResolverContext> {
  return (values, context, options) => {
    const mode = context?.mode ?? 'draft';
    const locale = context?.locale ?? 'zh';
    const errors: FieldErrors<FormValues> = {};
    // On a change, draft rules concern the changed field alone: check just
    // that, rather than every answer on every keystroke.
    if (mode === 'draft' && options?.names?.length) {
      for (const name of options.names) {
        const id = codec.itemId(name);
        const value = values[name];
        if (id === undefined || isBlank(value)) continue;
        const issue = issueOf(c, id, value);
        if (issue) errors[name] = { type: issue.code, message: issueText(issue, locale) };
      }
      return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
    }
    const issues = validateAnswers(c, codec.toAnswers(values), { mode, asOf: context?.asOf });
    for (const p of issues) {
      const id = p.path[0];
      const name = typeof id === 'string' ? codec.name(id) : undefined;
      // The first message per item is the one to act on; unknown ids have no field to show it.
      if (!name || errors[name]) continue;
      errors[name] = { type: p.code, message: issueText(p, locale) };
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

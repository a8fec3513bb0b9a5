import { type Definition, validateAnswers } from '@zhiping/forms';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { checkValue } from './check-value.ts';
import { type FieldCodec, type FormValues, isBlank } from './field-codec.ts';

export interface ResolverContext {
  /** `submit` also reports every visible required item left unanswered. */
  mode: 'draft' | 'submit';
}

/**
 * A react-hook-form resolver backed by the engine's own answer schema, so the
 * messages (in Chinese) and the rules are exactly the server's.
 */
export function answersResolver(
  def: Definition,
  codec: FieldCodec,
): Resolver<FormValues, ResolverContext> {
  return (values, context, options) => {
    const mode = context?.mode ?? 'draft';
    const errors: FieldErrors<FormValues> = {};
    // On a change, draft rules concern the changed field alone: check just
    // that, rather than every answer on every keystroke.
    if (mode === 'draft' && options?.names?.length) {
      for (const name of options.names) {
        const id = codec.itemId(name);
        const value = values[name];
        if (id === undefined || isBlank(value)) continue;
        const message = checkValue(def, id, value);
        if (message) errors[name] = { type: 'invalid', message };
      }
      return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
    }
    for (const p of validateAnswers(def, codec.toAnswers(values), mode)) {
      const id = p.path[0];
      const name = typeof id === 'string' ? codec.name(id) : undefined;
      // The first message per item is the one to act on; unknown ids have no field to show it.
      if (!name || errors[name]) continue;
      errors[name] = { type: p.code, message: p.message };
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

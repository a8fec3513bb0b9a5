import type { NotApplicable } from './answers.ts';

/**
 * Whether an answer says its item does not apply. Plain code in a module of
 * its own: the engine asks it of every answer, and the browser should not
 * load zod (answers.ts) for it.
 */
export function isNotApplicable(v: unknown): v is NotApplicable {
  return (
    typeof v === 'object' && v !== null && (v as { notApplicable?: unknown }).notApplicable === true
  );
}

import { z } from 'zod';
import { Id, Scalar } from './common.ts';
import { IsoDate } from './iso-date.ts';

/*
 * Conditions are data, never code: a small AST evaluated by a pure function.
 * A comparison whose value is missing (unanswered, hidden, not applicable or
 * not computable) is false; `not` and `answered` let authors say what a
 * missing value should mean.
 */

const Ref = Id.describe('an item id or a derived-value id');

export const CompareOp = z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']);
export type CompareOp = z.infer<typeof CompareOp>;

const Compare = z.strictObject({ op: CompareOp, ref: Ref, value: Scalar });
const In = z.strictObject({ op: z.literal('in'), ref: Ref, values: z.array(Scalar).min(1) });
/** A multiple-choice answer contains the option. */
const Includes = z.strictObject({ op: z.literal('includes'), ref: Ref, value: Id });
const Answered = z.strictObject({ op: z.literal('answered'), ref: Ref });

export const CalendarUnit = z.enum(['day', 'month', 'year']);
export const ElapsedBoundary = z.enum(['moreThan', 'atLeast']);

/**
 * Calendar time since a date answer, up to the assessment date: holds when
 * the assessment date is after (`moreThan`) or on or after (`atLeast`) the
 * date plus `amount` calendar units, month ends clamped (08-31 + 1 month =
 * 09-30). "Run more than 3 months" from 2026-08-28 holds from 2026-11-29.
 * Unknown while the date or the assessment date is missing.
 */
const Elapsed = z.strictObject({
  op: z.literal('elapsed'),
  ref: Id.describe('a date item'),
  amount: z.int().min(1),
  unit: CalendarUnit,
  boundary: ElapsedBoundary.describe(
    'moreThan: strictly after date + amount; atLeast: on or after it',
  ),
});
/**
 * The assessment date lies in [from, until] (both inclusive, either may be
 * left out): for rules that change on a date, e.g. a 2013 certificate counts
 * only until 2025-12-31. Unknown without an assessment date.
 */
const AsOf = z
  .strictObject({
    op: z.literal('asOf'),
    from: IsoDate.optional(),
    until: IsoDate.optional(),
  })
  .refine((c) => c.from !== undefined || c.until !== undefined, {
    message: 'give from, until or both',
  });

const All = z.strictObject({
  op: z.literal('all'),
  get of() {
    return z.array(Condition);
  },
});
const Any = z.strictObject({
  op: z.literal('any'),
  get of() {
    return z.array(Condition);
  },
});
const Not = z.strictObject({
  op: z.literal('not'),
  get cond() {
    return Condition;
  },
});

export const Condition = z.discriminatedUnion('op', [
  Compare,
  In,
  Includes,
  Answered,
  Elapsed,
  AsOf,
  All,
  Any,
  Not,
]);
export type Condition = z.infer<typeof Condition>;

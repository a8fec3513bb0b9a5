import { z } from 'zod';
import { Id, Scalar } from './common.ts';

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
  All,
  Any,
  Not,
]);
export type Condition = z.infer<typeof Condition>;

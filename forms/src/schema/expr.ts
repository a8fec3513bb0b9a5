import { z } from 'zod';
import { Id, Text } from './common.ts';

/*
 * Arithmetic over answers for derived values (ratios, per-10,000-people
 * figures, growth). An expression whose inputs are missing, or that divides
 * by zero, has no value; conditions on it are then false and items scored
 * on it are unanswered.
 */

const RefExpr = z.strictObject({ ref: Id });
const Variadic = z.strictObject({
  op: z.enum(['add', 'mul', 'min', 'max']),
  get args() {
    return z.array(Expr).min(1);
  },
});
const Binary = z.strictObject({
  op: z.enum(['sub', 'div']),
  get args() {
    return z.tuple([Expr, Expr]);
  },
});
/** value / population × 10,000 */
const Per10k = z.strictObject({
  op: z.literal('per10k'),
  get value() {
    return Expr;
  },
  get population() {
    return Expr;
  },
});
/** (current − previous) / previous: 0.2 means +20 %. */
const Growth = z.strictObject({
  op: z.literal('growth'),
  get current() {
    return Expr;
  },
  get previous() {
    return Expr;
  },
});
/** Compound annual growth over `years`: (current / base)^(1/years) − 1. */
const Cagr = z.strictObject({
  op: z.literal('cagr'),
  get current() {
    return Expr;
  },
  get base() {
    return Expr;
  },
  years: z.number().positive(),
});
/**
 * Whole calendar units (day, month, year) from a date answer to the
 * assessment date: the largest n with date + n units ≤ the assessment date,
 * month ends clamped. For display; a rule on elapsed time is the condition
 * `{ op: elapsed }`, which states its boundary.
 */
const Elapsed = z.strictObject({
  op: z.literal('elapsed'),
  ref: Id,
  unit: z.enum(['day', 'month', 'year']),
});
/**
 * Kept so that definitions published before `elapsed` still parse: the same
 * as `{ op: elapsed, unit: month }`. New definitions use `elapsed`.
 */
const MonthsSince = z.strictObject({ op: z.literal('monthsSince'), ref: Id });

const OpExpr = z.discriminatedUnion('op', [
  Variadic,
  Binary,
  Per10k,
  Growth,
  Cagr,
  Elapsed,
  MonthsSince,
]);

export const Expr = z.union([z.number(), RefExpr, OpExpr]);
export type Expr = z.infer<typeof Expr>;

export const Derived = z.strictObject({
  id: Id,
  label: Text,
  unit: z.string().optional().describe('e.g. "件/万人", "%", "万元"'),
  expr: Expr,
});
export type Derived = z.infer<typeof Derived>;

import type { Expr } from '../schema/expr.ts';
import { elapsedUnits } from './calendar.ts';
import type { Lookup } from './conditions.ts';

export interface ExprContext {
  get: Lookup;
  /** The assessment date (ISO), for `elapsed` and `monthsSince`. */
  asOf?: string | undefined;
}

const finite = (n: number): number | undefined => (Number.isFinite(n) ? n : undefined);

/**
 * Evaluates an expression to a number, or undefined when an input is missing
 * or the arithmetic has no value (division by zero).
 *
 * @example evaluateExpr({ op: 'per10k', value: { ref: 'patents' }, population: 50 }, ctx) // patents × 200
 */
export function evaluateExpr(e: Expr, ctx: ExprContext): number | undefined {
  if (typeof e === 'number') return e;
  if ('ref' in e && !('op' in e)) {
    const v = ctx.get(e.ref);
    return typeof v === 'number' ? v : undefined;
  }
  switch (e.op) {
    case 'add':
    case 'mul':
    case 'min':
    case 'max': {
      const xs: number[] = [];
      for (const a of e.args) {
        const v = evaluateExpr(a, ctx);
        if (v === undefined) return undefined;
        xs.push(v);
      }
      if (e.op === 'add') return finite(xs.reduce((s, x) => s + x, 0));
      if (e.op === 'mul') return finite(xs.reduce((s, x) => s * x, 1));
      return e.op === 'min' ? Math.min(...xs) : Math.max(...xs);
    }
    case 'sub':
    case 'div': {
      const a = evaluateExpr(e.args[0], ctx);
      const b = evaluateExpr(e.args[1], ctx);
      if (a === undefined || b === undefined) return undefined;
      if (e.op === 'sub') return finite(a - b);
      return b === 0 ? undefined : finite(a / b);
    }
    case 'per10k': {
      const v = evaluateExpr(e.value, ctx);
      const p = evaluateExpr(e.population, ctx);
      return v === undefined || p === undefined || p <= 0 ? undefined : finite((v / p) * 10_000);
    }
    case 'growth': {
      const c = evaluateExpr(e.current, ctx);
      const p = evaluateExpr(e.previous, ctx);
      return c === undefined || p === undefined || p === 0
        ? undefined
        : finite((c - p) / Math.abs(p));
    }
    case 'cagr': {
      const c = evaluateExpr(e.current, ctx);
      const b = evaluateExpr(e.base, ctx);
      return c === undefined || b === undefined || b <= 0 || c < 0
        ? undefined
        : finite((c / b) ** (1 / e.years) - 1);
    }
    case 'elapsed':
    case 'monthsSince': {
      const v = ctx.get(e.ref);
      const unit = e.op === 'elapsed' ? e.unit : 'month';
      return typeof v === 'string' && ctx.asOf ? elapsedUnits(v, ctx.asOf, unit) : undefined;
    }
  }
}

/** Every id an expression reads. */
export function exprRefs(e: Expr, into: Set<string> = new Set()): Set<string> {
  if (typeof e === 'number') return into;
  if ('ref' in e) {
    into.add(e.ref);
    return into;
  }
  switch (e.op) {
    case 'add':
    case 'mul':
    case 'min':
    case 'max':
    case 'sub':
    case 'div':
      for (const a of e.args) exprRefs(a, into);
      break;
    case 'per10k':
      exprRefs(e.value, into);
      exprRefs(e.population, into);
      break;
    case 'growth':
      exprRefs(e.current, into);
      exprRefs(e.previous, into);
      break;
    case 'cagr':
      exprRefs(e.current, into);
      exprRefs(e.base, into);
      break;
  }
  return into;
}

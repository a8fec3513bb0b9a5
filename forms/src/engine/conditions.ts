import type { Condition } from '../schema/condition.ts';
import { elapsedHolds, heldFrom } from './calendar.ts';
import { compareNumbers } from './numbers.ts';
import type { Value } from './values.ts';

export type Lookup = (ref: string) => Value | undefined;

function compareScalar(a: Value, b: unknown, op: 'gt' | 'gte' | 'lt' | 'lte'): boolean {
  // Numbers compare as decimals (compareNumbers), ISO dates as strings; anything else is false.
  let d: number;
  if (typeof a === 'number' && typeof b === 'number') d = compareNumbers(a, b);
  else if (typeof a === 'string' && typeof b === 'string') d = a < b ? -1 : a > b ? 1 : 0;
  else return false;
  switch (op) {
    case 'gt':
      return d > 0;
    case 'gte':
      return d >= 0;
    case 'lt':
      return d < 0;
    case 'lte':
      return d <= 0;
  }
}

/** Equality of an answer and a literal: numbers as decimals, anything else exactly. */
function same(a: Value, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' ? compareNumbers(a, b) === 0 : a === b;
}

/**
 * Evaluates a condition against the current values. A comparison with a
 * missing value is false, whatever the operator.
 *
 * @example evaluate({ op: 'eq', ref: 'exports', value: true }, (r) => ({ exports: true })[r]) // true
 */
export function evaluate(cond: Condition, get: Lookup, asOf?: string): boolean {
  switch (cond.op) {
    case 'all':
      return cond.of.every((c) => evaluate(c, get, asOf));
    case 'any':
      return cond.of.some((c) => evaluate(c, get, asOf));
    case 'not':
      return !evaluate(cond.cond, get, asOf);
    case 'asOf':
      return (
        asOf !== undefined &&
        (cond.from === undefined || asOf >= cond.from) &&
        (cond.until === undefined || asOf <= cond.until)
      );
    case 'elapsed': {
      const v = get(cond.ref);
      return (
        typeof v === 'string' &&
        asOf !== undefined &&
        elapsedHolds(v, asOf, cond.amount, cond.unit, cond.boundary)
      );
    }
    case 'answered':
      return get(cond.ref) !== undefined;
    case 'includes': {
      const v = get(cond.ref);
      return Array.isArray(v) && v.includes(cond.value);
    }
    case 'in': {
      const v = get(cond.ref);
      return v !== undefined && cond.values.some((x) => same(v, x));
    }
    case 'eq': {
      const v = get(cond.ref);
      return v !== undefined && same(v, cond.value);
    }
    case 'ne': {
      const v = get(cond.ref);
      return v !== undefined && !same(v, cond.value);
    }
    default: {
      const v = get(cond.ref);
      return v !== undefined && compareScalar(v, cond.value, cond.op);
    }
  }
}

/** Every id a condition reads. */
export function conditionRefs(cond: Condition, into: Set<string> = new Set()): Set<string> {
  switch (cond.op) {
    case 'all':
    case 'any':
      for (const c of cond.of) conditionRefs(c, into);
      break;
    case 'not':
      conditionRefs(cond.cond, into);
      break;
    case 'asOf':
      break;
    default:
      into.add(cond.ref);
  }
  return into;
}

/**
 * Three-valued evaluation for gates and tier conditions: `undefined` means
 * "cannot tell yet" — only when the missing answers could still change the
 * outcome. `all` with one failed part has failed, whatever else is missing;
 * `any` with one passed part has passed.
 *
 * @example evaluate3({ op: 'all', of: [{ op: 'eq', ref: 'a', value: 1 }, { op: 'eq', ref: 'missing', value: 1 }] }, (r) => ({ a: 2 })[r]) // false
 */
export function evaluate3(cond: Condition, get: Lookup, asOf?: string): boolean | undefined {
  switch (cond.op) {
    case 'all': {
      let unknown = false;
      for (const c of cond.of) {
        const v = evaluate3(c, get, asOf);
        if (v === false) return false;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    }
    case 'any': {
      let unknown = false;
      for (const c of cond.of) {
        const v = evaluate3(c, get, asOf);
        if (v === true) return true;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    }
    case 'not': {
      const v = evaluate3(cond.cond, get, asOf);
      return v === undefined ? undefined : !v;
    }
    case 'answered':
      return get(cond.ref) !== undefined;
    case 'asOf':
      return asOf === undefined ? undefined : evaluate(cond, get, asOf);
    case 'elapsed':
      return get(cond.ref) === undefined || asOf === undefined
        ? undefined
        : evaluate(cond, get, asOf);
    default:
      return get(cond.ref) === undefined ? undefined : evaluate(cond, get);
  }
}

/**
 * The first date after `asOf` from which a condition that does not hold now
 * would hold if nothing but the date changed, or undefined when waiting
 * cannot make it hold (or it reads no elapsed time). Conditions only change
 * where an `elapsed` rule starts to hold, so those dates are the candidates.
 *
 * @example heldFromDate({ op: 'elapsed', ref: 'started', amount: 3, unit: 'month', boundary: 'moreThan' }, get, '2026-11-20') // '2026-11-29' for started 2026-08-28
 */
export function heldFromDate(cond: Condition, get: Lookup, asOf: string): string | undefined {
  const dates = new Set<string>();
  const walk = (c: Condition) => {
    if (c.op === 'all' || c.op === 'any') c.of.forEach(walk);
    else if (c.op === 'not') walk(c.cond);
    else if (c.op === 'asOf') {
      if (c.from) dates.add(c.from);
    } else if (c.op === 'elapsed') {
      const v = get(c.ref);
      if (typeof v === 'string') dates.add(heldFrom(v, c.amount, c.unit, c.boundary));
    }
  };
  walk(cond);
  for (const d of [...dates].sort()) {
    if (d > asOf && evaluate3(cond, get, d) === true) return d;
  }
  return undefined;
}

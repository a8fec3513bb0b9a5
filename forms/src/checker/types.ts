import { isIsoDate } from '../engine/values.ts';
import { type Problem, problem } from '../problem.ts';
import type { Scalar } from '../schema/common.ts';
import type { Condition } from '../schema/condition.ts';
import type { Definition } from '../schema/definition.ts';
import type { Item } from '../schema/item.ts';
import type { Path } from './walk.ts';

/** What a reference names: an item, or a derived number. */
export type RefTarget = { kind: 'item'; item: Item } | { kind: 'derived' };

function isNumeric(t: RefTarget): boolean {
  return t.kind === 'derived' || ['number', 'computed', 'scale'].includes(t.item.kind);
}

/** Why `value` cannot be compared for equality with what `t` holds, or null. */
function eqMismatch(t: RefTarget, value: Scalar, def: Definition): string | null {
  if (t.kind === 'derived') return typeof value === 'number' ? null : 'a derived value is a number';
  const { item } = t;
  switch (item.kind) {
    case 'yesno':
      return typeof value === 'boolean'
        ? null
        : `"${item.id}" is yes/no: compare with true or false`;
    case 'single':
      return typeof value === 'string' && item.options.some((o) => o.id === value)
        ? null
        : `"${String(value)}" is not an option of "${item.id}" (${item.options.map((o) => o.id).join(', ')})`;
    case 'scale': {
      const levels = (def.scales[item.scale] ?? []).map((l) => l.value);
      return typeof value === 'number' && levels.includes(value)
        ? null
        : `"${item.id}" takes scale levels ${levels.join(', ')}`;
    }
    case 'number':
    case 'computed':
      return typeof value === 'number' ? null : `"${item.id}" is a number`;
    case 'date':
      return typeof value === 'string' && isIsoDate(value)
        ? null
        : `"${item.id}" is a date: compare with "YYYY-MM-DD"`;
    case 'text':
      return typeof value === 'string' ? null : `"${item.id}" is text`;
    case 'multi':
      return `"${item.id}" is multiple choice: use op "includes"`;
    case 'evidence':
      return `"${item.id}" is evidence: only op "answered" applies`;
  }
}

/** Type-checks one condition tree against the things it references. */
export function checkCondition(
  cond: Condition,
  path: Path,
  lookup: (ref: string) => RefTarget | undefined,
  def: Definition,
  out: Problem[],
): void {
  const target = (ref: string) => {
    const t = lookup(ref);
    if (!t)
      out.push(problem([...path, 'ref'], 'unknown_ref', `unknown item or derived value "${ref}"`));
    return t;
  };
  switch (cond.op) {
    case 'all':
    case 'any':
      cond.of.forEach((c, i) => {
        checkCondition(c, [...path, 'of', i], lookup, def, out);
      });
      return;
    case 'not':
      checkCondition(cond.cond, [...path, 'cond'], lookup, def, out);
      return;
    case 'answered':
      target(cond.ref);
      return;
    case 'asOf':
      for (const k of ['from', 'until'] as const) {
        const d = cond[k];
        if (d !== undefined && !isIsoDate(d))
          out.push(problem([...path, k], 'type_mismatch', `"${d}" is not a calendar date`));
      }
      if (cond.from && cond.until && cond.from > cond.until)
        out.push(
          problem(
            [...path, 'from'],
            'invalid_range',
            `from ${cond.from} is after until ${cond.until}`,
          ),
        );
      return;
    case 'elapsed': {
      const t = target(cond.ref);
      if (t && (t.kind !== 'item' || t.item.kind !== 'date'))
        out.push(
          problem(
            [...path, 'ref'],
            'type_mismatch',
            `"elapsed" counts time since a date item; "${cond.ref}" is not one`,
          ),
        );
      return;
    }
    case 'includes': {
      const t = target(cond.ref);
      if (!t) return;
      if (t.kind !== 'item' || t.item.kind !== 'multi') {
        out.push(
          problem(
            [...path, 'op'],
            'type_mismatch',
            `"includes" needs a multiple-choice item; "${cond.ref}" is not`,
          ),
        );
      } else if (!t.item.options.some((o) => o.id === cond.value)) {
        out.push(
          problem(
            [...path, 'value'],
            'type_mismatch',
            `"${cond.value}" is not an option of "${cond.ref}"`,
          ),
        );
      }
      return;
    }
    case 'in': {
      const t = target(cond.ref);
      if (!t) return;
      cond.values.forEach((v, i) => {
        const why = eqMismatch(t, v, def);
        if (why) out.push(problem([...path, 'values', i], 'type_mismatch', why));
      });
      return;
    }
    case 'eq':
    case 'ne': {
      const t = target(cond.ref);
      const why = t && eqMismatch(t, cond.value, def);
      if (why) out.push(problem([...path, 'value'], 'type_mismatch', why));
      return;
    }
    default: {
      const t = target(cond.ref);
      if (!t) return;
      const isDate = t.kind === 'item' && t.item.kind === 'date';
      if (isDate) {
        if (typeof cond.value !== 'string' || !isIsoDate(cond.value)) {
          out.push(
            problem([...path, 'value'], 'type_mismatch', 'compare a date with "YYYY-MM-DD"'),
          );
        }
      } else if (!isNumeric(t)) {
        out.push(
          problem(
            [...path, 'op'],
            'type_mismatch',
            `"${cond.op}" needs a number or date; "${cond.ref}" is neither`,
          ),
        );
      } else if (typeof cond.value !== 'number') {
        out.push(
          problem(
            [...path, 'value'],
            'type_mismatch',
            `"${cond.ref}" is a number: compare with a number`,
          ),
        );
      }
    }
  }
}

import {
  type Answers,
  compile,
  type Definition,
  isNotApplicable,
  NotApplicable,
  valueSchema,
} from '@zhiping/forms';
import type { z } from 'zod';

const schemas = new WeakMap<Definition, Map<string, z.ZodType>>();

/**
 * The engine's message for one answer, or null when it is valid — the same
 * per-item schema `validateAnswers` uses in draft mode, built once per item.
 * Checking only what changed keeps each keystroke cheap; whole-answer
 * validation (required items, unknown ids) stays with `validateAnswers`.
 */
export function checkValue(def: Definition, id: string, value: unknown): string | null {
  const c = compile(def);
  const i = c.itemIndex.get(id);
  const item = i === undefined ? undefined : c.items[i]?.item;
  if (!item || item.kind === 'computed') return '本问卷没有这道题';
  // Not applicable where allowed; elsewhere the value's own message, as the engine gives it.
  if (item.allowNotApplicable && isNotApplicable(value)) {
    const r = NotApplicable.safeParse(value);
    return r.success ? null : (r.error.issues[0]?.message ?? '不适用的说明有误');
  }
  let byId = schemas.get(def);
  if (!byId) {
    byId = new Map();
    schemas.set(def, byId);
  }
  let schema = byId.get(id);
  if (!schema) {
    schema = valueSchema(item, def);
    byId.set(id, schema);
  }
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? '答案有误');
}

/** Ids among the changed answers (null = cleared, always fine) whose value the server would refuse. */
export function invalidIds(def: Definition, changed: Answers): Set<string> {
  const out = new Set<string>();
  for (const [id, v] of Object.entries(changed)) {
    if (v !== null && checkValue(def, id, v) !== null) out.add(id);
  }
  return out;
}

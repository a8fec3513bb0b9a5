import type { Answers } from '../schema/answers.ts';
import type { Definition } from '../schema/definition.ts';
import type { Item } from '../schema/item.ts';
import type { Mapping } from '../schema/mapping.ts';
import { isNotApplicable } from '../schema/not-applicable.ts';
import type { Section } from '../schema/section.ts';
import { normalise } from './values.ts';

export function itemsById(def: Definition): Map<string, Item> {
  const out = new Map<string, Item>();
  const walk = (ss: Section[]) => {
    for (const s of ss) {
      for (const i of s.items) out.set(i.id, i);
      walk(s.sections);
    }
  };
  walk(def.sections);
  return out;
}

/** Why an answer cannot move from one item to another, or null when it can. */
export function incompatibility(
  from: Item,
  to: Item,
  scales: { from: Definition; to: Definition },
): string | null {
  if (from.kind !== to.kind) return `kinds differ (${from.kind} → ${to.kind})`;
  if (from.kind === 'computed') return 'computed items are not answered';
  if (
    (from.kind === 'single' || from.kind === 'multi') &&
    (to.kind === 'single' || to.kind === 'multi')
  ) {
    const target = new Set(to.options.map((o) => o.id));
    const missing = from.options.filter((o) => !target.has(o.id)).map((o) => o.id);
    if (missing.length > 0) return `options missing in the target: ${missing.join(', ')}`;
  }
  if (from.kind === 'scale' && to.kind === 'scale') {
    const a = scales.from.scales[from.scale]?.map((l) => l.value).join(',');
    const b = scales.to.scales[to.scale]?.map((l) => l.value).join(',');
    if (a !== b) return `scale levels differ (${a} → ${b})`;
  }
  return null;
}

export interface CarriedAnswers {
  /** Answers that count at once. */
  answers: Answers;
  /**
   * Answers carried "to be confirmed" (pairs with `confirm: true`), by target
   * item: shown pre-filled but not part of `answers`, so they count as
   * unanswered — and the gates reading them stay unknown — until the
   * respondent confirms them (`confirmPending`) or answers afresh.
   */
  pending: Answers;
  /** Target items filled, in `answers` or in `pending`. */
  carried: string[];
  skipped: { from: string; to: string; reason: string }[];
}

/**
 * Moves confirmed pending answers into the answers; the rest stay pending.
 * An item answered meanwhile keeps its answer (and leaves `pending`).
 *
 * @example confirmPending(carried, ['pre.internal-audit']).answers['pre.internal-audit']
 */
export function confirmPending(
  carried: Pick<CarriedAnswers, 'answers' | 'pending'>,
  ids: readonly string[],
): { answers: Answers; pending: Answers } {
  const answers: Answers = { ...carried.answers };
  const pending: Answers = {};
  for (const [id, v] of Object.entries(carried.pending)) {
    if (Object.hasOwn(answers, id)) continue;
    if (ids.includes(id)) answers[id] = v;
    else pending[id] = v;
  }
  return { answers, pending };
}

/**
 * Carries answers given under one definition to another along a mapping.
 * Answers that do not fit the target item are skipped with a reason, never
 * forced; pairs marked `confirm` go to `pending` instead of `answers`.
 *
 * @example applyMapping(m, gbt2013, gbt2023, answers2013).answers
 */
export function applyMapping(
  mapping: Mapping,
  from: Definition,
  to: Definition,
  answers: Answers,
): CarriedAnswers {
  const fromItems = itemsById(from);
  const toItems = itemsById(to);
  const out: Answers = {};
  const pending: Answers = {};
  const carried: string[] = [];
  const skipped: CarriedAnswers['skipped'] = [];
  for (const pair of mapping.pairs) {
    const a = fromItems.get(pair.from);
    const b = toItems.get(pair.to);
    const raw = answers[pair.from];
    const skip = (reason: string) => skipped.push({ from: pair.from, to: pair.to, reason });
    const into = pair.confirm ? pending : out;
    if (!a || !b) skip('unknown item');
    else if (raw === undefined) skip('unanswered');
    else if (isNotApplicable(raw)) {
      if (b.allowNotApplicable) {
        into[pair.to] = raw;
        carried.push(pair.to);
      } else skip('the target item cannot be marked not applicable');
    } else {
      const why = incompatibility(a, b, { from, to });
      if (why) skip(why);
      else if (normalise(b, raw, to.scales) === undefined)
        skip('the answer does not fit the target item');
      else {
        into[pair.to] = structuredClone(raw);
        carried.push(pair.to);
      }
    }
  }
  return { answers: out, pending, carried, skipped };
}

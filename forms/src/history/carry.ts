import { applyMapping, type CarriedAnswers, itemsById } from '../engine/mapping.ts';
import { type Answers, EvidenceValue } from '../schema/answers.ts';
import { type Definition, refOf } from '../schema/definition.ts';
import type { Item } from '../schema/item.ts';
import type { Mapping } from '../schema/mapping.ts';

/*
 * Starting an assessment from an earlier one: along a declared mapping
 * (2013 → 2023, 贯标 → enterprise programme) or, within one definition,
 * item by item. Dates and figures of a reporting period describe the
 * earlier assessment's moment, so they are carried "to be confirmed".
 */

/** Why a pair did not carry, as a code the catalogues word. */
export type SkipReason = 'unanswered' | 'unknown_item' | 'incompatible' | 'evidence_files';

export interface CarryOverReport {
  /** Target items that count at once. */
  carried: string[];
  /** Target items pre-filled "to be confirmed": unanswered until confirmed. */
  pending: string[];
  /** Pairs that carried nothing, with why. */
  skipped: { from: string; to: string; reason: SkipReason }[];
  /** Target questions the earlier form never asked (no pair leads to them). */
  fresh: string[];
}

/** Items that need re-confirming when carried forward in time: dates, and figures of a period. */
const timeBound = (i: Item) => i.kind === 'date' || ('period' in i && i.period !== undefined);

/**
 * The identity mapping of one definition (or two versions of it) onto itself:
 * every answerable item both have, dates and period figures to be confirmed.
 *
 * @example forwardMapping(gbt2023, gbt2023).pairs.find((p) => p.to === 'pre.started')?.confirm // true
 */
export function forwardMapping(from: Definition, to: Definition): Mapping {
  const source = itemsById(from);
  const pairs: Mapping['pairs'] = [];
  for (const item of itemsById(to).values()) {
    if (item.kind === 'computed' || !source.has(item.id)) continue;
    pairs.push({ from: item.id, to: item.id, confirm: timeBound(item) });
  }
  return {
    id: `${from.id}-forward`,
    title: from.title,
    from: refOf(from),
    to: refOf(to),
    pairs,
  };
}

/**
 * Evidence files belong to the assessment they were uploaded to: a carried
 * evidence answer keeps its reference and note but not its files, and one
 * left with nothing is skipped.
 */
function withoutFiles(
  to: Definition,
  carried: CarriedAnswers,
): { answers: Answers; pending: Answers; dropped: string[] } {
  const items = itemsById(to);
  const dropped: string[] = [];
  const strip = (answers: Answers): Answers => {
    const out: Answers = {};
    for (const [id, v] of Object.entries(answers)) {
      const parsed = items.get(id)?.kind === 'evidence' ? EvidenceValue.safeParse(v) : null;
      if (!parsed?.success || parsed.data.files.length === 0) {
        out[id] = v;
        continue;
      }
      const rest = EvidenceValue.safeParse({ ...parsed.data, files: [] });
      if (rest.success) out[id] = rest.data;
      else dropped.push(id);
    }
    return out;
  };
  const answers = strip(carried.answers);
  const pending = strip(carried.pending);
  return { answers, pending, dropped };
}

const reasonOf = (why: string): SkipReason =>
  why === 'unanswered' ? 'unanswered' : why === 'unknown item' ? 'unknown_item' : 'incompatible';

/**
 * Carries answers along a mapping and says what happened to each pair.
 *
 * @example carryOver(m, gbt2013, gbt2023, answers).report.pending // ['pre.started', …]
 */
export function carryOver(
  mapping: Mapping,
  from: Definition,
  to: Definition,
  answers: Answers,
): { answers: Answers; pending: Answers; report: CarryOverReport } {
  const carried = applyMapping(mapping, from, to, answers);
  const kept = withoutFiles(to, carried);
  const skipped: CarryOverReport['skipped'] = carried.skipped.map((s) => ({
    from: s.from,
    to: s.to,
    reason: reasonOf(s.reason),
  }));
  for (const id of kept.dropped) {
    const pair = mapping.pairs.find((p) => p.to === id);
    skipped.push({ from: pair?.from ?? id, to: id, reason: 'evidence_files' });
  }
  const targeted = new Set(mapping.pairs.map((p) => p.to));
  const fresh = [...itemsById(to).values()]
    .filter((i) => i.kind !== 'computed' && !targeted.has(i.id))
    .map((i) => i.id);
  return {
    answers: kept.answers,
    pending: kept.pending,
    report: {
      carried: Object.keys(kept.answers),
      pending: Object.keys(kept.pending),
      skipped,
      fresh,
    },
  };
}

/**
 * Every item of a definition with the top-level section it sits in, for
 * reports that name items (carry-over, what changed).
 *
 * @example itemPlaces(gbt2023).get('pre.started')?.section // 'pre'
 */
export function itemPlaces(def: Definition): Map<string, { item: Item; section: string }> {
  const out = new Map<string, { item: Item; section: string }>();
  for (const top of def.sections) {
    const walk = (s: Definition['sections'][number]) => {
      for (const item of s.items) out.set(item.id, { item, section: top.id });
      for (const sub of s.sections) walk(sub);
    };
    walk(top);
  }
  return out;
}

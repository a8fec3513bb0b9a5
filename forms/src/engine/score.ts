import type { Answers } from '../schema/answers.ts';
import type { Definition } from '../schema/definition.ts';
import type { ItemStatus, JudgedStatus } from '../schema/enums.ts';
import type { Edition, ItemResult, ScoreResult, SectionResult } from '../schema/result.ts';
import { type Compiled, compile } from './compile.ts';
import { evaluate } from './conditions.ts';
import { gapsOf, nextTier } from './gaps.ts';
import { EPS, round4 } from './numbers.ts';
import { rollUp } from './rollup.ts';
import { evaluateState, progressOf } from './state.ts';
import { decide, type Targets } from './verdict.ts';

export interface ScoreOptions {
  /** The assessment date (ISO `YYYY-MM-DD`), for rules on elapsed time. */
  asOf?: string | undefined;
  /**
   * A reviewer's judgements by item id, applied in place of the answers'
   * points. They change scores and tiers, not gates: a gate reads answers,
   * so a reviewer who doubts a gate's answer returns the assessment instead.
   */
  overrides?: Readonly<Record<string, ItemOverride>> | undefined;
}

/** A reviewer's status for an item; `points` only for `partial` (clamped into 0…max). */
export interface ItemOverride {
  status: JudgedStatus;
  points?: number | undefined;
}

/** Whether the definition applies on the assessment date; undefined when it declares no dates. */
export function editionOf(def: Definition, asOf: string | undefined): Edition | undefined {
  if (!asOf || (!def.validFrom && !def.validUntil)) return undefined;
  const status =
    def.validUntil && asOf > def.validUntil
      ? 'expired'
      : def.validFrom && asOf < def.validFrom
        ? 'notYetInForce'
        : 'current';
  return {
    status,
    ...(def.validFrom ? { validFrom: def.validFrom } : {}),
    ...(def.validUntil ? { validUntil: def.validUntil } : {}),
    ...(def.supersededBy ? { supersededBy: def.supersededBy } : {}),
  };
}

function overridePoints(o: ItemOverride, max: number): number {
  // An observation is a conforming finding with a caution: full points.
  if (o.status === 'met' || o.status === 'observation') return max;
  if (o.status === 'partial') return Math.min(max, Math.max(0, o.points ?? max / 2));
  return 0;
}

/**
 * Scores answers under a definition: pure and deterministic, never throws on
 * bad answers (a value that does not fit its item counts as unanswered).
 *
 * @example
 * const r = score(definition, { 'c5.policy': true }, { asOf: '2026-11-21' });
 * r.total.score; r.verdict.label; r.gaps[0]?.recommendation
 */
export function score(
  def: Definition | Compiled,
  answers: Answers,
  opts: ScoreOptions = {},
): ScoreResult {
  const c = 'order' in def ? def : compile(def);
  const s = evaluateState(c, answers, opts.asOf);

  const n = c.items.length;
  const items: ItemResult[] = new Array(n);
  const pts: number[] = new Array(n).fill(0);
  const applicable: boolean[] = new Array(n).fill(false);
  for (const ci of c.items) {
    const { item, index, scorer } = ci;
    const vis = s.visible[index] === true;
    // Own keys only: an item id such as `constructor` must not find Object.prototype.
    const o =
      vis && opts.overrides && Object.hasOwn(opts.overrides, item.id)
        ? opts.overrides[item.id]
        : undefined;
    const applies = vis && (o ? o.status !== 'not_applicable' : s.notApplicable[index] !== true);
    const v = s.vals[index];
    let status: ItemStatus;
    let p = 0;
    if (!applies) status = 'not_applicable';
    else if (o && scorer.max > 0) {
      p = overridePoints(o, scorer.max);
      status = p >= scorer.max - EPS ? 'met' : p <= EPS ? 'unmet' : 'partial';
    } else if (v === undefined) status = 'unanswered';
    else if (scorer.max <= 0) status = 'info';
    else {
      p = scorer.points(v);
      status = p >= scorer.max - EPS ? 'met' : p <= EPS ? 'unmet' : 'partial';
    }
    pts[index] = p;
    applicable[index] = applies;
    const required =
      applies &&
      item.kind !== 'computed' &&
      (item.requiredWhen ? evaluate(item.requiredWhen, s.get, s.asOf) : item.required);
    const result: ItemResult = {
      id: item.id,
      section: ci.sectionId,
      status,
      points: round4(p),
      max: applies ? scorer.max : 0,
      visible: vis,
      required,
      weight: 0,
    };
    // Set only when true (not spread in: that cost 3 % of scoring, issue 15).
    if (o) result.overridden = true;
    if (applies && o?.status === 'observation') result.observation = true;
    items[index] = result;
  }

  const r = rollUp(c, s.sectionVisible, applicable, pts);
  for (let i = 0; i < n; i++) {
    const it = items[i] as ItemResult;
    it.weight = round4((r.unit[i] ?? 0) * it.max);
  }
  const total = round4((r.total ?? 0) * 100 + r.bonus);
  const sections: SectionResult[] = c.sections.map((cs) => ({
    id: cs.section.id,
    title: cs.section.title,
    parent: cs.parent < 0 ? null : (c.sections[cs.parent]?.section.id ?? null),
    visible: s.sectionVisible[cs.index] === true,
    points: round4(r.points[cs.index] ?? 0),
    max: round4(r.max[cs.index] ?? 0),
    ratio: r.ratio[cs.index] === null ? null : round4(r.ratio[cs.index] ?? 0),
    weight: cs.section.weight,
  }));

  let targets: Targets | undefined;
  for (const ci of c.items) {
    const it = ci.item;
    if ((it.kind !== 'number' && it.kind !== 'computed') || it.scoring?.type !== 'target') continue;
    targets ??= { attained: 0, total: 0, missed: [] };
    const st = items[ci.index]?.status;
    if (st === 'not_applicable') continue;
    targets.total++;
    if (st === 'met') targets.attained++;
    else targets.missed.push(it.id);
  }
  const v = decide(c, s, total, targets);
  const gaps = gapsOf(c, items, pts, r.unit);
  let topPoints = 0;
  let topMax = 0;
  for (const i of c.top) {
    topPoints += r.points[i] ?? 0;
    topMax += r.max[i] ?? 0;
  }
  const edition = editionOf(c.definition, opts.asOf);
  if (edition?.status === 'expired') {
    // Criteria that no longer apply give no tier, whatever the score: the reason says what
    // replaced them; scores, gates and gaps stay (how far from the successor).
    v.tier = null;
    v.label = null;
    v.reasons = [
      {
        code: 'definition.expired',
        validUntil: edition.validUntil as string,
        ...(c.definition.supersededBy ? { supersededBy: c.definition.supersededBy } : {}),
        ...(c.definition.expiredMessage ? { message: c.definition.expiredMessage } : {}),
      },
    ];
  }
  const derived: Record<string, number | null> = {};
  c.derived.forEach((d, k) => {
    derived[d.id] = (s.vals[n + k] as number | undefined) ?? null;
  });
  return {
    definition: { id: c.definition.id, version: c.definition.version, hash: c.hash },
    ...(targets ? { targets } : {}),
    ...(edition ? { edition } : {}),
    total: { score: total, points: round4(topPoints), max: round4(topMax) },
    progress: progressOf(c, s),
    sections,
    items,
    derived,
    gates: v.gates,
    verdict: { tier: v.tier, label: v.label, reasons: v.reasons },
    trace: v.trace,
    gaps,
    next:
      edition?.status === 'expired'
        ? null
        : nextTier(c, v.reached, total, gaps, v.gateOutcome, s.get, s.asOf),
  };
}

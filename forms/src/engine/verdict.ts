import type { Text } from '../schema/common.ts';
import type { GateOutcome } from '../schema/enums.ts';
import type { Blocker, GateResult, Reason, TraceStep } from '../schema/result.ts';
import { type Compiled, inputItems } from './compile.ts';
import { conditionRefs, evaluate3, heldFromDate } from './conditions.ts';
import { compareNumbers, round4 } from './numbers.ts';
import type { State } from './state.ts';

export interface Verdict {
  gates: GateResult[];
  gateOutcome: Map<string, GateOutcome>;
  /** Index of the highest tier reached, −1 for none. */
  reached: number;
  tier: string | null;
  label: Text | null;
  reasons: Reason[];
  trace: TraceStep[];
}

const outcomeOf = (holds: boolean | undefined): GateOutcome =>
  holds === true ? 'passed' : holds === false ? 'failed' : 'unknown';

/**
 * Whether a gate is undetermined only because inputs do not apply: some item
 * it reads is hidden by answers that are given (or answered not applicable),
 * and every item it reads that does apply is answered — so answering more
 * cannot decide it.
 */
function onlyNotApplicable(c: Compiled, s: State, gate: string): boolean {
  let na = false;
  for (const i of c.gateInputs.get(gate) ?? []) {
    const ci = c.items[i];
    if (!ci) continue;
    if (s.notApplicable[i]) na = true;
    else if (!s.visible[i]) {
      if (!hiddenByAnswers(c, s, i)) return false;
      na = true;
    } else if (s.vals[i] === undefined) {
      // An empty computed item is an open question while something it is computed from is.
      if (ci.item.kind !== 'computed' || awaitsAnswers(c, s, [ci.item.value])) return false;
    }
  }
  return na;
}

/**
 * Whether an item that is asked (shown, applicable) and unanswered feeds
 * `refs` — directly, or through the derived values they name.
 */
function awaitsAnswers(c: Compiled, s: State, refs: Iterable<string>): boolean {
  for (const r of inputItems(c.definition, refs)) {
    const j = c.itemIndex.get(r);
    const item = j === undefined ? undefined : c.items[j]?.item;
    if (j === undefined || !item || !s.visible[j] || s.notApplicable[j]) continue;
    if (s.vals[j] !== undefined) continue;
    // An empty computed item waits on what it is computed from (the compiler refuses cycles).
    if (item.kind !== 'computed' || awaitsAnswers(c, s, [item.value])) return true;
  }
  return false;
}

/** A hidden item whose visibility conditions read only given answers (not unanswered ones). */
function hiddenByAnswers(c: Compiled, s: State, i: number): boolean {
  const ci = c.items[i];
  if (!ci) return false;
  const refs = new Set<string>();
  if (ci.item.visibleWhen) conditionRefs(ci.item.visibleWhen, refs);
  for (let k = ci.section; k >= 0; k = c.sections[k]?.parent ?? -1) {
    const cond = c.sections[k]?.section.visibleWhen;
    if (cond) conditionRefs(cond, refs);
  }
  // An unanswered question that is itself asked could still show the item, also when the
  // condition reads it through a derived value.
  return !awaitsAnswers(c, s, refs);
}

function gateResults(c: Compiled, s: State, trace: TraceStep[]): GateResult[] {
  return c.definition.gates.map((gate) => {
    let outcome = outcomeOf(evaluate3(gate.condition, s.get, s.asOf));
    const byNa =
      outcome === 'unknown' && gate.whenNotApplicable && onlyNotApplicable(c, s, gate.id);
    if (byNa) outcome = gate.whenNotApplicable === 'pass' ? 'passed' : 'failed';
    // A failed gate that only time can pass says from when it will.
    const eligibleFrom =
      outcome === 'failed' && s.asOf ? heldFromDate(gate.condition, s.get, s.asOf) : undefined;
    trace.push({
      rule: `gate:${gate.id}`,
      outcome,
      code: 'gate',
      gate: gate.id,
      ...(eligibleFrom ? { eligibleFrom } : {}),
    });
    return {
      id: gate.id,
      title: gate.title,
      kind: gate.kind,
      outcome,
      message:
        outcome === 'passed'
          ? null
          : byNa && gate.notApplicableMessage
            ? gate.notApplicableMessage
            : gate.failMessage,
      citations: gate.citations,
      ...(eligibleFrom ? { eligibleFrom } : {}),
      ...(byNa ? { notApplicable: true } : {}),
    };
  });
}

/**
 * Decides the verdict: tiers are cumulative from the lowest, and each step
 * of the decision goes into the trace as a code (the words are the
 * catalogues' business, so a stored result reads in any language).
 */
/** Applicable target-scored items: how many are met, which are not. */
export interface Targets {
  attained: number;
  total: number;
  missed: string[];
}

export function decide(c: Compiled, s: State, total: number, targets?: Targets): Verdict {
  const trace: TraceStep[] = [];
  const gates = gateResults(c, s, trace);
  const gateOutcome = new Map(gates.map((g) => [g.id, g.outcome]));
  const score = round4(total);
  let reached = -1;
  let stillOk = true;
  const blockers: Blocker[][] = [];
  c.tiers.forEach((tier, k) => {
    const why: Blocker[] = [];
    const scoreOk = compareNumbers(total, tier.minScore) >= 0;
    trace.push({
      rule: `tier:${tier.id}.minScore`,
      outcome: scoreOk ? 'passed' : 'failed',
      code: 'tier.score',
      tier: tier.id,
      score,
      min: tier.minScore,
    });
    if (!scoreOk) why.push({ code: 'score.below', score, min: tier.minScore });
    for (const id of c.tierGates[k] ?? tier.gates) {
      const outcome = gateOutcome.get(id) ?? 'unknown';
      trace.push({
        rule: `tier:${tier.id}.gate:${id}`,
        outcome,
        code: 'tier.gate',
        tier: tier.id,
        gate: id,
      });
      const from = gates.find((g) => g.id === id)?.eligibleFrom;
      if (outcome === 'failed' && from) why.push({ code: 'gate.waiting', gate: id, from });
      else if (outcome === 'failed') why.push({ code: 'gate.failed', gate: id });
      else if (outcome !== 'passed') why.push({ code: 'gate.unknown', gate: id });
    }
    if (tier.requires) {
      const holds = evaluate3(tier.requires, s.get, s.asOf);
      trace.push({
        rule: `tier:${tier.id}.requires`,
        outcome: outcomeOf(holds),
        code: 'tier.requires',
        tier: tier.id,
      });
      if (holds === false) why.push({ code: 'requires.failed', tier: tier.id, label: tier.label });
      else if (holds === undefined)
        why.push({ code: 'requires.unknown', tier: tier.id, label: tier.label });
    }
    if (tier.allTargets && targets && targets.missed.length > 0)
      why.push({ code: 'targets.missed', ...targets });
    blockers.push(why);
    stillOk = stillOk && why.length === 0;
    if (stillOk) reached = k;
  });
  const reachedTier = c.tiers[reached];
  const reasons: Reason[] = [];
  if (reachedTier)
    reasons.push({ code: 'tier.reached', tier: reachedTier.id, label: reachedTier.label, score });
  const above = c.tiers[reached + 1];
  if (above)
    reasons.push({
      code: 'tier.missed',
      tier: above.id,
      label: above.label,
      blockers: blockers[reached + 1] ?? [],
    });
  // The count of targets attained, unless the missed tier's blockers already list them.
  const listed = reasons.some(
    (r) => r.code === 'tier.missed' && r.blockers.some((b) => b.code === 'targets.missed'),
  );
  if (targets && !listed && c.tiers.some((t) => t.allTargets))
    reasons.push({ code: 'targets.summary', ...targets });
  return {
    gates,
    gateOutcome,
    reached,
    tier: reachedTier?.id ?? null,
    label: reachedTier ? reachedTier.label : null,
    reasons,
    trace,
  };
}

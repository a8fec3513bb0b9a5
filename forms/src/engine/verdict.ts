import { type Text, zh } from '../schema/common.ts';
import type { GateOutcome, GateResult, TraceStep } from '../schema/result.ts';
import type { Compiled } from './compile.ts';
import { evaluate3 } from './conditions.ts';
import { EPS } from './numbers.ts';
import type { State } from './state.ts';

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

export interface Verdict {
  gates: GateResult[];
  gateOutcome: Map<string, GateOutcome>;
  /** Index of the highest tier reached, −1 for none. */
  reached: number;
  tier: string | null;
  label: Text;
  reasons: string[];
  trace: TraceStep[];
}

function gateResults(c: Compiled, s: State, trace: TraceStep[]): GateResult[] {
  return c.definition.gates.map((gate) => {
    const holds = evaluate3(gate.condition, s.get);
    const outcome: GateOutcome = holds === true ? 'passed' : holds === false ? 'failed' : 'unknown';
    const title = zh(gate.title);
    trace.push({
      rule: `gate:${gate.id}`,
      outcome,
      detail:
        outcome === 'passed'
          ? `${title}：已满足`
          : outcome === 'failed'
            ? `${title}：未满足 — ${zh(gate.failMessage)}`
            : `${title}：尚缺作答，无法判断`,
    });
    return {
      id: gate.id,
      title: gate.title,
      kind: gate.kind,
      outcome,
      message: outcome === 'passed' ? null : gate.failMessage,
      citations: gate.citations,
    };
  });
}

/**
 * Decides the verdict: tiers are cumulative from the lowest, and each step
 * of the decision goes into the trace.
 */
export function decide(c: Compiled, s: State, total: number): Verdict {
  const trace: TraceStep[] = [];
  const gates = gateResults(c, s, trace);
  const gateOutcome = new Map(gates.map((g) => [g.id, g.outcome]));
  let reached = -1;
  let stillOk = true;
  const blockers: string[][] = [];
  c.tiers.forEach((tier, k) => {
    const why: string[] = [];
    const scoreOk = total >= tier.minScore - EPS;
    trace.push({
      rule: `tier:${tier.id}.minScore`,
      outcome: scoreOk ? 'passed' : 'failed',
      detail: `总分 ${fmt(total)} ${scoreOk ? '≥' : '<'} ${tier.minScore}`,
    });
    if (!scoreOk) why.push(`总分 ${fmt(total)} 低于 ${tier.minScore}`);
    for (const id of tier.gates) {
      const outcome = gateOutcome.get(id) ?? 'unknown';
      const gate = c.gateById.get(id);
      trace.push({
        rule: `tier:${tier.id}.gate:${id}`,
        outcome,
        detail: `要求门槛「${gate ? zh(gate.title) : id}」`,
      });
      if (outcome === 'failed' && gate) why.push(zh(gate.failMessage));
      else if (outcome !== 'passed') why.push(`门槛「${gate ? zh(gate.title) : id}」尚缺作答`);
    }
    if (tier.requires) {
      const holds = evaluate3(tier.requires, s.get);
      const outcome = holds === true ? 'passed' : holds === false ? 'failed' : 'unknown';
      trace.push({ rule: `tier:${tier.id}.requires`, outcome, detail: '附加条件' });
      if (holds === false) why.push(`未满足「${zh(tier.label)}」的附加条件`);
      else if (holds === undefined) why.push(`「${zh(tier.label)}」的附加条件尚缺作答`);
    }
    blockers.push(why);
    stillOk = stillOk && why.length === 0;
    if (stillOk) reached = k;
  });
  const reachedTier = c.tiers[reached];
  const reasons: string[] = [];
  if (reachedTier)
    reasons.push(`达到「${zh(reachedTier.label)}」：总分 ${fmt(total)}，所需门槛均已通过`);
  const above = c.tiers[reached + 1];
  if (above)
    reasons.push(`未达到「${zh(above.label)}」：${(blockers[reached + 1] ?? []).join('；')}`);
  return {
    gates,
    gateOutcome,
    reached,
    tier: reachedTier?.id ?? null,
    label: reachedTier ? reachedTier.label : '未达到任何等级',
    reasons,
    trace,
  };
}

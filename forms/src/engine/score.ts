import { type Answers, isNotApplicable } from '../schema/answers.ts';
import { type Text, zh } from '../schema/common.ts';
import type { Definition } from '../schema/definition.ts';
import type {
  GateOutcome,
  GateResult,
  ItemResult,
  ItemStatus,
  ScoreResult,
  SectionResult,
  TraceStep,
} from '../schema/result.ts';
import { type Compiled, compile } from './compile.ts';
import { evaluate } from './conditions.ts';
import { evaluateExpr } from './expr.ts';
import { gapsOf, nextTier } from './gaps.ts';
import { normalise, type Value } from './values.ts';

export interface ScoreOptions {
  /** The assessment date (ISO `YYYY-MM-DD`), for rules on elapsed time. */
  asOf?: string | undefined;
}

const EPS = 1e-9;
export const round4 = (n: number): number => Math.round(n * 1e4) / 1e4;
const fmt = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * Scores answers under a definition: pure and deterministic, never throws on
 * bad answers (a value that does not fit its item counts as unanswered).
 *
 * @example
 * const r = score(definition, { policy: true, budget: 'regular' }, { asOf: '2026-11-21' });
 * r.total.score; r.verdict.label; r.gaps[0]?.recommendation
 */
export function score(
  def: Definition | Compiled,
  answers: Answers,
  opts: ScoreOptions = {},
): ScoreResult {
  const c = 'order' in def ? def : compile(def);
  const nItems = c.items.length;
  const values = new Map<string, Value>();
  const get = (ref: string) => values.get(ref);
  const sectionVisible: boolean[] = new Array(c.sections.length).fill(false);
  const visible: boolean[] = new Array(nItems).fill(false);
  const na: boolean[] = new Array(nItems).fill(false);
  const ctx = { get, asOf: opts.asOf };

  for (const step of c.order) {
    if (step.kind === 'section') {
      const cs = c.sections[step.index];
      if (!cs) continue;
      const parentVisible = cs.parent < 0 || sectionVisible[cs.parent] === true;
      const cond = cs.section.visibleWhen;
      sectionVisible[step.index] = parentVisible && (!cond || evaluate(cond, get));
    } else if (step.kind === 'item') {
      const ci = c.items[step.index];
      if (!ci) continue;
      const { item } = ci;
      const vis =
        sectionVisible[ci.section] === true &&
        (!item.visibleWhen || evaluate(item.visibleWhen, get));
      visible[step.index] = vis;
      if (!vis) continue;
      const raw = answers[item.id];
      if (item.allowNotApplicable && isNotApplicable(raw)) {
        na[step.index] = true;
        continue;
      }
      const v =
        item.kind === 'computed'
          ? values.get(item.value)
          : normalise(item, raw, c.definition.scales);
      if (v !== undefined) values.set(item.id, v);
    } else {
      const d = c.derived[step.index];
      if (!d) continue;
      const v = evaluateExpr(d.expr, ctx);
      if (v !== undefined) values.set(d.id, v);
    }
  }

  // Items: status and points.
  const items: ItemResult[] = new Array(nItems);
  const pts: number[] = new Array(nItems).fill(0);
  const requiredMissing: string[] = [];
  let answered = 0;
  let applicable = 0;
  for (const ci of c.items) {
    const { item, index, scorer } = ci;
    const vis = visible[index] === true;
    const isNa = na[index] === true;
    const v = values.get(item.id);
    let status: ItemStatus;
    let p = 0;
    if (!vis || isNa) status = 'not_applicable';
    else if (v === undefined) status = 'unanswered';
    else if (scorer.max <= 0) status = 'info';
    else {
      p = scorer.points(v);
      status = p >= scorer.max - EPS ? 'met' : p <= EPS ? 'unmet' : 'partial';
    }
    pts[index] = p;
    const askable = item.kind !== 'computed';
    const required =
      vis &&
      !isNa &&
      askable &&
      (item.requiredWhen ? evaluate(item.requiredWhen, get) : item.required);
    if (vis && !isNa && askable) {
      applicable++;
      if (v !== undefined) answered++;
      else if (required) requiredMissing.push(item.id);
    }
    items[index] = {
      id: item.id,
      section: c.sections[ci.section]?.section.id ?? '',
      status,
      points: round4(p),
      max: vis && !isNa ? scorer.max : 0,
      visible: vis,
      required,
      weight: 0,
    };
  }

  // Sections, leaves first (sections are stored parents before children).
  const sPoints: number[] = new Array(c.sections.length).fill(0);
  const sMax: number[] = new Array(c.sections.length).fill(0);
  const sRatio: (number | null)[] = new Array(c.sections.length).fill(null);
  const weightOf = (i: number) => c.sections[i]?.section.weight ?? 0;
  const rollUp = (children: number[]): number | null => {
    let w = 0;
    let acc = 0;
    for (const ch of children) {
      const r = sRatio[ch];
      if (r === null || r === undefined) continue;
      w += weightOf(ch);
      acc += weightOf(ch) * r;
    }
    return w > 0 ? acc / w : null;
  };
  for (let i = c.sections.length - 1; i >= 0; i--) {
    const cs = c.sections[i];
    if (!cs || !sectionVisible[i]) continue;
    let p = 0;
    let m = 0;
    for (const ii of cs.items) {
      const r = items[ii];
      if (r && r.status !== 'not_applicable') {
        p += pts[ii] ?? 0;
        m += r.max;
      }
    }
    for (const ch of cs.children) {
      p += sPoints[ch] ?? 0;
      m += sMax[ch] ?? 0;
    }
    sPoints[i] = p;
    sMax[i] = m;
    sRatio[i] = cs.children.length > 0 ? rollUp(cs.children) : m > 0 ? p / m : null;
  }
  const top = c.sections.filter((s) => s.parent < 0).map((s) => s.index);
  const totalRatio = rollUp(top);
  const total = round4((totalRatio ?? 0) * 100);

  // Each section's share of the total, then each item's worth on it.
  const share: number[] = new Array(c.sections.length).fill(0);
  const spread = (group: number[], parentShare: number) => {
    let w = 0;
    for (const g of group) if (sRatio[g] !== null) w += weightOf(g);
    for (const g of group) {
      if (sRatio[g] === null || w === 0) continue;
      share[g] = (parentShare * weightOf(g)) / w;
      spread(c.sections[g]?.children ?? [], share[g] ?? 0);
    }
  };
  spread(top, 1);
  const unit: number[] = new Array(nItems).fill(0); // total points per item point
  for (const cs of c.sections) {
    const m = sMax[cs.index] ?? 0;
    if (m <= 0) continue;
    for (const ii of cs.items) unit[ii] = ((share[cs.index] ?? 0) * 100) / m;
  }
  for (const r of items) r.weight = round4((unit[c.itemIndex.get(r.id) ?? 0] ?? 0) * r.max);

  const sections: SectionResult[] = c.sections.map((cs) => ({
    id: cs.section.id,
    title: cs.section.title,
    parent: cs.parent < 0 ? null : (c.sections[cs.parent]?.section.id ?? null),
    visible: sectionVisible[cs.index] === true,
    points: round4(sPoints[cs.index] ?? 0),
    max: round4(sMax[cs.index] ?? 0),
    ratio: sRatio[cs.index] === null ? null : round4(sRatio[cs.index] ?? 0),
    weight: cs.section.weight,
  }));

  // Gates: unknown while what they read is missing.
  const trace: TraceStep[] = [];
  const gateOutcome = new Map<string, GateOutcome>();
  const gates: GateResult[] = c.gates.map(({ gate, refs }) => {
    let outcome: GateOutcome = 'passed';
    if (!evaluate(gate.condition, get))
      outcome = refs.some((r) => !values.has(r)) ? 'unknown' : 'failed';
    gateOutcome.set(gate.id, outcome);
    trace.push({
      rule: `gate:${gate.id}`,
      outcome,
      detail:
        outcome === 'passed'
          ? `${zh(gate.title)}：已满足`
          : outcome === 'failed'
            ? `${zh(gate.title)}：未满足 — ${zh(gate.failMessage)}`
            : `${zh(gate.title)}：尚缺作答，无法判断`,
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

  // Tiers, cumulative from the lowest.
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
    for (const g of tier.gates) {
      const o = gateOutcome.get(g) ?? 'unknown';
      trace.push({ rule: `tier:${tier.id}.gate:${g}`, outcome: o, detail: `要求门槛「${g}」` });
      if (o !== 'passed') {
        const gate = c.gates.find((x) => x.gate.id === g)?.gate;
        why.push(
          o === 'failed' && gate
            ? zh(gate.failMessage)
            : `门槛「${gate ? zh(gate.title) : g}」尚缺作答`,
        );
      }
    }
    if (tier.requires) {
      const ok = evaluate(tier.requires, get);
      trace.push({
        rule: `tier:${tier.id}.requires`,
        outcome: ok ? 'passed' : 'failed',
        detail: '附加条件',
      });
      if (!ok) why.push(`未满足「${zh(tier.label)}」的附加条件`);
    }
    blockers.push(why);
    stillOk = stillOk && why.length === 0;
    if (stillOk) reached = k;
  });
  const reachedTier = reached >= 0 ? c.tiers[reached] : undefined;
  const reasons: string[] = [];
  if (reachedTier)
    reasons.push(`达到「${zh(reachedTier.label)}」：总分 ${fmt(total)}，所需门槛均已通过`);
  const above = c.tiers[reached + 1];
  if (above)
    reasons.push(`未达到「${zh(above.label)}」：${(blockers[reached + 1] ?? []).join('；')}`);
  const label: Text = reachedTier ? reachedTier.label : '未达到任何等级';

  const gaps = gapsOf(c, items, pts, unit);
  return {
    definition: { id: c.definition.id, version: c.definition.version, hash: c.hash },
    total: {
      score: total,
      points: round4(top.reduce((s, i) => s + (sPoints[i] ?? 0), 0)),
      max: round4(top.reduce((s, i) => s + (sMax[i] ?? 0), 0)),
    },
    progress: { answered, applicable, requiredMissing },
    sections,
    items,
    derived: Object.fromEntries(
      c.derived.map((d) => [d.id, (values.get(d.id) as number | undefined) ?? null]),
    ),
    gates,
    verdict: { tier: reachedTier?.id ?? null, label, reasons },
    trace,
    gaps,
    next: nextTier(c, reached, total, gaps, gateOutcome, get),
  };
}

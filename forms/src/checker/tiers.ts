import { inputItems, tierGates } from '../engine/compile.ts';
import { conditionRefs } from '../engine/conditions.ts';
import { type Problem, problem } from '../problem.ts';
import type { Scalar } from '../schema/common.ts';
import type { Condition } from '../schema/condition.ts';
import type { Definition } from '../schema/definition.ts';
import type { Section } from '../schema/section.ts';

interface Bounds {
  eq: Set<Scalar>;
  ne: Set<Scalar>;
  lo: number;
  loStrict: boolean;
  hi: number;
  hiStrict: boolean;
}

/** The literal comparisons a condition forces when it holds (conjunctions only). */
function literals(c: Condition, out: Condition[]): boolean {
  if (c.op === 'all') return c.of.every((x) => literals(x, out));
  if (c.op === 'any' && c.of.length === 0) return false; // can never hold
  if (c.op === 'any' && c.of.length === 1 && c.of[0]) return literals(c.of[0], out);
  out.push(c);
  return true;
}

/** Why a conjunction of literal comparisons can never hold, or null. */
export function contradiction(conds: Condition[]): string | null {
  const lits: Condition[] = [];
  for (const c of conds)
    if (!literals(c, lits)) return 'a requirement is an empty "any", which never holds';
  const byRef = new Map<string, Bounds>();
  const b = (ref: string): Bounds => {
    let x = byRef.get(ref);
    if (!x) {
      x = {
        eq: new Set(),
        ne: new Set(),
        lo: -Infinity,
        loStrict: false,
        hi: Infinity,
        hiStrict: false,
      };
      byRef.set(ref, x);
    }
    return x;
  };
  for (const l of lits) {
    if (!('ref' in l) || !('value' in l)) continue;
    const x = b(l.ref);
    const v = l.value;
    if (l.op === 'eq') x.eq.add(v);
    else if (l.op === 'ne') x.ne.add(v);
    else if (typeof v === 'number') {
      if (l.op === 'gt' || l.op === 'gte') {
        if (v > x.lo || (v === x.lo && l.op === 'gt')) [x.lo, x.loStrict] = [v, l.op === 'gt'];
      } else if (l.op === 'lt' || l.op === 'lte') {
        if (v < x.hi || (v === x.hi && l.op === 'lt')) [x.hi, x.hiStrict] = [v, l.op === 'lt'];
      }
    }
  }
  for (const [ref, x] of byRef) {
    if (x.eq.size > 1) return `"${ref}" would have to equal ${[...x.eq].join(' and ')} at once`;
    if (x.lo > x.hi || (x.lo === x.hi && (x.loStrict || x.hiStrict))) {
      return `"${ref}" would have to be ${x.loStrict ? '>' : '≥'} ${x.lo} and ${x.hiStrict ? '<' : '≤'} ${x.hi}`;
    }
    for (const v of x.eq) {
      if (x.ne.has(v)) return `"${ref}" would have to equal and differ from ${String(v)}`;
      if (typeof v === 'number') {
        const below = v < x.lo || (v === x.lo && x.loStrict);
        const above = v > x.hi || (v === x.hi && x.hiStrict);
        if (below || above) return `"${ref}" would have to equal ${v} outside its bounds`;
      }
    }
  }
  return null;
}

/**
 * Tiers that can never be the verdict: a threshold above 100, an unknown
 * gate, or requirements (its own and those of the tiers below it, since
 * tiers are cumulative, and every veto above the lowest) that contradict
 * each other. Gates that cannot act: an eligibility gate no tier names, a
 * veto with no tier above the lowest to cap, or a veto made a condition of
 * the lowest tier (where a failed veto must leave the verdict).
 */
export function checkTiers(def: Definition): Problem[] {
  const out: Problem[] = [];
  const gates = new Map(def.gates.map((g) => [g.id, g]));
  const acc: Condition[] = [];
  const named = new Set(def.tiers.flatMap((t) => t.gates));
  const lowest = def.tiers[0];
  def.gates.forEach((g, i) => {
    if (g.kind === 'veto') {
      if (def.tiers.length < 2)
        out.push(
          problem(
            ['gates', i, 'kind'],
            'veto_without_effect',
            `veto gate "${g.id}" cannot take effect: with one tier there is nothing to cap`,
          ),
        );
      else if (lowest?.gates.includes(g.id))
        out.push(
          problem(
            ['tiers', 0, 'gates', lowest.gates.indexOf(g.id)],
            'veto_without_effect',
            `veto gate "${g.id}" is a condition of the lowest tier "${lowest.id}", where a failed veto must leave the verdict; remove it there`,
          ),
        );
    } else if (!named.has(g.id))
      out.push(
        problem(
          ['gates', i, 'id'],
          'unused_gate',
          `gate "${g.id}" is named by no tier, so it never affects the verdict: list it in the tiers it blocks, or make it a veto`,
        ),
      );
  });
  const effective = tierGates(def);
  const ceiling = 100 + def.sections.reduce((s, x) => s + (x.bonus ?? 0), 0);
  def.sections.forEach((s, i) => {
    s.sections.forEach((sub, j) => {
      if (sub.bonus !== undefined)
        out.push(
          problem(
            ['sections', i, 'sections', j, 'bonus'],
            'nested_bonus',
            `only a top-level section can be a bonus section ("${sub.id}" is nested)`,
          ),
        );
    });
  });
  def.tiers.forEach((t, i) => {
    if (t.minScore > ceiling) {
      out.push(
        problem(
          ['tiers', i, 'minScore'],
          'unreachable_tier',
          `tier "${t.id}" needs ${t.minScore} of a ${ceiling}-point total`,
        ),
      );
    }
    t.gates.forEach((g, j) => {
      if (!gates.has(g))
        out.push(problem(['tiers', i, 'gates', j], 'unknown_ref', `unknown gate "${g}"`));
    });
    for (const g of effective[i] ?? []) {
      const gate = gates.get(g);
      if (gate && !acc.includes(gate.condition)) acc.push(gate.condition);
    }
    if (t.requires) acc.push(t.requires);
    const why = contradiction(acc);
    if (why)
      out.push(
        problem(['tiers', i], 'unreachable_tier', `tier "${t.id}" can never be reached: ${why}`),
      );
  });
  return out;
}

/** Item ids that a profile answer can hide or that may be answered not applicable. */
function hideableItems(def: Definition): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (ss: Section[], hiddenBy: string | null) => {
    for (const s of ss) {
      const sectionHidden =
        hiddenBy ?? (s.visibleWhen ? `section "${s.id}" has visibleWhen` : null);
      for (const i of s.items) {
        const why =
          sectionHidden ??
          (i.visibleWhen
            ? 'it has visibleWhen'
            : i.allowNotApplicable
              ? 'it may be answered not applicable'
              : null);
        if (why) out.set(i.id, why);
      }
      walk(s.sections, sectionHidden);
    }
  };
  walk(def.sections, null);
  return out;
}

/**
 * A gate that reads an input which can be hidden or not applicable must say
 * what that means (`whenNotApplicable: pass | fail`); otherwise a profile
 * answer would leave it "unknown" with everything answered.
 */
export function checkGateInputs(def: Definition): Problem[] {
  const out: Problem[] = [];
  const hideable = hideableItems(def);
  def.gates.forEach((g, i) => {
    if (g.whenNotApplicable) return;
    const hidden = [...inputItems(def, conditionRefs(g.condition))].filter((id) =>
      hideable.has(id),
    );
    if (hidden.length > 0)
      out.push(
        problem(
          ['gates', i, 'id'],
          'hidden_input',
          `gate "${g.id}" reads ${hidden.map((id) => `"${id}" (${hideable.get(id)})`).join(', ')}: say what that means with whenNotApplicable: pass | fail`,
        ),
      );
  });
  return out;
}

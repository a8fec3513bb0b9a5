import type { Definition } from '../schema/definition.ts';
import type { Derived } from '../schema/expr.ts';
import type { Gate, Tier } from '../schema/gate-tier.ts';
import type { Item } from '../schema/item.ts';
import type { Section } from '../schema/section.ts';
import { conditionRefs } from './conditions.ts';
import { exprRefs } from './expr.ts';
import { contentHash } from './hash.ts';
import { type ItemScorer, scorerFor } from './item-points.ts';
import { reader, type Value } from './values.ts';

export interface CompiledSection {
  section: Section;
  index: number;
  parent: number;
  children: number[];
  items: number[];
}

export interface CompiledItem {
  item: Item;
  index: number;
  section: number;
  sectionId: string;
  scorer: ItemScorer;
  /** The item's normalised value from a raw answer (see `normalise`). */
  read: (raw: unknown) => Value | undefined;
}

/** One step of evaluation, in an order where every input comes first. */
export type Step =
  | { kind: 'section'; index: number }
  | { kind: 'item'; index: number }
  | { kind: 'derived'; index: number };

/** A definition indexed for fast, repeated scoring. */
export interface Compiled {
  definition: Definition;
  hash: string;
  sections: CompiledSection[];
  items: CompiledItem[];
  derived: Derived[];
  tiers: Tier[];
  order: Step[];
  itemIndex: Map<string, number>;
  /** Where each item (0…n−1) and derived value (n…) keeps its value during scoring. */
  slot: Map<string, number>;
  /** Indexes of the top-level sections. */
  top: number[];
  gateById: Map<string, Gate>;
  /**
   * The gates each tier requires, by tier index: its own and, above the
   * lowest tier, every veto gate — a failed veto caps the verdict at the
   * lowest tier whichever tiers name it, and an undetermined veto keeps
   * every higher tier open.
   */
  tierGates: string[][];
  /** Per gate id, the items its condition reads, directly or through derived values. */
  gateInputs: Map<string, number[]>;
}

export class CycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`circular dependency: ${cycle.join(' → ')}`);
    this.name = 'CycleError';
  }
}

type Node = { step: Step; deps: string[] };

/** The dependency graph of a definition, keyed `s:`/`i:`/`d:` + id. */
export function dependencyGraph(def: Definition): Map<string, Node> {
  const graph = new Map<string, Node>();
  let itemCount = 0;
  let sectionCount = 0;
  const refKey = (ref: string, derivedIds: Set<string>) =>
    derivedIds.has(ref) ? `d:${ref}` : `i:${ref}`;
  const derivedIds = new Set(def.derived.map((d) => d.id));
  const walk = (s: Section, parent: string | null) => {
    const key = `s:${s.id}`;
    const deps = s.visibleWhen
      ? [...conditionRefs(s.visibleWhen)].map((r) => refKey(r, derivedIds))
      : [];
    if (parent) deps.push(parent);
    graph.set(key, { step: { kind: 'section', index: sectionCount++ }, deps });
    for (const it of s.items) {
      const itemDeps = [key];
      if (it.visibleWhen)
        for (const r of conditionRefs(it.visibleWhen)) itemDeps.push(refKey(r, derivedIds));
      if (it.kind === 'computed') itemDeps.push(refKey(it.value, derivedIds));
      graph.set(`i:${it.id}`, { step: { kind: 'item', index: itemCount++ }, deps: itemDeps });
    }
    for (const c of s.sections) walk(c, key);
  };
  for (const s of def.sections) walk(s, null);
  def.derived.forEach((d, index) => {
    graph.set(`d:${d.id}`, {
      step: { kind: 'derived', index },
      deps: [...exprRefs(d.expr)].map((r) => refKey(r, derivedIds)),
    });
  });
  return graph;
}

/** Orders the graph so every node follows its inputs; throws CycleError on a cycle. */
export function topologicalOrder(graph: Map<string, Node>): Step[] {
  const state = new Map<string, 1 | 2>();
  const order: Step[] = [];
  const stack: string[] = [];
  const visit = (key: string) => {
    const node = graph.get(key);
    if (!node) return; // unknown refs are the checker's to report
    const s = state.get(key);
    if (s === 2) return;
    if (s === 1) throw new CycleError([...stack.slice(stack.indexOf(key)), key]);
    state.set(key, 1);
    stack.push(key);
    for (const d of node.deps) visit(d);
    stack.pop();
    state.set(key, 2);
    order.push(node.step);
  };
  for (const key of graph.keys()) visit(key);
  return order;
}

/** The item ids behind some refs: items themselves, derived values through their expressions. */
export function inputItems(
  def: Pick<Definition, 'derived'>,
  refs: Iterable<string>,
  into: Set<string> = new Set(),
  seen: Set<string> = new Set(),
): Set<string> {
  const derived = new Map(def.derived.map((d) => [d.id, d]));
  const walk = (ref: string) => {
    if (seen.has(ref)) return;
    seen.add(ref);
    const d = derived.get(ref);
    if (d) for (const r of exprRefs(d.expr)) walk(r);
    else into.add(ref);
  };
  for (const r of refs) walk(r);
  return into;
}

/** See `Compiled.tierGates`. */
export function tierGates(def: Pick<Definition, 'gates' | 'tiers'>): string[][] {
  const vetoes = def.gates.filter((g) => g.kind === 'veto').map((g) => g.id);
  return def.tiers.map((t, k) => (k === 0 ? t.gates : [...new Set([...vetoes, ...t.gates])]));
}

const cache = new WeakMap<Definition, Compiled>();

/**
 * Indexes a checked definition for scoring. Cached per definition object,
 * so callers may pass the same definition again at no cost.
 *
 * @example const c = compile(definition); score(c, answers)
 */
export function compile(def: Definition): Compiled {
  const hit = cache.get(def);
  if (hit) return hit;
  const sections: CompiledSection[] = [];
  const items: CompiledItem[] = [];
  const walk = (s: Section, parent: number) => {
    const index = sections.length;
    const cs: CompiledSection = { section: s, index, parent, children: [], items: [] };
    sections.push(cs);
    if (parent >= 0) sections[parent]?.children.push(index);
    for (const item of s.items) {
      cs.items.push(items.length);
      items.push({
        item,
        index: items.length,
        section: index,
        sectionId: s.id,
        scorer: scorerFor(item, def.scales),
        read: reader(item, def.scales),
      });
    }
    for (const c of s.sections) walk(c, index);
  };
  for (const s of def.sections) walk(s, -1);
  const compiled: Compiled = {
    definition: def,
    hash: contentHash(def),
    sections,
    items,
    derived: def.derived,
    tiers: def.tiers,
    order: topologicalOrder(dependencyGraph(def)),
    itemIndex: new Map(items.map((ci) => [ci.item.id, ci.index])),
    slot: new Map([
      ...items.map((ci) => [ci.item.id, ci.index] as const),
      ...def.derived.map((d, i) => [d.id, items.length + i] as const),
    ]),
    top: sections.filter((s) => s.parent < 0).map((s) => s.index),
    gateById: new Map(def.gates.map((g) => [g.id, g])),
    tierGates: tierGates(def),
    gateInputs: new Map(),
  };
  for (const g of def.gates)
    compiled.gateInputs.set(
      g.id,
      [...inputItems(def, conditionRefs(g.condition))]
        .map((id) => compiled.itemIndex.get(id))
        .filter((i): i is number => i !== undefined),
    );
  cache.set(def, compiled);
  return compiled;
}

/**
 * A definition's item by id: what a result's codes (a gap, a next-tier item)
 * are shown with — its prompt, recommendation and citations.
 */
export function itemById(c: Compiled, id: string): Item | undefined {
  const i = c.itemIndex.get(id);
  return i === undefined ? undefined : c.items[i]?.item;
}

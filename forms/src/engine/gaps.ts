import type { Gap, ItemResult, NextTier } from '../schema/result.ts';
import type { Compiled } from './compile.ts';
import { evaluate3, type Lookup } from './conditions.ts';

const EPS = 1e-9;
const round4 = (n: number): number => Math.round(n * 1e4) / 1e4;

/**
 * Items that cost points, most expensive first. An item's cost is what
 * meeting it would add to the 0–100 total; because section maxima do not
 * change when an answer improves, these gains simply add up.
 */
export function gapsOf(c: Compiled, items: ItemResult[], pts: number[], unit: number[]): Gap[] {
  const order: number[] = [];
  const cost: number[] = new Array(c.items.length).fill(0);
  for (const ci of c.items) {
    const r = items[ci.index];
    if (!r || r.max <= 0) continue;
    if (r.status !== 'unmet' && r.status !== 'partial' && r.status !== 'unanswered') continue;
    const lost = (unit[ci.index] ?? 0) * (r.max - (pts[ci.index] ?? 0));
    if (lost <= EPS) continue;
    cost[ci.index] = round4(lost);
    order.push(ci.index);
  }
  order.sort((a, b) => (cost[b] ?? 0) - (cost[a] ?? 0) || a - b);
  return order.map((i) => {
    const ci = c.items[i] as Compiled['items'][number];
    const r = items[i] as ItemResult;
    return {
      item: ci.item.id,
      section: r.section,
      prompt: ci.item.prompt,
      status: r.status,
      cost: cost[i] ?? 0,
      recommendation: ci.item.recommendation ?? null,
      citations: ci.item.citations,
    };
  });
}

/**
 * What it takes to reach the tier above the verdict: the fewest items whose
 * meeting closes the score gap (greedy by gain, which is optimal because the
 * gains are independent and additive), and the gates still to pass.
 */
export function nextTier(
  c: Compiled,
  reached: number,
  total: number,
  gaps: Gap[],
  gateOutcome: Map<string, string>,
  get: Lookup,
): NextTier | null {
  const target = c.tiers[reached + 1];
  if (!target) return null;
  const upTo = c.tiers.slice(0, reached + 2);
  const needed = Math.max(...upTo.map((t) => t.minScore));
  const scoreGap = Math.max(0, needed - total);
  const chosen: { item: string; gain: number }[] = [];
  let gained = 0;
  for (const g of gaps) {
    if (gained >= scoreGap - EPS) break;
    chosen.push({ item: g.item, gain: g.cost });
    gained += g.cost;
  }
  const gates = [...new Set(upTo.flatMap((t) => t.gates))].filter(
    (g) => gateOutcome.get(g) !== 'passed',
  );
  const conditions = upTo
    .filter((t) => t.requires && evaluate3(t.requires, get) !== true)
    .map((t) => t.id);
  return {
    tier: target.id,
    label: target.label,
    minScore: needed,
    scoreGap: round4(scoreGap),
    items: gained >= scoreGap - EPS ? chosen : gaps.map((g) => ({ item: g.item, gain: g.cost })),
    gates,
    conditions,
    reachable: gained >= scoreGap - EPS,
  };
}

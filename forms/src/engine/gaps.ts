import type { Gap, ItemResult, NextTier } from '../schema/result.ts';
import type { Compiled } from './compile.ts';
import { evaluate3, type Lookup } from './conditions.ts';
import { EPS, round4 } from './numbers.ts';

/**
 * Items that cost points, most expensive first. An item's cost is what
 * meeting it would add to the 0–100 total; because section maxima do not
 * change when an answer improves, these gains simply add up.
 */
export function gapsOf(c: Compiled, items: ItemResult[], pts: number[], unit: number[]): Gap[] {
  const open: { index: number; cost: number }[] = [];
  for (const ci of c.items) {
    const r = items[ci.index];
    if (!r || r.max <= 0) continue;
    if (r.status !== 'unmet' && r.status !== 'partial' && r.status !== 'unanswered') continue;
    const lost = (unit[ci.index] ?? 0) * (r.max - (pts[ci.index] ?? 0));
    if (lost > EPS) open.push({ index: ci.index, cost: round4(lost) });
  }
  open.sort((a, b) => b.cost - a.cost || a.index - b.index);
  const gaps: Gap[] = new Array(open.length);
  for (let k = 0; k < open.length; k++) {
    const { index, cost } = open[k] as { index: number; cost: number };
    const { item, sectionId } = c.items[index] as Compiled['items'][number];
    gaps[k] = {
      item: item.id,
      section: sectionId,
      status: (items[index] as ItemResult).status,
      cost,
    };
  }
  return gaps;
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
  asOf?: string,
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
  const gates = [...new Set(c.tierGates.slice(0, reached + 2).flat())].filter(
    (g) => gateOutcome.get(g) !== 'passed',
  );
  const conditions = upTo
    .filter((t) => t.requires && evaluate3(t.requires, get, asOf) !== true)
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

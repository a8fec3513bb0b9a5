import type { Compiled } from './compile.ts';

/** Section sums and ratios, and what one point of each item is worth on the total. */
export interface Rollup {
  points: number[];
  max: number[];
  ratio: (number | null)[];
  /** Ratio of the whole: the weight-averaged ratio of the top-level sections (bonus sections aside). */
  total: number | null;
  /** Bonus points earned on top of the 100-point total. */
  bonus: number;
  /** Points of the 0–100 total per point of each item. */
  unit: number[];
}

function weightedRatio(c: Compiled, ratio: (number | null)[], group: number[]): number | null {
  let w = 0;
  let acc = 0;
  for (const g of group) {
    const r = ratio[g];
    if (r === null || r === undefined) continue;
    const weight = c.sections[g]?.section.weight ?? 0;
    w += weight;
    acc += weight * r;
  }
  return w > 0 ? acc / w : null;
}

function spreadShares(
  c: Compiled,
  ratio: (number | null)[],
  group: number[],
  parentShare: number,
  share: number[],
): void {
  let w = 0;
  for (const g of group) if (ratio[g] !== null) w += c.sections[g]?.section.weight ?? 0;
  if (w === 0) return;
  for (const g of group) {
    if (ratio[g] === null) continue;
    share[g] = (parentShare * (c.sections[g]?.section.weight ?? 0)) / w;
    spreadShares(c, ratio, c.sections[g]?.children ?? [], share[g] ?? 0, share);
  }
}

/**
 * Rolls item points up the section tree. A leaf's ratio is points over the
 * maximum of its applicable items; a parent's is the weight-averaged ratio of
 * its children that have anything applicable. Sections are stored parents
 * first, so walking backwards meets children first.
 */
export function rollUp(
  c: Compiled,
  sectionVisible: boolean[],
  applicable: boolean[],
  pts: number[],
): Rollup {
  const n = c.sections.length;
  const points: number[] = new Array(n).fill(0);
  const max: number[] = new Array(n).fill(0);
  const ratio: (number | null)[] = new Array(n).fill(null);
  for (let i = n - 1; i >= 0; i--) {
    const cs = c.sections[i];
    if (!cs || !sectionVisible[i]) continue;
    let p = 0;
    let m = 0;
    for (const ii of cs.items) {
      if (!applicable[ii]) continue;
      p += pts[ii] ?? 0;
      m += c.items[ii]?.scorer.max ?? 0;
    }
    for (const ch of cs.children) {
      p += points[ch] ?? 0;
      m += max[ch] ?? 0;
    }
    points[i] = p;
    max[i] = m;
    ratio[i] = cs.children.length > 0 ? weightedRatio(c, ratio, cs.children) : m > 0 ? p / m : null;
  }
  const share: number[] = new Array(n).fill(0);
  const regular = c.top.filter((i) => c.sections[i]?.section.bonus === undefined);
  const bonusTop = c.top.filter((i) => c.sections[i]?.section.bonus !== undefined);
  spreadShares(c, ratio, regular, 1, share);
  let bonus = 0;
  for (const b of bonusTop) {
    const worth = (c.sections[b]?.section.bonus ?? 0) / 100;
    bonus += (ratio[b] ?? 0) * worth * 100;
    // A bonus section's children share its bonus as a regular section's share the total.
    if (ratio[b] !== null) {
      share[b] = worth;
      spreadShares(c, ratio, c.sections[b]?.children ?? [], worth, share);
    }
  }
  const unit: number[] = new Array(c.items.length).fill(0);
  for (const cs of c.sections) {
    const m = max[cs.index] ?? 0;
    if (m <= 0) continue;
    for (const ii of cs.items) unit[ii] = ((share[cs.index] ?? 0) * 100) / m;
  }
  return { points, max, ratio, total: weightedRatio(c, ratio, regular), bonus, unit };
}

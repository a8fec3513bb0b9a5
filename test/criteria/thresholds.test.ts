import { type ItemOverride, score } from '@zhiping/forms';
import { loadBuiltins } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';

/*
 * Every tier threshold of every built-in definition, scored exactly on the line
 * and one step below it. The engine promises totals to 4 decimals and compares
 * them with the threshold by compareNumbers (equal within 1e-9 × max(1, |a|, |b|)),
 * so a total of exactly minScore reaches the tier's score condition and
 * minScore − 0.0001, the next total it can report, does not.
 *
 * The totals are set with a reviewer's overrides, the way a reviewer's partial
 * points can put an assessment anywhere: items are marked met one by one until
 * the next would cross the line, and that item's partial points are narrowed
 * (bisection: the total grows with them) to the last value below the line and
 * the first on it. The test then reads only what the engine reports.
 */

const lib = loadBuiltins();
const step = (x: number) => Math.round(x * 1e4) / 1e4;

function totals(defId: string, minScore: number) {
  const def = lib.get(defId);
  const asOf = '2026-11-21';
  const run = (overrides: Record<string, ItemOverride>) => score(def, {}, { asOf, overrides });
  const scored = run({}).items.filter((i) => i.visible && i.max > 0);
  const met: Record<string, ItemOverride> = {};
  for (const item of scored) {
    const withIt = run({ ...met, [item.id]: { status: 'met' } });
    if (withIt.total.score >= minScore) {
      let lo = 0;
      let hi = item.max;
      for (let k = 0; k < 80; k++) {
        const mid = (lo + hi) / 2;
        const t = run({ ...met, [item.id]: { status: 'partial', points: mid } }).total.score;
        if (t >= minScore) hi = mid;
        else lo = mid;
      }
      return {
        on: run({ ...met, [item.id]: { status: 'partial', points: hi } }),
        below: run({ ...met, [item.id]: { status: 'partial', points: lo } }),
      };
    }
    met[item.id] = { status: 'met' };
  }
  throw new Error(`${defId}: the items cannot reach ${minScore}`);
}

const cases = lib.definitions.flatMap((d) =>
  d.tiers
    .filter((t) => t.minScore > 0)
    .map((t) => [`${d.id}@${d.version}`, t.id, t.minScore] as const),
);

describe('scores exactly at each tier threshold', () => {
  it('covers every built-in definition with a scored tier', () => {
    const covered = new Set(cases.map(([d]) => d));
    expect(covered.size).toBe(lib.definitions.length);
  });

  it.each(cases)('%s %s: %d reaches the score line, one step below does not', (d, tier, min) => {
    const { on, below } = totals(d, min);
    expect(on.total.score).toBe(min);
    expect(below.total.score).toBe(step(min - 0.0001));
    const line = (r: typeof on) => r.trace.find((t) => t.rule === `tier:${tier}.minScore`);
    expect(line(on)?.outcome).toBe('passed');
    expect(line(below)?.outcome).toBe('failed');
    // The step in words: the score and the line it is held against.
    expect(line(below)).toMatchObject({ code: 'tier.score', score: below.total.score, min });
  });
});

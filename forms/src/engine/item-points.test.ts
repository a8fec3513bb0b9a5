import { describe, expect, it } from 'vitest';
import { Item } from '../schema/item.ts';
import { threeLevels } from '../testing/fixture.ts';
import { scorerFor } from './item-points.ts';

/*
 * How each kind of item earns points (item-points.ts), one scorer at a time:
 * its maximum, and the points for answers inside, on and outside its rules.
 */
// The item as a definition would give it, less id and prompt (parsed, so checked).
const scorer = (input: Record<string, unknown>) =>
  scorerFor(Item.parse({ id: 'i', prompt: '题', ...input }), { maturity: threeLevels });
const points = (input: Parameters<typeof scorer>[0], ...values: unknown[]) => {
  const s = scorer(input);
  return values.map((v) => s.points(v as never));
};

describe('yes/no', () => {
  it('earns its points for yes only when given one figure', () => {
    const s = scorer({ kind: 'yesno', points: 10 });
    expect(s.max).toBe(10);
    expect(points({ kind: 'yesno', points: 10 }, true, false, undefined, 'true')).toEqual([
      10, 0, 0, 0,
    ]);
  });

  it('earns the points of each answer when given both, the larger being the maximum', () => {
    // "受过处罚吗？" — no is the good answer: 5 for no, 1 for yes.
    const both = { kind: 'yesno', points: { yes: 1, no: 5 } } as const;
    expect(scorer(both).max).toBe(5);
    expect(points(both, true, false, undefined, 0)).toEqual([1, 5, 0, 0]);
  });

  it('earns nothing without points', () => {
    expect(scorer({ kind: 'yesno' }).max).toBe(0);
    expect(points({ kind: 'yesno' }, true)).toEqual([0]);
  });
});

describe('choices', () => {
  const options = [
    { id: 'a', label: '甲', points: 3 },
    { id: 'b', label: '乙', points: 4 },
    { id: 'c', label: '丙', points: 5 },
  ];

  it('single: the chosen option, the best option the maximum', () => {
    const single = { kind: 'single', options } as const;
    expect(scorer(single).max).toBe(5);
    expect(points(single, 'b', 'zzz', undefined)).toEqual([4, 0, 0]);
  });

  it('multi: the sum of the chosen, up to the sum of all', () => {
    const multi = { kind: 'multi', options } as const;
    expect(scorer(multi).max).toBe(12);
    expect(points(multi, ['a', 'b'], ['a', 'zzz'], [], ['a', 'b', 'c'])).toEqual([7, 3, 0, 12]);
  });

  it('multi: capped by maxPoints, and a bare string is not a list of choices', () => {
    const capped = { kind: 'multi', options, maxPoints: 6 } as const;
    expect(scorer(capped).max).toBe(6);
    expect(points(capped, ['a'], ['b', 'c'], ['a', 'b', 'c'])).toEqual([3, 6, 6]);
    // 'a' is one option's id: as a string it must not be read letter by letter.
    expect(points(capped, 'a', 'ab', undefined)).toEqual([0, 0, 0]);
  });
});

describe('scales and evidence', () => {
  it('scale: the level’s fraction of the points; values off the scale earn nothing', () => {
    const scale = { kind: 'scale', scale: 'maturity', points: 10 } as const;
    expect(scorer(scale).max).toBe(10);
    expect(points(scale, 0, 1, 2, 7, undefined)).toEqual([0, 5, 10, 0, 0]);
  });

  it('evidence: its points once given', () => {
    const evidence = { kind: 'evidence', points: 4 } as const;
    expect(scorer(evidence).max).toBe(4);
    expect(points(evidence, true, false, undefined)).toEqual([4, 0, 0]);
  });

  it('dates and texts earn nothing', () => {
    for (const kind of ['date', 'text'] as const) {
      const s = scorer({ kind });
      expect([s.max, s.points('2026-01-01' as never)]).toEqual([0, 0]);
    }
  });
});

describe('numbers in bands', () => {
  // The fixture's staff bands: under 1 → 0, 1 to under 3 → 5, 3 and more → 10.
  const bands = {
    kind: 'number',
    scoring: {
      type: 'bands',
      bands: [
        { max: 1, points: 0 },
        { min: 1, max: 3, points: 5 },
        { min: 3, points: 10 },
      ],
    },
  } as const;

  it('earn the points of the band the value is in: lower bound inclusive, upper exclusive', () => {
    expect(scorer(bands).max).toBe(10);
    expect(points(bands, 0.5, 1, 2.9, 3, 100)).toEqual([0, 5, 5, 10, 10]);
  });

  it('earn nothing for a value that is not a number', () => {
    expect(points(bands, '5', undefined)).toEqual([0, 0]);
  });

  it('take the first band whose bounds hold, a bound left out holding for any value', () => {
    // A band from 5 first, then one for any value.
    const open = {
      kind: 'number',
      scoring: {
        type: 'bands',
        bands: [{ min: 5, points: 10 }, { points: 2 }],
      },
    } as const;
    expect(points(open, 3, 5, 9)).toEqual([2, 10, 10]);
    // A value outside every band earns nothing.
    const gap = {
      kind: 'number',
      scoring: { type: 'bands', bands: [{ min: 5, points: 10 }] },
    } as const;
    expect(points(gap, 3)).toEqual([0]);
  });
});

describe('numbers against a target', () => {
  const atLeast = { kind: 'number', scoring: { type: 'target', target: 20, points: 10 } } as const;
  const atMost = {
    kind: 'number',
    scoring: { type: 'target', target: 5, points: 10, direction: 'atMost' },
  } as const;

  it('at least: in proportion up to the target, full from it, never below 0', () => {
    expect(scorer(atLeast).max).toBe(10);
    expect(points(atLeast, 10, 20, 30, -5, '20')).toEqual([5, 10, 10, 0, 0]);
  });

  it('at most: full up to the target, target over value above it', () => {
    expect(scorer(atMost).max).toBe(10);
    expect(points(atMost, 0, 5, 10, 20, '1')).toEqual([10, 10, 5, 2.5, 0]);
  });

  it('full points on the target as a decimal, not a float’s hair off it', () => {
    // ¥84.71万 / ¥4,235.5万 is 2 % in decimal; in floating point 0.019999999999999997.
    const share = {
      kind: 'number',
      scoring: { type: 'target', target: 0.02, points: 10 },
    } as const;
    expect(points(share, 84.71 / 4235.5)).toEqual([10]);
    // 0.1 + 0.2 − 0.28 is 0.02 in decimal; in floating point 0.020000000000000018.
    const cap = {
      kind: 'number',
      scoring: { type: 'target', target: 0.02, points: 10, direction: 'atMost' },
    } as const;
    expect(points(cap, 0.1 + 0.2 - 0.28)).toEqual([10]);
  });

  it('a computed item scores the same way', () => {
    const computed = {
      kind: 'computed',
      value: 'd',
      scoring: { type: 'target', target: 20, points: 10 },
    } as const;
    expect(points(computed, 10)).toEqual([5]);
    expect(scorer({ kind: 'computed', value: 'd' }).max).toBe(0);
  });
});

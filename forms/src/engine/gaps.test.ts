import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { score } from './score.ts';

/*
 * Gaps and the next tier (gaps.ts) on a definition whose figures are exact:
 * one section of four 10-point yes/no items, so each item is worth 25 of the
 * total. Tiers: base → mid (≥ 50, gate g1) → top (≥ 75, gate g2, requires
 * flag) → beyond (≥ 120: out of reach without bonus points).
 */
const yesno = (id: string, points?: number) => ({
  id,
  kind: 'yesno' as const,
  prompt: id,
  ...(points ? { points } : {}),
});
const def = Definition.parse({
  id: 'gaps',
  version: '1.0.0',
  family: 'gbt29490',
  title: '差距',
  audience: ['enterprise'],
  sections: [
    { id: 'p', title: '概况', items: [yesno('ok1'), yesno('ok2'), yesno('flag')] },
    { id: 's', title: '甲', items: ['w', 'x', 'y', 'z'].map((id) => yesno(id, 10)) },
  ],
  gates: [
    { id: 'g1', title: '一', condition: { op: 'eq', ref: 'ok1', value: true }, failMessage: '一' },
    { id: 'g2', title: '二', condition: { op: 'eq', ref: 'ok2', value: true }, failMessage: '二' },
  ],
  tiers: [
    { id: 'base', label: '起步' },
    { id: 'mid', label: '中', minScore: 50, gates: ['g1'] },
    {
      id: 'top',
      label: '高',
      minScore: 75,
      gates: ['g2'],
      requires: { op: 'eq', ref: 'flag', value: true },
    },
    { id: 'beyond', label: '超', minScore: 120 },
  ],
});
const asOf = '2026-11-29';
const met = (...ids: string[]) =>
  Object.fromEntries(['w', 'x', 'y', 'z'].map((id) => [id, ids.includes(id)]));

describe('the next tier', () => {
  it('stops at the first item whose gain closes the gap exactly', () => {
    // w met: 25; mid needs 50, a gap of 25; x, y and z each give 25 — x alone is enough.
    const r = score(def, { ...met('w'), ok1: true, ok2: false }, { asOf });
    expect(r.total.score).toBe(25);
    expect(r.next).toMatchObject({
      tier: 'mid',
      minScore: 50,
      scoreGap: 25,
      items: [{ item: 'x', gain: 25 }],
      reachable: true,
    });
  });

  it('needs no item when only a gate is missing, and names only the gates up to the target', () => {
    // 50 points but g1 fails: base. mid needs no more points, only g1; g2 (top's) also fails
    // but is not needed for mid.
    const r = score(def, { ...met('w', 'x'), ok1: false, ok2: false }, { asOf });
    expect(r.verdict.tier).toBe('base');
    expect(r.next).toMatchObject({
      tier: 'mid',
      scoreGap: 0,
      items: [],
      gates: ['g1'],
      conditions: [],
      reachable: true,
    });
  });

  it("names the target tier's unmet condition, and not when it holds", () => {
    // 50 points, g1 passes: mid. top needs 25 more, g2 and flag.
    const answers = { ...met('w', 'x'), ok1: true, ok2: false };
    const unmet = score(def, { ...answers, flag: false }, { asOf });
    expect(unmet.verdict.tier).toBe('mid');
    expect(unmet.next).toMatchObject({ tier: 'top', gates: ['g2'], conditions: ['top'] });
    // Unanswered: not known to hold, so still to meet.
    const unknown = score(def, answers, { asOf });
    expect(unknown.next?.conditions).toEqual(['top']);
    const holds = score(def, { ...answers, flag: true }, { asOf });
    expect(holds.next?.conditions).toEqual([]);
  });

  it('lists every gap and says so when the gap cannot be closed', () => {
    // 75 points with everything for top: beyond needs 120, and the only gap (z) gives 25.
    const r = score(def, { ...met('w', 'x', 'y'), ok1: true, ok2: true, flag: true }, { asOf });
    expect(r.verdict.tier).toBe('top');
    expect(r.next).toMatchObject({
      tier: 'beyond',
      minScore: 120,
      scoreGap: 45,
      items: [{ item: 'z', gain: 25 }],
      reachable: false,
    });
  });
});

describe('gaps', () => {
  it('are not made of items worth nothing on the total', () => {
    // "tiny" weighs 1e-12 of the whole: its unmet item costs far less than a point's rounding.
    const tiny = Definition.parse({
      ...def,
      sections: [
        { id: 'a', title: '甲', items: [yesno('a1', 10)] },
        { id: 'tiny', title: '乙', weight: 1e-12, items: [yesno('t1', 10)] },
      ],
      gates: [],
      tiers: [{ id: 'base', label: '起步' }],
    });
    const r = score(tiny, { a1: false, t1: false }, { asOf });
    expect(r.items.find((i) => i.id === 't1')?.status).toBe('unmet');
    expect(r.gaps.map((g) => g.item)).toEqual(['a1']);
  });
});

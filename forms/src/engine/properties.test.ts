import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Overlay } from '../schema/definition.ts';
import { allItems, answerFor, assessmentArb, bestAnswer } from '../testing/arbitrary.ts';
import { resolveOverlay } from './overlay.ts';
import { score } from './score.ts';

const runs = { numRuns: 300 };
const EPS = 1e-6;

describe('scoring invariants', () => {
  it('keeps the total within [0, 100], sections within [0, 1] and items within [0, max]', () => {
    fc.assert(
      fc.property(assessmentArb, ({ definition, answers }) => {
        const r = score(definition, answers);
        expect(r.total.score).toBeGreaterThanOrEqual(0);
        expect(r.total.score).toBeLessThanOrEqual(100);
        for (const s of r.sections) if (s.ratio !== null) expect(s.ratio).toBeGreaterThanOrEqual(0);
        for (const s of r.sections) if (s.ratio !== null) expect(s.ratio).toBeLessThanOrEqual(1);
        for (const i of r.items) expect(i.points).toBeLessThanOrEqual(i.max + EPS);
      }),
      runs,
    );
  });

  it('never lowers the total when an item is answered so as to be met', () => {
    fc.assert(
      fc.property(assessmentArb, fc.nat(), ({ definition, answers }, pick) => {
        const before = score(definition, answers);
        const open = before.items.filter(
          (i) => ['unmet', 'partial', 'unanswered'].includes(i.status) && i.max > 0,
        );
        const target = open[pick % Math.max(open.length, 1)];
        if (!target) return;
        const item = allItems(definition).find((i) => i.id === target.id);
        if (!item) return;
        const after = score(definition, { ...answers, [item.id]: bestAnswer(item) });
        expect(after.items.find((i) => i.id === item.id)?.status).toBe('met');
        expect(after.total.score).toBeGreaterThanOrEqual(before.total.score - EPS);
      }),
      runs,
    );
  });

  it('lets no hidden item change the result, whatever its answer', () => {
    fc.assert(
      fc.property(
        assessmentArb,
        fc.integer({ min: 0, max: 1000 }),
        ({ definition, answers }, choice) => {
          const before = score(definition, answers);
          const hidden = before.items.filter((i) => !i.visible);
          const changed = { ...answers };
          for (const h of hidden) {
            const item = allItems(definition).find((i) => i.id === h.id);
            if (item) changed[h.id] = answerFor(item, choice + 2) ?? bestAnswer(item);
          }
          expect(score(definition, changed)).toEqual(before);
          // Nor does taking the hidden answers away: p2 answered yes while p0 hides it
          // must not show the items and sections that p2 would show, nor pass the gate.
          const without = { ...answers };
          for (const h of hidden) delete without[h.id];
          expect(score(definition, without)).toEqual(before);
        },
      ),
      runs,
    );
  });

  it('never lowers a section ratio by answering an open item not applicable', () => {
    fc.assert(
      fc.property(assessmentArb, fc.nat(), ({ definition, answers }, pick) => {
        const before = score(definition, answers);
        const open = before.items.filter(
          (i) =>
            i.visible &&
            ['unmet', 'unanswered'].includes(i.status) &&
            allItems(definition).find((x) => x.id === i.id)?.allowNotApplicable,
        );
        const target = open[pick % Math.max(open.length, 1)];
        if (!target) return;
        const after = score(definition, { ...answers, [target.id]: { notApplicable: true } });
        for (const s of before.sections) {
          const a = after.sections.find((x) => x.id === s.id);
          if (s.ratio !== null && a?.ratio !== null && a?.ratio !== undefined)
            expect(a.ratio).toBeGreaterThanOrEqual(s.ratio - EPS);
        }
      }),
      runs,
    );
  });

  it('scores an overlay with no overrides exactly as its base', () => {
    fc.assert(
      fc.property(assessmentArb, ({ definition, answers }) => {
        const overlay = Overlay.parse({
          id: 'random-copy',
          version: '1.0.0',
          title: '副本',
          extends: 'random@1.0.0',
        });
        const resolved = resolveOverlay(overlay, definition).definition;
        expect(resolved).not.toBeNull();
        if (!resolved) return;
        const { definition: _a, ...base } = score(definition, answers);
        const { definition: _b, ...copy } = score(resolved, answers);
        expect(copy).toEqual(base);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(assessmentArb, ({ definition, answers }) => {
        expect(score(structuredClone(definition), structuredClone(answers))).toEqual(
          score(definition, answers),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('names next-tier fixes that really reach the threshold, and no fewer would', () => {
    fc.assert(
      fc.property(assessmentArb, ({ definition, answers }) => {
        const r = score(definition, answers);
        if (!r.next?.reachable || r.next.items.length === 0) return;
        const fixed = { ...answers };
        for (const { item } of r.next.items) {
          const it = allItems(definition).find((i) => i.id === item);
          if (it) fixed[item] = bestAnswer(it);
        }
        expect(score(definition, fixed).total.score).toBeGreaterThanOrEqual(r.next.minScore - 1e-3);
        // Greedy by gain is optimal: dropping the smallest chosen gain falls short.
        const gains = r.next.items.map((i) => i.gain);
        expect(gains.reduce((s, g) => s + g, 0) - Math.min(...gains)).toBeLessThan(
          r.next.scoreGap + 1e-3,
        );
      }),
      runs,
    );
  });
});

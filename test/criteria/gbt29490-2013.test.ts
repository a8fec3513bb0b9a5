import { applyMapping, confirmPending, reasonText, score, validateAnswers } from '@zhiping/forms';
import { loadBuiltins, loadSample } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';

/*
 * The GB/T 29490-2013 self-assessment (certificate holders and migration),
 * checked against its samples, and the 2013 → 2023 answer mapping. Every
 * expectation is worked out from the criteria in
 * forms/definitions/gbt29490-2013.yaml, not copied from the engine's output.
 *
 * Weights used in the arithmetic. Top level (profile and prereq score nothing
 * and drop out): c4 3, c5 4, c6 3, c7 3, c8 3, c9 2 → 18.
 *   c5: 5.1 5, 5.2 5, 5.3 5, 5.4 5, 5.5 4 → 24
 *   c6: 6.1 4, 6.2 2, 6.3 3, 6.4 3 → 12
 *   c8: 8.1 … 8.5 all 3 → 15 (when all five apply)
 *   c9: 9.1 3, 9.2 3, 9.3 3 → 9
 * An item's worth on the 0–100 total is
 *   100 × (top / 18) × (sub / siblings) × (item points / section max)
 * and a gap costs that worth × (1 − earned fraction). Maturity levels earn
 * 0 / 0.3 / 0.7 / 1 (scale "maturity").
 */

const lib = loadBuiltins();
const def = lib.get('gbt29490-2013@2.1.0');

type Result = ReturnType<typeof score>;
const run = (name: string) => {
  const s = loadSample(`gbt29490-2013/${name}.json`);
  return { s, r: score(def, s.answers, { asOf: s.asOf }) };
};
const notPassed = (r: Result) =>
  r.gates.filter((g) => g.outcome !== 'passed').map((g) => `${g.id}:${g.outcome}`);
const status = (r: Result, id: string) => r.items.find((i) => i.id === id)?.status;
const worth = (top: number, sub: number, siblings: number) => 100 * (top / 18) * (sub / siblings);

describe('gbt29490-2013 definition', () => {
  const sub = (id: string) => {
    const find = (ss: typeof def.sections): (typeof def.sections)[number] | undefined => {
      for (const s of ss) {
        if (s.id === id) return s;
        const hit = find(s.sections);
        if (hit) return hit;
      }
      return undefined;
    };
    return find(def.sections);
  };

  it('follows the 2013 clause tree to the third level', () => {
    expect(def.sections.map((s) => s.id)).toEqual([
      'profile',
      'prereq',
      'c4',
      'c5',
      'c6',
      'c7',
      'c8',
      'c9',
    ]);
    const kids = (id: string) => sub(id)?.sections.map((s) => s.clause) ?? [];
    expect(kids('c4')).toEqual(['4.1', '4.2']);
    expect(kids('c4.2')).toEqual(['4.2.1', '4.2.2', '4.2.3', '4.2.4']);
    expect(kids('c5')).toEqual(['5.1', '5.2', '5.3', '5.4', '5.5']);
    expect(kids('c5.3')).toEqual(['5.3.1', '5.3.2', '5.3.3']);
    expect(kids('c5.4')).toEqual(['5.4.1', '5.4.2', '5.4.3']);
    expect(kids('c5.5')).toEqual(['5.5.1', '5.5.2', '5.5.3']);
    expect(kids('c6')).toEqual(['6.1', '6.2', '6.3', '6.4']);
    expect(kids('c6.1')).toEqual(['6.1.1', '6.1.2', '6.1.3', '6.1.4', '6.1.5', '6.1.6']);
    expect(kids('c7')).toEqual(['7.1', '7.2', '7.3', '7.4', '7.5', '7.6']);
    expect(kids('c7.3')).toEqual(['7.3.1', '7.3.2', '7.3.3', '7.3.4', '7.3.5']);
    expect(kids('c7.4')).toEqual(['7.4.1', '7.4.2', '7.4.3']);
    expect(kids('c8')).toEqual(['8.1', '8.2', '8.3', '8.4', '8.5']);
    expect(kids('c9')).toEqual(['9.1', '9.2', '9.3']);
    // Titles read in public material (domain.md §1, R).
    expect(sub('c4.2.4')?.title).toBe('外来文件与记录文件');
    expect(sub('c5.3.1')?.title).toBe('知识产权管理体系策划');
    expect(sub('c8.5')?.title).toBe('销售和售后');
  });

  it('marks exactly the clauses whose titles domain.md leaves unverified', () => {
    const unverified: string[] = [];
    const walk = (ss: typeof def.sections) => {
      for (const s of ss) {
        if (s.unverified) unverified.push(s.clause ?? s.id);
        walk(s.sections);
      }
    };
    walk(def.sections);
    expect(unverified).toEqual([
      '5.5.1',
      '5.5.2',
      '5.5.3',
      '6.1.3',
      '6.1.4',
      '6.1.5',
      '6.1.6',
      '7.3.1',
      '7.3.2',
      '7.3.3',
      '7.3.4',
      '7.3.5',
      '7.4.1',
      '7.4.2',
      '7.4.3',
    ]);
    // …and every item in them cites its clause as unverified.
    for (const clause of unverified) {
      const s = def.sections
        .flatMap((x) => x.sections)
        .flatMap((x) => [x, ...x.sections])
        .find((x) => x.clause === clause);
      expect(s?.items.length, clause).toBeGreaterThan(0);
      for (const item of s?.items ?? []) {
        expect(item.unverified, item.id).toBe(true);
        const std = item.citations.filter((c) => 'standard' in c && c.standard === 'gbt29490-2013');
        expect(std.length, item.id).toBeGreaterThan(0);
        for (const c of std) expect('unverified' in c && c.unverified, item.id).toBe(true);
      }
    }
  });

  it('weights the audit guide’s five- and four-star clauses', () => {
    const w = (id: string) => sub(id)?.weight;
    for (const id of ['c4.2.1', 'c4.2.2', 'c4.2.3', 'c5.1', 'c5.2', 'c5.3.2', 'c5.4', 'c6.1.1'])
      expect(w(id), id).toBe(5);
    for (const id of ['c4.2.4', 'c5.3.1', 'c5.3.3', 'c5.5']) expect(w(id), id).toBe(4);
    expect(w('c4.1')).toBe(3);
    expect(w('c6.1.2')).toBe(3);
  });

  it('gives every scored item a hint, a recommendation and a citation', () => {
    const items = def.sections.flatMap(function all(s): (typeof s.items)[number][] {
      return [...s.items, ...s.sections.flatMap(all)];
    });
    const scored = items.filter((i) => !i.id.startsWith('p.') && !i.id.startsWith('pre.'));
    expect(scored.length).toBeGreaterThanOrEqual(90);
    for (const i of scored) {
      expect(i.evidenceHint, i.id).toBeTruthy();
      expect(i.recommendation, i.id).toBeTruthy();
      expect(i.citations.length, i.id).toBeGreaterThan(0);
    }
  });

  it('uses the prerequisite ids and gates of the 2023 edition', () => {
    expect(def.gates.map((g) => `${g.id}:${g.kind}`)).toEqual([
      'g.running:eligibility',
      'g.internal-audit:eligibility',
      'g.management-review:eligibility',
      'g.no-penalty:veto',
    ]);
    expect(def.tiers.map((t) => [t.id, t.minScore, t.gates.length])).toEqual([
      ['not-ready', 0, 0],
      ['nearly-ready', 60, 0],
      ['ready', 80, 4],
    ]);
  });
});

describe('gbt29490-2013 samples', () => {
  it('well-maintained: a migrated holder whose system is kept up — ready', () => {
    const { s, r } = run('well-maintained');
    expect(validateAnswers(def, s.answers, { mode: 'submit', asOf: s.asOf })).toEqual([]);
    // Started 2018-10-08, internal audit and management review done, no penalty.
    expect(notPassed(r)).toEqual([]);
    // Only three answers fall short; everything else is at the top level:
    //  c6.4.database "no": 6.4 (3 of 12 in c6) max 10+6+4 = 20 → 4/20 × worth(3,3,12) = 0.833
    //  c5.2.awareness level 2: 5.2 (5 of 24 in c5) max 6+6+10 = 22 → 0.3 × 10/22 × worth(4,5,24) = 0.631
    //  c6.3.reserve "no": 6.3 (3 of 12) max 10+4+2 = 16 → 2/16 × worth(3,3,12) = 0.521
    const c64 = (4 / 20) * worth(3, 3, 12);
    const c52 = 0.3 * (10 / 22) * worth(4, 5, 24);
    const c63 = (2 / 16) * worth(3, 3, 12);
    expect(r.gaps.map((g) => g.item)).toEqual(['c6.4.database', 'c5.2.awareness', 'c6.3.reserve']);
    expect(r.gaps[0]?.cost).toBeCloseTo(c64, 3);
    expect(r.total.score).toBeCloseTo(100 - c64 - c52 - c63, 2); // ≈ 98.0
    expect(r.verdict.tier).toBe('ready');
    expect(r.next).toBeNull();
    // No restructuring and no alliances: 7.3.3 and 7.3.5 are not asked; no dispute ever: 7.4.2 records n/a.
    expect(status(r, 'c7.3.3.due-diligence')).toBe('not_applicable');
    expect(status(r, 'c7.3.5.alliance')).toBe('not_applicable');
    expect(status(r, 'c7.4.2.records')).toBe('not_applicable');
    expect(status(r, 'c7.3.1.due-diligence')).toBe('met');
  });

  it('lapsed-gaps: certificate lapsed, system only on paper — not ready, the largest gaps first', () => {
    const { s, r } = run('lapsed-gaps');
    expect(validateAnswers(def, s.answers, { mode: 'draft' })).toEqual([]);
    // All four prerequisites are met (2020 start, audit and review held, no penalty):
    // the verdict comes from the score alone.
    expect(notPassed(r)).toEqual([]);
    // Nearly every graded item is at level 1 (0.3) or 0, most yes/no items are "no" and most
    // evidence is missing. Level 2 earns 0.7; unanswered evidence earns nothing. Shown: 4.1
    // surveillance (holds a certificate), all of c8 and 7.4.3 (exports); 7.3 drops out.
    const c4 = // c4.1 0 + 3 + 0 → 3/22; c4.2.1 7 + 6 + 0 → 13/22; c4.2.2 3 + 6 → 9/16;
      // c4.2.3 7 + 4 (manual issued) → 11/14; c4.2.4 0 + 3 → 3/16; weights 5, 5, 5, 4 and 3, 5
      (3 * (3 / 22) + 5 * ((5 * (13 / 22) + 5 * (9 / 16) + 5 * (11 / 14) + 4 * (3 / 16)) / 19)) / 8;
    const c5 = // c5.1 6 + 3 + 0 → 9/22; c5.2 6 + 0 + 3 → 9/22; c5.3.1 3 + 0 → 3/14,
      // c5.3.2 and c5.3.3 3 + 0 → 3/16 (weights 4, 5, 4); c5.4 9/16, 13/16, 3/16 → 25/48;
      // c5.5 0.3, inputs 2 + 2 of 10, outputs 3 + report 0 → 3/14
      (5 * (9 / 22) +
        5 * (9 / 22) +
        5 * ((4 * (3 / 14) + 5 * (3 / 16) + 4 * (3 / 16)) / 13) +
        5 * (25 / 48) +
        4 * ((0.3 + 0.4 + 3 / 14) / 3)) /
      24;
    const c6 = // c6.1.1 3 + 6 → 9/16, c6.1.2 3 + 2 → 5/20, c6.1.3 3 + 0 → 3/16, 6.1.4–6.1.6 0
      // (weights 5, 3, 3, 3, 3, 3 → 20); c6.2 and c6.3 0; c6.4 3 + 0 + 0 → 3/20
      (4 * ((5 * (9 / 16) + 3 * (5 / 20) + 3 * (3 / 16)) / 20) + 3 * (3 / 20)) / 12;
    const c7 = // 7.1 3 + 6 + 0 → 9/20; 7.2 7 + 0 + 0 → 7/20; 7.4 (3/16 + 3/16 + 0)/3;
      // 7.5 3 + 6 + 0 → 9/20; 7.6 3 + 6 + 0 → 9/22
      (9 / 20 + 7 / 20 + (3 / 16 + 3 / 16 + 0) / 3 + 9 / 20 + 9 / 22) / 5;
    const c8 = (3 / 16 + 3 / 16 + 9 / 16 + 3 / 16 + 3 / 20) / 5; // 8.3 3 + 6; 8.5 3 + 0 + 0
    const c9 = (0 + (3 + 0 + 4) / 20 + 0) / 3; // 9.2 procedure 3, report given
    const total = ((3 * c4 + 4 * c5 + 3 * c6 + 3 * c7 + 3 * c8 + 2 * c9) / 18) * 100;
    expect(r.total.score).toBe(Math.round(total * 1e4) / 1e4);
    expect(r.total.score).toBe(28.0772);
    // Assessed on 2026-11-20, after the transition ended (domain.md §2: on any date after
    // 2025-12-31 a 2013 certificate is no longer valid): no tier, the reason says migrate.
    expect(r.verdict.tier).toBeNull();
    expect(r.verdict.reasons).toEqual([
      expect.objectContaining({
        code: 'definition.expired',
        validUntil: '2025-12-31',
        supersededBy: 'gbt29490-2023',
      }),
    ]);
    expect(r.edition?.status).toBe('expired');
    expect(r.next).toBeNull();
    // Scored on the last day of the transition, the same answers are simply not ready.
    const inTime = score(def, s.answers, { asOf: '2025-12-31' });
    expect(inTime.verdict.tier).toBe('not-ready');
    expect(inTime.next?.tier).toBe('nearly-ready');
    // The dearest gaps are single-topic sections left at level 0:
    //  c9.1.monitoring, alone in 9.1:            1 × worth(2,3,9)          = 3.70
    //  c6.3.budget, 10 of 16 in 6.3:             10/16 × worth(3,3,12)     = 2.60
    //  c9.3.corrective, 10 of 16 in 9.3:         10/16 × worth(2,3,9)      = 2.31
    // next is c4.1.processes at level 1: 0.7 × 10/22 × worth(3,3,8) = 1.99.
    expect(r.gaps.slice(0, 3).map((g) => g.item)).toEqual([
      'c9.1.monitoring',
      'c6.3.budget',
      'c9.3.corrective',
    ]);
    expect(r.gaps[0]?.cost).toBeCloseTo(worth(2, 3, 9), 3);
    expect(r.gaps[1]?.cost).toBeCloseTo((10 / 16) * worth(3, 3, 12), 3);
    expect(r.gaps[3]?.cost).toBeCloseTo(0.7 * (10 / 22) * worth(3, 3, 8), 3);
    // No IP deals, restructuring, standards or alliances: the whole of 7.3 drops out.
    expect(r.sections.find((x) => x.id === 'c7.3')?.ratio).toBeNull();
    // Exports but never studied the target markets: 7.4.3 is asked and unmet.
    expect(status(r, 'c7.4.3.target-market')).toBe('unmet');
  });

  it('a 2013 certificate on 2025-12-31 and on 2026-01-01', () => {
    // domain.md §2: 2013 certificates not upgraded by 2025-12-31 are suspended or withdrawn;
    // so the last day the 2013 criteria give a verdict is 2025-12-31.
    const { s } = run('well-maintained');
    const on = (asOf: string) => score(def, s.answers, { asOf });
    expect(on('2025-12-30').verdict.tier).toBe('ready');
    expect(on('2025-12-31').verdict.tier).toBe('ready');
    expect(on('2025-12-31').edition?.status).toBe('current');
    const after = on('2026-01-01');
    expect(after.verdict.tier).toBeNull();
    expect(after.verdict.label).toBeNull();
    const text = reasonText(after.verdict.reasons[0] as never, { result: after });
    // It says the certificate is no longer valid and what to do: migrate to the 2023 edition.
    expect(text).toContain('不再有效');
    expect(text).toContain('gbt29490-2023');
    expect(text).not.toContain('体系保持良好');
    expect(
      reasonText(after.verdict.reasons[0] as never, { result: after, locale: 'en' }),
    ).toContain('no tier is given');
  });

  it('penalty-veto: a strong system blocked by an administrative penalty', () => {
    const { s, r } = run('penalty-veto');
    expect(validateAnswers(def, s.answers, { mode: 'submit', asOf: s.asOf })).toEqual([]);
    // pre.penalty = true fails the veto g.no-penalty; the other three prerequisites hold.
    expect(notPassed(r)).toEqual(['g.no-penalty:failed']);
    // Score: only c6.4.database (0.833), c8.5.marking "no" and c8.5.pre-launch level 2 fall short;
    // 8.5 is 3 of 15 in c8 (all five 8.x apply), max 10+6+4 = 20:
    //  marking 4/20 × worth(3,3,15) = 0.667, pre-launch 0.3 × 10/20 × worth(3,3,15) = 0.5 → total ≈ 98.0
    const expected =
      100 -
      (4 / 20) * worth(3, 3, 12) -
      (4 / 20) * worth(3, 3, 15) -
      0.3 * (10 / 20) * worth(3, 3, 15);
    expect(r.total.score).toBeCloseTo(expected, 2);
    // ≥ 80, but a penalty is a veto (domain.md §3: no administrative penalty while the
    // system ran or in the year before): a failed veto caps the verdict at the lowest tier,
    // the same as the 2023 edition gives for the same fact.
    expect(r.verdict.tier).toBe('not-ready');
    expect(r.next?.tier).toBe('nearly-ready');
    expect(r.next?.scoreGap).toBe(0);
    expect(r.next?.gates).toEqual(['g.no-penalty']);
    // No exports: 7.4.3 is not asked.
    expect(status(r, 'c7.4.3.target-market')).toBe('not_applicable');
  });

  it('restarted: system re-issued two months ago, no management review yet', () => {
    const { s, r } = run('restarted');
    expect(validateAnswers(def, s.answers, { mode: 'draft' })).toEqual([]);
    // 2026-09-01 → 2026-11-20 is 2 whole months: not more than 3, so g.running fails;
    // pre.management-review = false fails g.management-review.
    expect(r.derived['d.months-running']).toBe(2);
    expect(notPassed(r)).toEqual(['g.running:failed', 'g.management-review:failed']);
    // Every answered graded item is at level 2 (0.7) or 3 and yes/no items are "yes", except
    // 4.1 surveillance and the not-yet-held management review (5.5.1 at level 1, 5.5.2 and
    // 5.5.3 unanswered). Hidden: 7.3 and 7.4.3 (no deals, no exports), 8.4 (no production).
    const c4 = (3 * (13 / 22) + 5 * ((15 + 4 * (13 / 16)) / 19)) / 8; // c4.1 6 + 7 + 0 → 13/22; c4.2.1–c4.2.3 full, c4.2.4 6 + 7 → 13/16 (5, 5, 5, 4)
    const c5 = // c5.1 6 + 7 + 6 → 19/22; c5.2 6 + 6 + 7 → 19/22; c5.3.1 7 + 4 → 11/14,
      // c5.3.2 and c5.3.3 7 + 6 → 13/16; c5.4 13/16 each; c5.5 (0.3 + 0 + 0)/3
      (5 * (19 / 22) +
        5 * (19 / 22) +
        5 * ((4 * (11 / 14) + 5 * (13 / 16) + 4 * (13 / 16)) / 13) +
        5 * (13 / 16) +
        4 * (0.3 / 3)) /
      24;
    const c6 = // c6.1.1 13/16, c6.1.2 7 + 10 → 17/20, c6.1.3 13/16, 6.1.4–6.1.6 full;
      // c6.2 full; c6.3 7 + 4 + 2 → 13/16; c6.4 7 + 6 + 4 → 17/20
      (4 * ((5 * (13 / 16) + 3 * (17 / 20) + 3 * (13 / 16) + 9) / 20) +
        2 +
        3 * (13 / 16) +
        3 * (17 / 20)) /
      12;
    const c7 = (17 / 20 + 17 / 20 + 13 / 16 + 17 / 20 + 19 / 22) / 5; // 7.1, 7.2, 7.4, 7.5, 7.6
    const c8 = (3 * (13 / 16) + 17 / 20) / 4; // 8.1, 8.2, 8.3 7 + 6; 8.5 7 + 6 + 4
    const c9 = (0.7 + 17 / 20 + 13 / 16) / 3;
    const total = ((3 * c4 + 4 * c5 + 3 * c6 + 3 * c7 + 3 * c8 + 2 * c9) / 18) * 100;
    expect(r.total.score).toBe(Math.round(total * 1e4) / 1e4);
    // Above 80, but the verdict is nearly-ready: 可以申请认证 also needs the two failed gates.
    expect(r.total.score).toBe(80.8044);
    expect(r.verdict.tier).toBe('nearly-ready');
    expect(r.next?.gates).toEqual(['g.running', 'g.management-review']);
    // No own production: 8.4 is not asked.
    expect(status(r, 'c8.4.improvements')).toBe('not_applicable');
  });
});

describe('gbt29490-2013 → 2023 mapping', () => {
  const mapping = lib.mappings.find((m) => m.id === 'gbt29490-2013-to-2023');
  const def23 = lib.get('gbt29490-2023@2.1.0');

  it('is loaded and pairs the prerequisites and at least 25 questions', () => {
    expect(mapping?.from).toBe('gbt29490-2013@2.1.0');
    expect(mapping?.to).toBe('gbt29490-2023@2.1.0');
    const pairs = mapping?.pairs ?? [];
    expect(pairs.length).toBeGreaterThanOrEqual(25);
    for (const id of [
      'pre.started',
      'pre.internal-audit',
      'pre.management-review',
      'pre.penalty',
    ]) {
      expect(
        pairs.some((p) => p.from === id && p.to === id),
        id,
      ).toBe(true);
    }
  });

  it('carries a well-maintained holder’s answers into the 2023 self-assessment', () => {
    if (!mapping) throw new Error('mapping not loaded');
    const s = loadSample('gbt29490-2013/well-maintained.json');
    const carried = applyMapping(mapping, def, def23, s.answers);
    // Every paired 2013 item is answered in this sample and every pair is of the same kind,
    // so everything carries over and nothing is skipped.
    expect(carried.skipped).toEqual([]);
    expect(carried.carried.length).toBe(mapping.pairs.length);
    expect(validateAnswers(def23, carried.answers, { mode: 'draft' })).toEqual([]);
    expect(validateAnswers(def23, carried.pending, { mode: 'draft' })).toEqual([]);

    const pendingIds = mapping.pairs.filter((p) => p.confirm).map((p) => p.to);
    expect(Object.keys(carried.pending).sort()).toEqual([...pendingIds].sort());
    // Before confirmation: the audit, the review and the start date are shown pre-filled but
    // count as unanswered (domain.md §2: the 2023 upgrade audit needs a 2023 internal audit and
    // management review), so the gates reading them cannot pass yet — they are unknown.
    const before = score(def23, carried.answers, { asOf: s.asOf });
    expect(before.gates.map((g) => `${g.id}:${g.outcome}`)).toEqual([
      'g.running:unknown',
      'g.internal-audit:unknown',
      'g.management-review:unknown',
      'g.no-penalty:passed',
    ]);
    expect(status(before, 'pre.internal-audit')).toBe('unanswered');
    expect(before.verdict.tier).not.toBe('ready');
    // After confirming every pending answer, the same gates pass: running since 2017, audit
    // and review held, no penalty.
    const confirmed = confirmPending(carried, pendingIds);
    expect(confirmed.pending).toEqual({});
    const r = score(def23, confirmed.answers, { asOf: s.asOf });
    expect(r.gates.map((g) => `${g.id}:${g.outcome}`)).toEqual([
      'g.running:passed',
      'g.internal-audit:passed',
      'g.management-review:passed',
      'g.no-penalty:passed',
    ]);
    // Confirming only the audit leaves the review unknown.
    const partly = score(def23, confirmPending(carried, ['pre.internal-audit']).answers, {
      asOf: s.asOf,
    });
    expect(partly.gates.find((g) => g.id === 'g.internal-audit')?.outcome).toBe('passed');
    expect(partly.gates.find((g) => g.id === 'g.management-review')?.outcome).toBe('unknown');
    // Top-level answers (level 3, "yes", evidence given) are full marks in 2023 too …
    for (const pair of mapping.pairs) {
      if (pair.to.startsWith('p.') || pair.to.startsWith('pre.')) continue;
      const expected = pair.to === 'c5.2.communicated' ? 'partial' : 'met';
      expect(status(r, pair.to), `${pair.from} → ${pair.to}`).toBe(expected);
      // … and unanswered until confirmed where the pair asks for confirmation.
      if (pair.confirm) expect(status(before, pair.to), pair.to).toBe('unanswered');
    }
    // … except the one graded answer at level 2 (方针理解), which is a partial in both editions.
    expect(s.answers['c5.2.awareness']).toBe(2);
    // The carried profile keeps the same clauses applicable: IP deals → 8.1 transactions asked.
    expect(status(r, 'c8.1.transactions')).toBe('met');
    // What 2023 adds (compliance obligations, prohibited conduct …) stays to be answered.
    expect(status(r, 'c8.3.no-patent-misconduct')).toBe('unanswered');
  });

  it('carries gaps over as gaps, and skips what was never answered', () => {
    if (!mapping) throw new Error('mapping not loaded');
    const s = loadSample('gbt29490-2013/lapsed-gaps.json');
    const carried = applyMapping(mapping, def, def23, s.answers);
    // Unanswered in 2013 (missing evidence; 7.3.1 hidden because there were no IP deals).
    const skipped = carried.skipped.map((x) => `${x.from}:${x.reason}`);
    expect(skipped).toContain('c6.3.spending:unanswered');
    expect(skipped).toContain('c7.3.1.due-diligence:unanswered');
    expect(carried.skipped.every((x) => x.reason === 'unanswered')).toBe(true);
    const r = score(def23, carried.answers, { asOf: s.asOf });
    // Level 0 in 2013 is level 0 in 2023.
    expect(status(r, 'c9.1.monitoring')).toBe('unmet');
    expect(status(r, 'c7.1.budget')).toBe('unmet');
    expect(status(r, 'c10.2.corrective')).toBe('unmet');
    // p.ip-deals = false carried over hides the 2023 transactions question as well.
    expect(status(r, 'c8.1.transactions')).toBe('not_applicable');
  });
});

describe('2.1.0: answers that contradict the prerequisites', () => {
  const s = loadSample('gbt29490-2013/well-maintained.json');
  const flagged = (changes: Record<string, unknown>) =>
    validateAnswers(def, { ...s.answers, ...changes }, { mode: 'submit', asOf: s.asOf })
      .filter((i) => i.code === 'answer.inconsistent')
      .map((i) => `${i.path[0]}:${i.params?.rule}`);

  it('refuses "no management review" beside a review held, its outputs or its report', () => {
    // well-maintained answers 5.5.1 and 5.5.3 at level 3 and gives a report.
    expect(
      flagged({ 'pre.management-review': false }).filter((f) => !f.startsWith('pre.')),
    ).toEqual([
      'c5.5.1.planned:k.management-review-planned',
      'c5.5.3.outputs:k.management-review-outputs',
      'c5.5.3.report:k.management-review-report',
    ]);
    expect(
      flagged({
        'pre.management-review': false,
        'c5.5.1.planned': 1,
        'c5.5.3.outputs': 1,
        'c5.5.3.report': undefined,
      }),
    ).toEqual([]);
  });

  it('refuses "no internal audit" beside audits held to plan or an audit report', () => {
    expect(flagged({ 'pre.internal-audit': false }).filter((f) => !f.startsWith('pre.'))).toEqual([
      'c9.2.procedure:k.internal-audit-procedure',
      'c9.2.report:k.internal-audit-report',
    ]);
  });
});

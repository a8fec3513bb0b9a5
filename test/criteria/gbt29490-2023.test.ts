import { reasonText, score, validateAnswers } from '@zhiping/forms';
import { loadBuiltins, loadSample } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';

/*
 * The GB/T 29490-2023 certification-readiness definition, checked against its
 * samples. Every expectation below is worked out from the criteria (weights,
 * points, gates, tiers in forms/definitions/gbt29490-2023.yaml), not copied
 * from the engine's output.
 *
 * Weights used in the arithmetic. Top-level sections (the unscored profile
 * drops out): pre 1, c4 2, c5 5, c6 3, c7 4, c8 4, c9 5, c10 2 → 26.
 * An item's worth on the 0–100 total is
 *   100 × (top weight / 26) × (sub weight / sibling weights) × (item points / section max)
 * and a gap costs that worth × (1 − earned fraction). Maturity levels earn
 * 0 / 0.4 / 0.75 / 1.
 */

const lib = loadBuiltins();
const def = lib.get('gbt29490-2023@2.1.0');

const run = (name: string) => {
  const s = loadSample(`gbt29490-2023/${name}.json`);
  return { s, r: score(def, s.answers, { asOf: s.asOf }) };
};
const gate = (r: ReturnType<typeof score>, id: string) => r.gates.find((g) => g.id === id)?.outcome;
const failedGates = (r: ReturnType<typeof score>) =>
  r.gates.filter((g) => g.outcome !== 'passed').map((g) => `${g.id}:${g.outcome}`);
const status = (r: ReturnType<typeof score>, id: string) =>
  r.items.find((i) => i.id === id)?.status;
const share = (top: number, sub: number, siblings: number) => 100 * (top / 26) * (sub / siblings);

describe('gbt29490-2023 definition', () => {
  it('follows the 2023 clause structure, with unconfirmed clauses marked', () => {
    const top = def.sections.map((s) => s.id);
    expect(top).toEqual(['profile', 'pre', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10']);
    const sub = (id: string) => def.sections.find((s) => s.id === id)?.sections ?? [];
    expect(sub('c4').map((s) => s.title)).toEqual([
      '理解企业及其环境',
      '理解相关方的需要和期望',
      '确定知识产权合规管理体系的范围',
      '知识产权合规管理体系及其过程',
      '知识产权合规义务',
    ]);
    expect(sub('c5').map((s) => s.title)).toEqual([
      '领导作用和承诺',
      '知识产权方针',
      '岗位、职责和权限',
    ]);
    expect(sub('c9').map((s) => s.title)).toEqual(['通则', '分析与评价', '内部审核', '管理评审']);
    expect(sub('c10').map((s) => s.title)).toEqual(['通则', '不合格和纠正措施', '持续改进']);
    // domain.md §2: 6.1 通则, 7.1–7.5 and 9.1–9.4 are [read, medium]; the other sub-clauses of
    // 6 and the sub-clauses of 8 are still not confirmed.
    const unverified = def.sections
      .flatMap((s) => s.sections)
      .filter((s) => s.unverified)
      .map((s) => s.id);
    expect(unverified).toEqual(['c6.2', 'c8.1', 'c8.2', 'c8.3']);
    expect(sub('c6').map((s) => s.title)[0]).toBe('通则');
    // …and so are all their standard citations.
    for (const s of def.sections.flatMap((x) => x.sections).filter((x) => x.unverified)) {
      for (const item of s.items) {
        const std = item.citations.filter((c) => 'standard' in c);
        expect(std.length, item.id).toBeGreaterThan(0);
        for (const c of std) expect(c.unverified, item.id).toBe(true);
      }
    }
  });

  it('has a scored item set of the intended size', () => {
    const all = def.sections.flatMap((s) => [...s.items, ...s.sections.flatMap((c) => c.items)]);
    const scored = all.filter(
      (i) =>
        (i.kind === 'yesno' && i.points !== undefined) ||
        i.kind === 'scale' ||
        i.kind === 'multi' ||
        (i.kind === 'evidence' && i.points > 0) ||
        (i.kind === 'number' && i.scoring !== undefined),
    );
    expect(scored.length).toBeGreaterThanOrEqual(60);
    expect(scored.length).toBeLessThanOrEqual(95);
  });

  it('keeps production and export items visible until the profile says they do not apply', () => {
    // The visibility rule is "not answered no", so an empty profile cannot hide clauses.
    const r = score(def, {}, { asOf: '2026-11-20' });
    expect(status(r, 'c8.2.production')).toBe('unanswered');
    expect(status(r, 'c8.2.export')).toBe('unanswered');
    // Nothing answered: the gates cannot be judged yet.
    expect(gate(r, 'g.running')).toBe('unknown');
    expect(gate(r, 'g.no-penalty')).toBe('unknown');
    // Without a known penalty answer, not even 基本就绪 can be reached.
    expect(r.verdict.tier).toBe('not-ready');
  });

  it('wants the system to have run more than 3 calendar months, counted to the day', () => {
    const base = {
      'pre.internal-audit': true,
      'pre.management-review': true,
      'pre.penalty': false,
    };
    const at = (started: string, asOf: string) =>
      score(def, { ...base, 'pre.started': started }, { asOf });
    // domain.md §3: started 2026-08-28 → qualifies from 2026-11-29; exactly 3 months does not.
    const exactly = at('2026-08-28', '2026-11-28');
    expect(exactly.derived['d.months-running']).toBe(3);
    expect(gate(exactly, 'g.running')).toBe('failed');
    // Waiting alone passes it: the result says from when.
    expect(exactly.gates.find((g) => g.id === 'g.running')?.eligibleFrom).toBe('2026-11-29');
    expect(gate(at('2026-08-28', '2026-11-27'), 'g.running')).toBe('failed'); // a day short
    expect(gate(at('2026-08-28', '2026-11-29'), 'g.running')).toBe('passed'); // 3 months + 1 day
    // 3 months and 29 days (the issue's case) is more than 3 months.
    expect(gate(at('2026-07-22', '2026-11-20'), 'g.running')).toBe('passed');
    // Month-end start: 2026-08-31 + 3 months = 2026-11-30 (clamped), so from 2026-12-01.
    expect(gate(at('2026-08-31', '2026-11-30'), 'g.running')).toBe('failed');
    expect(gate(at('2026-08-31', '2026-12-01'), 'g.running')).toBe('passed');
    expect(
      at('2026-08-31', '2026-11-30').gates.find((g) => g.id === 'g.running')?.eligibleFrom,
    ).toBe('2026-12-01');
    // The reason names the date, after the gate's own message without its full stop.
    // A sample ready in every other respect, so the running rule is all that blocks.
    const { s: ready } = run('ready-manufacturer');
    const waiting = score(
      def,
      { ...ready.answers, 'pre.started': '2026-08-31' },
      { asOf: '2026-11-30' },
    );
    const words = (locale: 'zh' | 'en') =>
      waiting.verdict.reasons
        .map((x) => reasonText(x, { result: waiting, definition: def, locale }))
        .join('\n');
    expect(words('zh')).toMatch(/[^。]；可于 2026-12-01 起申请$/m);
    expect(words('en')).toContain('eligible from 2026-12-01');
  });
});

describe('sample: ready-manufacturer (澄湖精密传动)', () => {
  const { s, r } = run('ready-manufacturer');

  it('answers every visible item', () => {
    expect(validateAnswers(def, s.answers, { mode: 'submit', asOf: s.asOf })).toEqual([]);
    expect(r.progress.requiredMissing).toEqual([]);
  });

  it('is ready to apply: high score and all four prerequisites met', () => {
    // Started 2026-03-02, asOf 2026-11-18 → 8 whole months (> 3); audit and review done; no penalty.
    expect(r.derived['d.months-running']).toBe(8);
    expect(failedGates(r)).toEqual([]);
    // Every other scored item is met, so the total is 100 less the six gaps (next test):
    // c7.2 effectiveness 3/13 of 100 × 4/26 × 2/10, c9.4 outputs 6/21 × 0.25 of 100 × 5/26 × 3/8,
    // c6.2 monitored 5/20 × 0.25 of 100 × 3/26 × 3/5, c10.3 continual 0.25 of 100 × 2/26 × 1/5,
    // c8.2 exhibitions 3/41 of 100 × 4/26 × 1/3, c7.5 records at level 2 (−1.5 of 25) of
    // 100 × 4/26 × 3/10: 0.710 + 0.515 + 0.433 + 0.385 + 0.375 + 0.277 = 2.695 → 97.3054.
    const lost =
      share(4, 2, 10) * (3 / 13) +
      share(5, 3, 8) * (6 / 21) * 0.25 +
      share(3, 3, 5) * (5 / 20) * 0.25 +
      share(2, 1, 5) * 0.25 +
      share(4, 1, 3) * (3 / 41) +
      share(4, 3, 10) * (1.5 / 25);
    expect(r.total.score).toBe(Math.round((100 - lost) * 1e4) / 1e4);
    expect(r.total.score).toBe(97.3054);
    expect(r.verdict.tier).toBe('ready');
    expect(r.next).toBeNull(); // already the top tier
  });

  it('hides IP transactions (no licensing, transfer, pledge or investment)', () => {
    expect(status(r, 'c8.1.transactions')).toBe('not_applicable');
    expect(status(r, 'c8.2.production')).toBe('met');
  });

  it('lists the remaining gaps by what they cost', () => {
    // c7.2 share = 100 × 4/26 × 2/10 = 3.077, max 13: the unmet 3-point yes/no costs 0.710.
    // c9.4 share = 100 × 5/26 × 3/8 = 7.212, max 21: outputs at level 2 cost 7.212 × 6/21 × 0.25 = 0.515.
    // c6.2 share = 100 × 3/26 × 3/5 = 6.923, max 20: monitored at level 2 costs 6.923 × 5/20 × 0.25 = 0.433.
    // c10.3 share = 100 × 2/26 × 1/5 = 1.538, one 5-point item at level 2: 0.385.
    // c8.2 share = 100 × 4/26 × 1/3 = 5.128; all nine items visible (max 41): exhibitions 5.128 × 3/41 = 0.375.
    const expected: [string, number][] = [
      ['c7.2.effectiveness', share(4, 2, 10) * (3 / 13)],
      ['c9.4.outputs', share(5, 3, 8) * (6 / 21) * 0.25],
      ['c6.2.monitored', share(3, 3, 5) * (5 / 20) * 0.25],
      ['c10.3.continual', share(2, 1, 5) * 0.25],
      ['c8.2.exhibitions', share(4, 1, 3) * (3 / 41)],
    ];
    expect(r.gaps.slice(0, 5).map((g) => g.item)).toEqual(expected.map(([id]) => id));
    for (const [k, g] of r.gaps.slice(0, 5).entries()) {
      expect(g.cost).toBeCloseTo(expected[k]?.[1] ?? Number.NaN, 3);
    }
  });
});

describe('sample: nearly-ready-software (青屿云数)', () => {
  const { s, r } = run('nearly-ready-software');

  it('answers every visible item', () => {
    expect(validateAnswers(def, s.answers, { mode: 'submit', asOf: s.asOf })).toEqual([]);
  });

  it('hides production, export, standards and transaction clauses', () => {
    for (const id of [
      'c8.2.production',
      'c8.2.shopfloor',
      'c8.2.export',
      'c8.2.exhibitions',
      'c8.1.standards',
      'c8.1.transactions',
    ])
      expect(status(r, id), id).toBe('not_applicable');
  });

  it('is nearly ready: prerequisites met, but the score is below 80', () => {
    // Started 2026-04-01 → 7 months by 2026-11-20; audit, review done; no penalty.
    expect(failedGates(r)).toEqual([]);
    // No risk register, review inputs missing, training records thin: short of 80, above 60.
    // Each sub-section as (its max − what the answers lose) / max; maturity level 1 earns 0.4,
    // level 2 0.75; production, export, standards and transaction items are hidden.
    const c4 = // c4.2: parties level 1 (2.4 of 6), into-system no; c4.5: register level 2
      // (6 of 8), 2 of 4 IP types (4 of 8), tracking no (0 of 4); sub weights 1, 1, 1, 1, 2
      (1 + 2.4 / 9 + 1 + 1 + 2 * (10 / 20)) / 6;
    const c5 = (3 + 3 * ((15 - 3.6) / 15) + 3) / 9; // c5.2.communicated level 1 loses 3.6
    const c6 = // c6.1 neither risk item (0 of 10); c6.2 objectives level 2 (−2), quality no
      // (−3), monitored level 1 (2 of 5, −3) → 12 of 20; weights 2, 3
      (2 * 0 + 3 * (12 / 20)) / 5;
    const c7 = // c7.1 budget level 2 (−2), incentive no (−3) → 33/38; c7.2 training level 1
      // (−3.6), effectiveness no (−3) → 6.4/13; c7.3 awareness level 1 (2 of 5, −3) → 5/8;
      // c7.4 full; c7.5 records level 2 (−1.5) → 23.5/25; weights 3, 2, 1, 1, 3
      (3 * (33 / 38) + 2 * (6.4 / 13) + 5 / 8 + 1 + 3 * (23.5 / 25)) / 10;
    const c8 = // c8.1 valuation no (−3), infringement check level 2 (−1.5) → 39.5/44;
      // c8.2 project approval level 2 (−1.5), sales level 2 (−1.25) → 22.25/25;
      // c8.3 review level 1 (−3.6), monitoring no (−4), enforcement no (−3) → 14.4/25
      (3 * (39.5 / 44) + 3 * (22.25 / 25) + 3 * (14.4 / 25)) / 9;
    const c9 = // c9.2 statistics no → 4/7; c9.3 findings level 2 → 19.5/21;
      // c9.4 inputs no (−6), outputs level 1 (−3.6) → 11.4/21; weights 1, 1, 3, 3
      (1 + 4 / 7 + 3 * (19.5 / 21) + 3 * (11.4 / 21)) / 8;
    const c10 = (0 + 3 * (6.4 / 10) + 0) / 5; // only c10.2 (corrective level 1, −3.6) earns
    const total = ((1 + 2 * c4 + 5 * c5 + 3 * c6 + 4 * c7 + 4 * c8 + 5 * c9 + 2 * c10) / 26) * 100;
    expect(r.total.score).toBe(Math.round(total * 1e4) / 1e4);
    expect(r.total.score).toBe(72.988);
    expect(r.verdict.tier).toBe('nearly-ready');
    expect(r.next?.tier).toBe('ready');
    expect(r.next?.gates).toEqual([]);
    expect(r.next?.scoreGap).toBeCloseTo(80 - r.total.score, 6);
  });

  it('puts the missing risk assessment and management-review inputs first', () => {
    // c6.1 share = 100 × 3/26 × 2/5 = 4.615, max 10: risk assessment at level 0 costs 4.615 × 6/10 = 2.769,
    //   the heaviest single scored item of the definition.
    // c9.4 share = 7.212, max 21: review inputs at level 0 cost 7.212 × 6/21 = 2.060.
    // c6.1 actions not followed up: 4.615 × 4/10 = 1.846.
    // c10.2 share = 100 × 2/26 × 3/5 = 4.615, max 10: corrective actions at level 1 cost 4.615 × 6/10 × 0.6 = 1.662.
    const expected: [string, number][] = [
      ['c6.1.risk-assessment', share(3, 2, 5) * (6 / 10)],
      ['c9.4.inputs', share(5, 3, 8) * (6 / 21)],
      ['c6.1.actions-followed', share(3, 2, 5) * (4 / 10)],
      ['c10.2.corrective', share(2, 3, 5) * (6 / 10) * 0.6],
    ];
    expect(r.gaps.slice(0, 4).map((g) => g.item)).toEqual(expected.map(([id]) => id));
    for (const [k, g] of r.gaps.slice(0, 4).entries()) {
      expect(g.cost).toBeCloseTo(expected[k]?.[1] ?? Number.NaN, 3);
    }
    // Training: a plan but incomplete records (level 1) is a partial, 一般不符合.
    expect(status(r, 'c7.2.training')).toBe('partial');
    expect(r.gaps.map((g) => g.item)).toContain('c7.2.training');
    // The fewest items that close the gap to 80 start with the most expensive ones.
    expect(r.next?.items[0]?.item).toBe('c6.1.risk-assessment');
  });
});

describe('sample: blocked-too-new (临湘新型建材)', () => {
  const { s, r } = run('blocked-too-new');

  it('answers every visible item', () => {
    expect(validateAnswers(def, s.answers, { mode: 'submit', asOf: s.asOf })).toEqual([]);
  });

  it('scores above 80 but fails g.running', () => {
    // Started 2026-09-01, asOf 2026-11-20 → 2 whole months, not more than 3.
    expect(r.derived['d.months-running']).toBe(2);
    expect(failedGates(r)).toEqual(['g.running:failed']);
    // Maturity level 2 earns 0.75, level 1 0.4. Hidden: c8.1.standards (no standards work),
    // c8.2.export and c8.2.exhibitions (no exports; the export answer is ignored).
    // pre: IP count 31 (≥ 1 → 4 of 4) and trained manager → 8/8.
    const c4 = // c4.1 and c4.2: level 2 (4.5 of 6) + 3 → 7.5/9; c4.3 full; c4.4 level 2;
      // c4.5 register level 2 (6 of 8), four IP types (8), tracking (4) → 18/20; weights 1,1,1,1,2
      (7.5 / 9 + 7.5 / 9 + 1 + 0.75 + 2 * (18 / 20)) / 6;
    const c5 = (11.25 / 14 + 13.5 / 15 + 19 / 21) / 3; // c5.1 4.5 + 3.75 + 3 → 11.25/14; c5.2 6 + 4.5 + 3 → 13.5/15; c5.3 6 + 6 + 4 + 3 → 19/21
    const c6 = (2 * (8.5 / 10) + 3 * (16.75 / 20)) / 5; // c6.1 4.5 + 4 → 8.5/10; c6.2 6 + 3 + 4 + 3.75 → 16.75/20; weights 2, 3
    const c7 = // c7.1 4.5 + 6 + 3 + 3 + 3.75 + 4 + 3 + 3 + 3 → 33.25/38; c7.2 4 + 4.5 + 0 → 8.5/13;
      // c7.3 3.75 + 3 → 6.75/8; c7.4 full; c7.5 6 + 5 + 4.5 + 3 + 3 → 21.5/25; weights 3, 2, 1, 1, 3
      (3 * (33.25 / 38) + 2 * (8.5 / 13) + 6.75 / 8 + 1 + 3 * (21.5 / 25)) / 10;
    const c8 = // c8.1 (transactions and trade secrets shown, standards hidden): 4.5 + 3.75 + 0
      // (valuation no) + 3.75 + 4.5 + 4 + 4.5 + 4.5 + 4 + 4 → 37.5/49; c8.2 (R&D and production
      // shown): 4.5 + 4.5 + 3 + 3.75 + 3.75 + 3 + 3.75 → 26.25/33; c8.3 4.5 + 12 + 4 + 3 → 23.5/25
      (37.5 / 49 + 26.25 / 33 + 23.5 / 25) / 3;
    const c9 = // c9.1 level 2; c9.2 statistics no → 4/7; c9.3 6 + 4 + 4.5 + 3 → 17.5/21;
      // c9.4 6 + 4.5 + 4.5 + 3 → 18/21; weights 1, 1, 3, 3
      (0.75 + 4 / 7 + 3 * (17.5 / 21) + 3 * (18 / 21)) / 8;
    const c10 = (1 + 3 * (8.5 / 10) + 0.4) / 5; // c10.2 4 + 4.5; c10.3 continual level 1
    const total = ((1 + 2 * c4 + 5 * c5 + 3 * c6 + 4 * c7 + 4 * c8 + 5 * c9 + 2 * c10) / 26) * 100;
    expect(r.total.score).toBe(Math.round(total * 1e4) / 1e4);
    expect(r.total.score).toBe(84.1003);
    // 基本就绪 needs only 60 and no penalty; 可以申请认证 also needs g.running.
    expect(r.verdict.tier).toBe('nearly-ready');
    expect(r.next?.tier).toBe('ready');
    expect(r.next?.scoreGap).toBe(0);
    expect(r.next?.gates).toEqual(['g.running']);
  });

  it('still shows IP transactions, which this company does', () => {
    expect(status(r, 'c8.1.transactions')).toBe('partial');
  });
});

describe('sample: blocked-penalty (岚山海味食品)', () => {
  const { s, r } = run('blocked-penalty');

  it('answers every visible item', () => {
    expect(validateAnswers(def, s.answers, { mode: 'submit', asOf: s.asOf })).toEqual([]);
  });

  it('is vetoed by the administrative penalty despite a high score', () => {
    // 13 months running, audit and review done — only the penalty fails.
    expect(failedGates(r)).toEqual(['g.no-penalty:failed']);
    expect(r.gates.find((g) => g.id === 'g.no-penalty')?.kind).toBe('veto');
    // Maturity level 3 earns 1, level 2 0.75, level 1 0.4. Hidden: c8.1.transactions and
    // c8.1.standards (no deals, no standards work), c8.2 project approval and R&D (no own R&D).
    // pre: IP count 12 (≥ 1 → 4 of 4) and trained manager → 8/8.
    const c4 = (7.5 / 9 + 7.5 / 9 + 1 + 1 + 2 * 1) / 6; // c4.1 and c4.2 4.5 + 3 → 7.5/9; c4.3, c4.4 (level 3) and c4.5 (8 + 8 + 4) full
    const c5 = (12.75 / 14 + 1 + 1) / 3; // c5.1 6 + 3.75 + 3; c5.2 and c5.3 full
    const c6 = (2 * (8.5 / 10) + 3 * (18.75 / 20)) / 5; // c6.1 4.5 + 4 → 8.5/10; c6.2 8 + 3 + 4 + 3.75 → 18.75/20
    const c7 = // c7.1 6 + 8 + 3 + 3 + 3.75 + 4 + 3 + 3 + 3 → 36.75/38; c7.2 4 + 4.5 + 3 → 11.5/13;
      // c7.3, c7.4 full; c7.5 8 + 5 + 4.5 + 3 + 3 → 23.5/25
      (3 * (36.75 / 38) + 2 * (11.5 / 13) + 1 + 1 + 3 * (23.5 / 25)) / 10;
    const c8 = // c8.1 6 + 5 + 3 + 2.4 (infringement check level 1) + 4 + 4.5 + 6 + 4 + 4 → 38.9/44;
      // c8.2 3 + 3.75 + 5 + 3 + 2 (sales level 1) + 5 + 0 (exhibitions no) → 21.75/29;
      // c8.3 6 + 3 + 0 (trademark misconduct not prevented) + 3 + 3 + 4 + 3 → 22/25
      (38.9 / 44 + 21.75 / 29 + 22 / 25) / 3;
    const c9 = (0.75 + 1 + 3 * (19.5 / 21) + 3 * (19.5 / 21)) / 8; // c9.1 level 2; c9.2 full; c9.3 8 + 4 + 4.5 + 3 → 19.5/21; c9.4 6 + 4.5 + 6 + 3 → 19.5/21
    const c10 = (1 + 3 * (8.5 / 10) + 0.75) / 5; // c10.2 4 + 4.5; c10.3 level 2
    const total = ((1 + 2 * c4 + 5 * c5 + 3 * c6 + 4 * c7 + 4 * c8 + 5 * c9 + 2 * c10) / 26) * 100;
    expect(r.total.score).toBe(Math.round(total * 1e4) / 1e4);
    expect(r.total.score).toBe(91.8916);
    // g.no-penalty is required from 基本就绪 up, so the verdict stays at the bottom tier.
    expect(r.verdict.tier).toBe('not-ready');
    expect(r.next?.tier).toBe('nearly-ready');
    expect(r.next?.scoreGap).toBe(0);
    expect(r.next?.gates).toEqual(['g.no-penalty']);
  });

  it('records the trademark problem behind the penalty as a gap', () => {
    expect(status(r, 'c8.3.no-trademark-misconduct')).toBe('unmet');
    // No own R&D: project approval and R&D items are hidden.
    expect(status(r, 'c8.2.project-approval')).toBe('not_applicable');
    expect(status(r, 'c8.2.rnd')).toBe('not_applicable');
  });
});

describe('both editions agree on the same facts', () => {
  const editions = [
    ['gbt29490-2013', 'gbt29490-2013/well-maintained'],
    ['gbt29490-2023', 'gbt29490-2023/ready-manufacturer'],
  ] as const;
  it('a penalty vetoes in both: the lowest tier, whatever the score', () => {
    // domain.md §3: no administrative penalty while the system ran or in the year before —
    // with one, a certification body does not accept the application.
    for (const [id, sample] of editions) {
      const d = lib.get(id);
      const s = loadSample(`${sample}.json`);
      const clean = score(d, s.answers, { asOf: s.asOf });
      expect(clean.verdict.tier, id).toBe(d.tiers.at(-1)?.id);
      const penalised = score(d, { ...s.answers, 'pre.penalty': true }, { asOf: s.asOf });
      expect(penalised.total.score, id).toBe(clean.total.score);
      expect(penalised.verdict.tier, id).toBe(d.tiers[0]?.id);
      expect(penalised.gates.find((g) => g.id === 'g.no-penalty')?.outcome, id).toBe('failed');
    }
  });
  it('the running rule is the same calendar rule in both', () => {
    for (const [id, sample] of editions) {
      const d = lib.get(id);
      const s = loadSample(`${sample}.json`);
      const at = (asOf: string) =>
        score(d, { ...s.answers, 'pre.started': '2026-08-31' }, { asOf }).gates.find(
          (g) => g.id === 'g.running',
        );
      // 2026-08-31 + 3 months = 2026-11-30 (clamped): more than 3 months from 2026-12-01.
      expect(at('2026-11-30')?.outcome, id).toBe('failed');
      expect(at('2026-11-30')?.eligibleFrom, id).toBe('2026-12-01');
      expect(at('2026-12-01')?.outcome, id).toBe('passed');
    }
  });
});

describe('2.1.0: exclusions with a reason, and answers that contradict each other', () => {
  const { s } = run('ready-manufacturer');
  const issuesOf = (changes: Record<string, unknown>) =>
    validateAnswers(def, { ...s.answers, ...changes }, { mode: 'submit', asOf: s.asOf });
  const flagged = (changes: Record<string, unknown>) =>
    issuesOf(changes)
      .filter((i) => i.code === 'answer.inconsistent')
      .map((i) => `${i.path[0]}:${i.params?.rule}`);

  it('lets an activity that has not happened be excluded, and takes it out of the denominator', () => {
    // Each of these asks about something that may not have occurred yet (no leavers, no product on
    // the market, an audit with no findings, no nonconformity): 4.3 lets the scope exclude it.
    const na = ['c7.1.offboarding', 'c8.2.sales', 'c9.3.findings', 'c10.2.corrective'];
    expect(na.filter((id) => itemOf(id)?.allowNotApplicable !== true)).toEqual([]);
    const answers = {
      ...s.answers,
      'c9.3.findings': { notApplicable: true, reason: '内审未发现不符合' },
    };
    expect(validateAnswers(def, answers, { mode: 'submit', asOf: s.asOf })).toEqual([]);
    const r = score(def, answers, { asOf: s.asOf });
    expect(status(r, 'c9.3.findings')).toBe('not_applicable');
    // The item leaves c9.3's maximum: 8 + 4 + 3 points remain (was 8 + 4 + 6 + 3).
    expect(r.sections.find((x) => x.id === 'c9.3')?.max).toBe(15);
  });

  it('refuses "no management review" beside "reviews held" or outputs with records, naming both questions', () => {
    expect(flagged({ 'pre.management-review': false, 'c9.4.held': true })).toEqual([
      'pre.management-review:k.management-review-held',
      'c9.4.held:k.management-review-held',
      'pre.management-review:k.management-review-outputs',
      'c9.4.outputs:k.management-review-outputs',
    ]);
    // Level 1 (documents only) for outputs and no held review: consistent.
    expect(
      flagged({ 'pre.management-review': false, 'c9.4.held': false, 'c9.4.outputs': 1 }),
    ).toEqual([]);
  });

  it('refuses "no internal audit" beside an audit run with records (level 2 up), not beside a plan only', () => {
    expect(
      flagged({ 'pre.internal-audit': false, 'c9.3.programme': 2, 'c9.3.findings': 1 }),
    ).toEqual([
      'pre.internal-audit:k.internal-audit-programme',
      'c9.3.programme:k.internal-audit-programme',
    ]);
    expect(
      flagged({ 'pre.internal-audit': false, 'c9.3.programme': 1, 'c9.3.findings': 1 }),
    ).toEqual([]);
    // An excluded findings item cannot contradict anything.
    expect(
      flagged({
        'pre.internal-audit': false,
        'c9.3.programme': 1,
        'c9.3.findings': { notApplicable: true },
      }),
    ).toEqual([]);
  });
});

function itemOf(id: string) {
  const walk = (
    ss: typeof def.sections,
  ): (typeof def.sections)[number]['items'][number] | undefined => {
    for (const x of ss) {
      const hit = x.items.find((i) => i.id === id) ?? walk(x.sections);
      if (hit) return hit;
    }
    return undefined;
  };
  return walk(def.sections);
}

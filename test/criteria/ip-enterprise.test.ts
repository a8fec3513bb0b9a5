import { reasonText, score } from '@zhiping/forms';
import { loadBuiltins, loadSample } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';

/*
 * Expected values are reasoned from the criteria in forms/definitions/ip-enterprise.yaml
 * and its overlays (-beijing, -shenzhen, -zhejiang):
 *   - base tiers: not-eligible → pilot (≥ 60; g.legal-person, g.clean-record, g.innovation-base)
 *     → advantage (≥ 75; g.ip-body, g.inventions-advantage) → demonstration (≥ 85; g.certified;
 *     requires p.status ∈ {advantage, demonstration} and ms.cert-valid = yes);
 *   - top-level weights: org 3, rules 3, info 2, quality 4, use 3, protect 3, system 2 (= 20);
 *     profile has no points and drops out;
 *   - a point of an item is worth (weight / 20 × 100) / section max of the total: rules
 *     15/28 ≈ 0.536 for manufacturers (rules.production applies), 15/25 = 0.6 otherwise; quality 20/30 ≈ 0.667 for exporters, 20/26 ≈ 0.769 without cq.foreign;
 *     use 15/15 = 1 without the two licensing items; system 10/20 = 0.5;
 *   - maturity scale fractions 0 / 0.3 / 0.7 / 1; cert-readiness 0 / 0.2 / 0.4 / 0.5.
 */

const lib = loadBuiltins();

function run(samplePath: string, patch: Record<string, unknown> = {}, asOf?: string) {
  const s = loadSample(samplePath);
  const def = lib.get(s.definition);
  return score(def, { ...s.answers, ...patch }, { asOf: asOf ?? s.asOf });
}

type Result = ReturnType<typeof run>;
const gate = (r: Result, id: string) => r.gates.find((g) => g.id === id)?.outcome;
const failedOrUnknown = (r: Result) =>
  r.gates.filter((g) => g.outcome !== 'passed').map((g) => g.id);

describe('ip-enterprise (base: national 优势 / 示范)', () => {
  /*
   * domain.md §4 [read, high]: the 2022/2023 notices set no numeric thresholds; the test is
   * 100 points + up to 5 bonus points; pass lines 55 (优势) and 70 (示范); 示范 = an 优势
   * enterprise whose 3-year cultivation period has ended; missing 2 yearly reviews loses the
   * right to re-assessment; certification is a plus, not a condition; the 2025 scheme drops 试点.
   */
  const def = lib.get('ip-enterprise');

  it('has 优势 (55) and 示范 (70) only, no 试点 and no certification gate', () => {
    const own = lib.problems.filter((p) => /ip-enterprise/.test(p.file ?? ''));
    expect(own).toEqual([]);
    expect(def.tiers.map((t) => [t.id, t.minScore])).toEqual([
      ['not-eligible', 0],
      ['advantage', 55],
      ['demonstration', 70],
    ]);
    expect(def.gates.map((g) => g.id)).toEqual([
      'g.legal-person',
      'g.clean-record',
      'g.cultivation-ended',
      'g.reviews-kept',
    ]);
    // No invented counts: no gate compares a patent count, R&D ratio or staff number.
    const reads = JSON.stringify(def.gates.map((g) => g.condition));
    for (const id of [
      'cq.valid-inventions',
      'org.full-time-staff',
      'd.rd-intensity',
      'p.certification',
    ])
      expect(reads).not.toContain(id);
    // The bonus section is worth 5 points on top of 100.
    expect(def.sections.find((x) => x.id === 'bonus')?.bonus).toBe(5);
  });

  it('demonstration: 优势 since 2022-06-30, reviews kept, score ≥ 70 → 示范', () => {
    const r = run('ip-enterprise/demonstration.json');
    // Every section full except: rules.trade-secret at level 2 (4.2/6 → rules 26.2/28, a manufacturer);
    // quality 28/30 (32 inventions ≥ 30 → 10; share 32/60 ≈ 0.533 → 4 of 5; 8 high-value → 5 of 6;
    // 4 foreign → 4; R&D 1900/38000 = 5 % → 5). Total = (3 + 3×0.9357 + 2 + 4×0.9333 + 3 + 3 + 2)/20 ≈ 97.7;
    // the bonus questions are unanswered, so no bonus.
    expect(r.total.score).toBe(
      Math.round(((3 + 3 * (26.2 / 28) + 2 + 4 * (28 / 30) + 3 + 3 + 2) / 20) * 100 * 1e4) / 1e4,
    );
    expect(r.verdict.tier).toBe('demonstration');
    expect(failedOrUnknown(r)).toEqual([]);
    expect(r.next).toBeNull();
  });

  it('示范 waits for the 3-year cultivation period, to the day', () => {
    const since = (d: string) =>
      run('ip-enterprise/demonstration.json', { 'p.advantage-since': d });
    // asOf 2026-11-21: 优势 since 2023-11-21 → exactly 3 years → ended (at least 3 years).
    expect(since('2023-11-21').verdict.tier).toBe('demonstration');
    expect(since('2023-11-20').verdict.tier).toBe('demonstration');
    // since 2023-11-22 → one day short: 优势 only, eligible from 2026-11-22.
    const short = since('2023-11-22');
    expect(short.verdict.tier).toBe('advantage');
    expect(short.gates.find((g) => g.id === 'g.cultivation-ended')?.eligibleFrom).toBe(
      '2026-11-22',
    );
  });

  it('missing two yearly reviews loses 示范; one does not', () => {
    const missed = (n: number) =>
      run('ip-enterprise/demonstration.json', { 'p.missed-reviews': n }).verdict.tier;
    expect(missed(1)).toBe('demonstration');
    expect(missed(2)).toBe('advantage');
  });

  it('not yet an 优势 enterprise: 示范 fails (not "answers missing")', () => {
    const r = run('ip-enterprise/demonstration.json', { 'p.status': 'pilot' });
    expect(r.gates.find((g) => g.id === 'g.cultivation-ended')).toMatchObject({
      outcome: 'failed',
      notApplicable: true,
    });
    expect(r.verdict.tier).toBe('advantage');
  });

  it('certification is a plus, not a condition', () => {
    // Without any certificate the same enterprise loses the ms.cert-valid points (8 of 20 in
    // system, weight 2 → 4 points of the total) but still clears 70: 示范 stands.
    const r = run('ip-enterprise/demonstration.json', {
      'p.certification': 'none',
      'ms.cert-readiness': 0,
    });
    // (3 + 3 × 26.2/28 + 2 + 4 × 28/30 + 3 + 3 + 2 × 12/20) / 20 × 100 = 97.7024 − 4 = 93.7024.
    expect(r.total.score).toBe(
      Math.round(
        ((3 + 3 * (26.2 / 28) + 2 + 4 * (28 / 30) + 3 + 3 + 2 * (12 / 20)) / 20) * 100 * 1e4,
      ) / 1e4,
    );
    expect(r.total.score).toBe(93.7024);
    expect(r.verdict.tier).toBe('demonstration');
  });

  it('pilot-gaps: 61.95 clears the 55 line for 优势, far from 示范', () => {
    const r = run('ip-enterprise/pilot-gaps.json');
    // org (1.8+4+3+0+4.2)=13/27, rules 21.4/28, info 9.2/15, quality 12/26 (no exports → cq.foreign
    // hidden; 3 inventions → 5, share 3/18 < 0.2 → 0, 1 high-value → 3, R&D 4 % → 4), use 12/15,
    // protect 8.2/10 (pr.export hidden), system 7.2/20 (level 2 system 5.6, no review, readiness 0.2×8)
    // → (3×0.4815 + 3×0.7643 + 2×0.6133 + 4×0.4615 + 3×0.8 + 3×0.82 + 2×0.36)/20 = 61.9506: ≥ 55, < 70;
    // the two bonus questions are unanswered, so nothing on top.
    const weighted =
      3 * (13 / 27) +
      3 * (21.4 / 28) +
      2 * (9.2 / 15) +
      4 * (12 / 26) +
      3 * (12 / 15) +
      3 * (8.2 / 10) +
      2 * (7.2 / 20);
    expect(r.total.score).toBe(Math.round((weighted / 20) * 100 * 1e4) / 1e4);
    expect(r.total.score).toBe(61.9506);
    expect(r.verdict.tier).toBe('advantage');
    expect(r.next?.tier).toBe('demonstration');
    expect(r.next?.scoreGap).toBeCloseTo(70 - r.total.score, 4);
    // Not an 优势 enterprise yet: both 示范 gates fail on that, with everything answered.
    expect(r.next?.gates).toEqual(['g.cultivation-ended', 'g.reviews-kept']);
  });

  it('the 5 bonus points come on top of the 100-point test', () => {
    const a = run('ip-enterprise/pilot-gaps.json');
    const b = run('ip-enterprise/pilot-gaps.json', {
      'bonus.dense-products': true,
      'bonus.qianqi-baicheng': true,
    });
    expect(b.total.score).toBeCloseTo(a.total.score + 5, 4);
    const one = run('ip-enterprise/pilot-gaps.json', { 'bonus.dense-products': true });
    expect(one.total.score).toBeCloseTo(a.total.score + 2.5, 4);
  });

  it('veto-infringement: a high score cannot outweigh a wilful-infringement record', () => {
    const r = run('ip-enterprise/veto-infringement.json');
    expect(gate(r, 'g.clean-record')).toBe('failed');
    expect(r.gates.find((g) => g.id === 'g.clean-record')?.kind).toBe('veto');
    // An exporter (protect max 14 with pr.export): org strategy at level 2 loses 1.8 of 27,
    // quality loses 1 of 30 (invention share 4 of 5), pr.fto at level 2 loses 1.8 of 14; the
    // bonus questions are unanswered. (3 × 25.2/27 + 3 + 2 + 4 × 29/30 + 3 + 3 × 12.2/14 + 2) / 20
    // = (2.8 + 3 + 2 + 3.8667 + 3 + 2.6143 + 2) / 20 → 96.4048.
    expect(r.total.score).toBe(
      Math.round(
        ((3 * (25.2 / 27) + 3 + 2 + 4 * (29 / 30) + 3 + 3 * (12.2 / 14) + 2) / 20) * 100 * 1e4,
      ) / 1e4,
    );
    expect(r.total.score).toBe(96.4048);
    // A failed veto caps the verdict at the lowest tier.
    expect(r.verdict.tier).toBe('not-eligible');
    expect(r.next?.tier).toBe('advantage');
    expect(r.next?.scoreGap).toBe(0);
    expect(r.next?.gates).toEqual(['g.clean-record']);
  });

  it('more utility models or designs never raise the score (quality over counts)', () => {
    // cq.valid-patents is unscored; raising it only lowers the invention share.
    const a = run('ip-enterprise/pilot-gaps.json');
    const b = run('ip-enterprise/pilot-gaps.json', { 'cq.valid-patents': 300 });
    expect(b.total.score).toBeLessThanOrEqual(a.total.score);
    const c = run('ip-enterprise/demonstration.json');
    const d = run('ip-enterprise/demonstration.json', { 'cq.valid-patents': 600 });
    expect(d.total.score).toBeLessThan(c.total.score);
  });

  it('gates read as unknown, not failed, while their answers are missing', () => {
    const r = score(def, {}, { asOf: '2026-11-21' });
    expect(gate(r, 'g.legal-person')).toBe('unknown');
    expect(gate(r, 'g.clean-record')).toBe('unknown');
    expect(r.verdict.tier).toBe('not-eligible');
  });
});

describe('ip-enterprise-beijing', () => {
  it('has only the 试点 and 优势 tiers, with the Beijing gates on 试点', () => {
    const def = lib.get('ip-enterprise-beijing@2.0.0');
    expect(def.tiers.map((t) => t.id)).toEqual(['not-eligible', 'pilot', 'advantage']);
    expect(def.tiers.find((t) => t.id === 'pilot')?.gates).toEqual([
      'g.legal-person',
      'g.clean-record',
      'g.ip-body',
      'g.bj-strategy',
      'g.bj-rules',
      'g.bj-rd-growth',
      'g.bj-filings',
      'g.bj-implementation',
    ]);
    expect(def.gates.map((g) => g.id)).not.toContain('g.certified');
  });

  it('advantage: meets every Beijing 试点 condition and scores above 75 → 优势单位', () => {
    const r = run('ip-enterprise-beijing/advantage.json');
    // R&D 1100 → 1320 (+20 %) → 1500 (+13.6 %): grows each year; 17 invention filings; implementation
    // 58 % ≥ 40 %; dedicated IP department with 2 full-time staff; strategy and system at level 2.
    expect(r.derived['d.bj-rd-growth-min']).toBeCloseTo(180 / 1320, 6);
    expect(failedOrUnknown(r)).toEqual([]);
    // Gaps are small: org 22.4/27, rules 22.6/25, quality 24/26, use 22/23, protect 8.2/10,
    // system 17.6/20, info full → (3 × 22.4/27 + 3 × 22.6/25 + 2 + 4 × 24/26 + 3 × 22/23
    // + 3 × 8.2/10 + 2 × 17.6/20) / 20 = (2.4889 + 2.712 + 2 + 3.6923 + 2.8696 + 2.46 + 1.76) / 20
    // → 89.9138 ≥ 75.
    expect(r.total.score).toBe(
      Math.round(
        ((3 * (22.4 / 27) +
          3 * (22.6 / 25) +
          2 +
          4 * (24 / 26) +
          3 * (22 / 23) +
          3 * (8.2 / 10) +
          2 * (17.6 / 20)) /
          20) *
          100 *
          1e4,
      ) / 1e4,
    );
    expect(r.total.score).toBe(89.9138);
    expect(r.verdict.tier).toBe('advantage');
    // Top gap: pr.fto at level 2 loses 1.8 of protect's 10 points × 15/10 = 2.7.
    expect(r.gaps[0]?.item).toBe('pr.fto');
    expect(r.gaps[0]?.cost).toBeCloseTo(2.7, 4);
    expect(r.next).toBeNull();
  });

  it('low-implementation: 35 % average implementation blocks 试点 despite a 77-point score', () => {
    const r = run('ip-enterprise-beijing/low-implementation.json');
    expect(gate(r, 'g.bj-implementation')).toBe('failed');
    expect(failedOrUnknown(r)).toEqual(['g.bj-implementation']);
    // Points lost per section: org 4.6 of 27 (strategy and budget at level 2, 1.8 each; one
    // full-time staff short, 1); rules 4.2 of 28 (procedures 2.4, trade secrets 1.8); info 1.8
    // of 15 (database at level 2); quality 7 of 30 (invention share 3, foreign 2, valid
    // inventions 1, high-value 1); use 6 of 15 (implementation 4, patent sales 2); protect 1.8
    // of 14 (fto at level 2); system 7.2 of 20 (system 2.4, cert readiness at level 2: 4.8).
    // (3 × 22.4/27 + 3 × 23.8/28 + 2 × 13.2/15 + 4 × 23/30 + 3 × 9/15 + 3 × 12.2/14 + 2 × 12.8/20)
    // / 20 = (2.4889 + 2.55 + 1.76 + 3.0667 + 1.8 + 2.6143 + 1.28) / 20 → 77.7992 > 75.
    expect(r.total.score).toBe(
      Math.round(
        ((3 * (22.4 / 27) +
          3 * (23.8 / 28) +
          2 * (13.2 / 15) +
          4 * (23 / 30) +
          3 * (9 / 15) +
          3 * (12.2 / 14) +
          2 * (12.8 / 20)) /
          20) *
          100 *
          1e4,
      ) / 1e4,
    );
    expect(r.total.score).toBe(77.7992);
    expect(r.verdict.tier).toBe('not-eligible');
    // 35 % falls in the 20–40 band: 4 of 8 points lost; use has no licensing items here
    // (max 15, weight 3 → 1 total point per item point) → cost 4, the largest gap.
    expect(r.gaps[0]?.item).toBe('use.implementation-rate');
    expect(r.gaps[0]?.cost).toBeCloseTo(4, 4);
    expect(r.next?.gates).toEqual(['g.bj-implementation']);
    // Raising the rate to 40 % clears the gate and, with the score already ≥ 75, reaches 优势.
    expect(
      run('ip-enterprise-beijing/low-implementation.json', { 'use.implementation-rate': 40 })
        .verdict.tier,
    ).toBe('advantage');
  });

  it('without own R&D the R&D-growth rule fails with everything answered (not 尚缺作答)', () => {
    // domain.md §4, Beijing 试点: R&D spending growing over 3 years. With p.own-rd = no the three
    // R&D-spending questions are hidden: there is no R&D spending to grow, so the rule fails.
    const r = run('ip-enterprise-beijing/advantage.json', { 'p.own-rd': false });
    expect(r.progress.requiredMissing).toEqual([]);
    expect(r.gates.find((g) => g.id === 'g.bj-rd-growth')).toMatchObject({
      outcome: 'failed',
      notApplicable: true,
    });
    expect(r.verdict.tier).toBe('not-eligible');
    const why = r.verdict.reasons.map((x) => reasonText(x, { result: r })).join('\n');
    expect(why).not.toContain('尚缺作答');
    expect(why).toContain('没有自主研发活动');
  });

  it('R&D spending that dipped in one of the three years fails g.bj-rd-growth', () => {
    const r = run('ip-enterprise-beijing/advantage.json', { 'p.bj-rd-spend-y2': 1600 });
    // 1100 → 1600 (+45 %) → 1500 (−6 %): not growing every year.
    expect(gate(r, 'g.bj-rd-growth')).toBe('failed');
    expect(r.verdict.tier).toBe('not-eligible');
  });
});

describe('a 2013 certificate counts as certification only until 2025-12-31', () => {
  // domain.md §2: on any date after 2025-12-31 a 2013-edition certificate is no longer valid,
  // so it no longer counts wherever certification is a condition or a bonus.
  const sample = 'ip-enterprise/demonstration.json';
  const v2013 = { 'p.certification': 'v2013' };
  const item = (r: Result, id: string) => r.items.find((i) => i.id === id)?.status;
  it('on 2025-12-31 it is a certificate: its validity is asked and earns the points', () => {
    const r = run(sample, v2013, '2025-12-31');
    expect(item(r, 'ms.cert-valid')).toBe('met');
    expect(item(r, 'ms.cert-readiness')).toBe('not_applicable');
  });
  it('on 2026-01-01 it is not: asked as readiness instead, the certificate points are gone', () => {
    const before = run(sample, v2013, '2025-12-31');
    const r = run(sample, v2013, '2026-01-01');
    expect(item(r, 'ms.cert-valid')).toBe('not_applicable');
    expect(item(r, 'ms.cert-readiness')).toBe('unanswered');
    // ms.cert-valid (8 of 20 in system, weight 2 of 20) was worth 4 points of the total.
    expect(r.total.score).toBeCloseTo(before.total.score - 4, 4);
    // Shenzhen, where certification is preferred, reads the same rule.
    const sz = run('ip-enterprise-shenzhen/ip-spend-below.json', v2013, '2026-01-01');
    expect(item(sz, 'ms.cert-valid')).toBe('not_applicable');
  });
  it('a 2023 certificate counts either side of the date', () => {
    for (const asOf of ['2025-12-31', '2026-01-01'])
      expect(item(run(sample, { 'p.certification': 'v2023' }, asOf), 'ms.cert-valid')).toBe('met');
  });
});

describe('ip-enterprise-shenzhen', () => {
  it('has the 优势 and 示范 tiers only, 示范 without a certification gate', () => {
    const def = lib.get('ip-enterprise-shenzhen@2.0.0');
    expect(def.tiers.map((t) => t.id)).toEqual(['not-eligible', 'advantage', 'demonstration']);
    // Its one gate is time served as 优势单位, not certification.
    expect(def.tiers.find((t) => t.id === 'demonstration')?.gates).toEqual(['g.sz-advantage-2y']);
  });

  it('ip-spend-below: IP spending of 60 against R&D of 5000 (1.2 %) blocks 优势', () => {
    const r = run('ip-enterprise-shenzhen/ip-spend-below.json');
    expect(r.derived['d.sz-ip-spend-ratio']).toBeCloseTo(0.012, 6);
    // founded 2016-04-18 → 10 whole years by 2026-11-21 (≥ 3); holdings 139 → 164 grow.
    expect(r.derived['d.sz-years-established']).toBe(10);
    expect(gate(r, 'g.sz-established')).toBe('passed');
    expect(gate(r, 'g.sz-ip-growth')).toBe('passed');
    expect(gate(r, 'g.sz-ip-spend')).toBe('failed');
    // Not (yet) an 优势单位: the 2-year gate of 示范 does not hold either.
    expect(failedOrUnknown(r)).toEqual(['g.sz-advantage-2y', 'g.sz-ip-spend']);
    // Lost: org 7.6 of 31 (the ratio 4, strategy and budget at level 2: 1.8 each), rules 1.8
    // of 28 (trade secrets at level 2), quality 2 of 30 (invention share and high-value, 1 each);
    // weights org 3, rules 3, info 2, quality 4, use 3, protect 3, system 3 (= 21):
    // (3 × 23.4/31 + 3 × 26.2/28 + 2 + 4 × 28/30 + 3 + 3 + 3) / 21
    // = (2.2645 + 2.8071 + 2 + 3.7333 + 9) / 21 → 94.3095 > 90.
    expect(r.total.score).toBe(
      Math.round(
        ((3 * (23.4 / 31) + 3 * (26.2 / 28) + 2 + 4 * (28 / 30) + 3 + 3 + 3) / 21) * 100 * 1e4,
      ) / 1e4,
    );
    expect(r.total.score).toBe(94.3095);
    expect(r.verdict.tier).toBe('not-eligible');
    // Weights total 21 (system raised to 3); org max 31 with the ratio item → a point is worth
    // 300/21/31 ≈ 0.461; the ratio below 2 % earns 0 of 4 → cost ≈ 1.84, the largest gap.
    expect(r.gaps[0]?.item).toBe('org.sz-ip-spend-ratio');
    expect(r.gaps[0]?.cost).toBeCloseTo(1200 / 21 / 31, 3);
    expect(r.next?.tier).toBe('advantage');
    expect(r.next?.gates).toEqual(['g.sz-ip-spend']);
  });

  it('an enterprise without own R&D is told it does not qualify, not that answers are missing', () => {
    // domain.md §4, Shenzhen: IP spending ≥ 2 % of R&D spending. Without own R&D (p.own-rd =
    // no) the R&D-spending question is hidden: there is no R&D spending, so the 2 % rule
    // cannot hold — the gate fails (whenNotApplicable: fail), with everything answered.
    const r = run('ip-enterprise-shenzhen/ip-spend-below.json', {
      'org.sz-ip-spend': 120,
      'p.own-rd': false,
    });
    const g = r.gates.find((x) => x.id === 'g.sz-ip-spend');
    expect(g).toMatchObject({ outcome: 'failed', notApplicable: true });
    expect(JSON.stringify(g?.message)).toContain('没有自主研发经费');
    expect(r.verdict.tier).toBe('not-eligible');
    const why = r.verdict.reasons.map((x) => reasonText(x, { result: r })).join('\n');
    expect(why).not.toContain('尚缺作答');
    expect(why).toContain('没有自主研发经费');
    // With own R&D and 2.4 % the same gate passes: the not-applicable rule does not leak.
    const withRd = run('ip-enterprise-shenzhen/ip-spend-below.json', { 'org.sz-ip-spend': 120 });
    expect(gate(withRd, 'g.sz-ip-spend')).toBe('passed');
  });

  it('IP spending exactly 2 % of R&D in decimal meets the ≥ 2 % rule', () => {
    // domain.md §4, Shenzhen: IP spending ≥ 2 % of R&D spending. ¥84.71万 / ¥4,235.5万 is
    // exactly 0.02 in decimal (binary gives 0.019999999999999997): ≥ 2 % holds.
    const at = (ip: number) =>
      run('ip-enterprise-shenzhen/ip-spend-below.json', {
        'org.sz-ip-spend': ip,
        'p.rd-spend': 4235.5,
      });
    expect(gate(at(84.71), 'g.sz-ip-spend')).toBe('passed');
    // one cent (0.0001 万元) below is 1.99999…% → fails; one above passes.
    expect(gate(at(84.7099), 'g.sz-ip-spend')).toBe('failed');
    expect(gate(at(84.7101), 'g.sz-ip-spend')).toBe('passed');
    // The ratio item's band [0.02, 0.05) earns 3 of 4 at exactly 2 %.
    expect(at(84.71).items.find((i) => i.id === 'org.sz-ip-spend-ratio')?.points).toBe(3);
  });

  it('示范 needs at least 2 calendar years as 优势单位, counted to the day', () => {
    const base = { 'org.sz-ip-spend': 120, 'p.status': 'advantage' }; // 120/5000 = 2.4 %
    const since = (d: string) =>
      run('ip-enterprise-shenzhen/ip-spend-below.json', { ...base, 'p.sz-advantage-since': d });
    // asOf 2026-11-21. "At least 2 years" (domain.md §4: 已为优势 ≥ 2 年): recognised
    // 2024-11-21 → exactly 2 years on 2026-11-21 → holds (at least includes the day).
    expect(since('2024-11-21').verdict.tier).toBe('demonstration');
    // one day earlier recognised → 2 years + 1 day → holds.
    expect(since('2024-11-20').verdict.tier).toBe('demonstration');
    // one day later → 2 years minus a day → 优势 only, and the gate says from when.
    const early = since('2024-11-22');
    expect(early.verdict.tier).toBe('advantage');
    expect(early.gates.find((g) => g.id === 'g.sz-advantage-2y')?.eligibleFrom).toBe('2026-11-22');
    expect(early.verdict.reasons[1]).toMatchObject({
      code: 'tier.missed',
      blockers: [{ code: 'gate.waiting', gate: 'g.sz-advantage-2y', from: '2026-11-22' }],
    });
  });

  it('成立满三年 is at least 3 calendar years, 29 February clamping to 28 February', () => {
    const est = (d: string, asOf?: string) =>
      gate(
        run('ip-enterprise-shenzhen/ip-spend-below.json', { 'p.sz-established': d }, asOf),
        'g.sz-established',
      );
    // asOf 2026-11-21: founded 2023-11-21 → exactly 3 years → holds; 2023-11-22 → not yet.
    expect(est('2023-11-20')).toBe('passed');
    expect(est('2023-11-21')).toBe('passed');
    expect(est('2023-11-22')).toBe('failed');
    // founded 2024-02-29 → 3 years fall on 2027-02-28 (no 29 February in 2027).
    expect(est('2024-02-29', '2027-02-27')).toBe('failed');
    expect(est('2024-02-29', '2027-02-28')).toBe('passed');
  });
});

describe('ip-enterprise-zhejiang', () => {
  it('has a single 专利示范企业 tier', () => {
    const def = lib.get('ip-enterprise-zhejiang@2.0.0');
    expect(def.tiers.map((t) => t.id)).toEqual(['not-eligible', 'demonstration']);
  });

  it('inventions-route: 14 valid patents but 7 inventions satisfies the any-of patent gate', () => {
    const r = run('ip-enterprise-zhejiang/inventions-route.json');
    // 14 < 20 valid patents and 0 < 3 foreign inventions, but 7 ≥ 5 inventions → g.zj-patents passes;
    // profits 860 and 640 > 0; patent output 7600 ≥ 5000; patent sales 7300/11000 ≈ 66 % ≥ 50 %;
    // already a county-level pilot (p.status = pilot).
    expect(gate(r, 'g.zj-patents')).toBe('passed');
    expect(failedOrUnknown(r)).toEqual([]);
    expect(r.derived['d.patent-sales-share']).toBeCloseTo(7300 / 11000, 6);
    // Lost: org 4.6 of 27 (strategy, budget at level 2; a staff short), rules 4.2 of 28
    // (procedures 2.4, trade secrets 1.8), info 1.8 of 15, quality 12 of 30 (foreign 4, valid
    // inventions 3, high-value 3, invention share 1, R&D intensity 1), use full, protect 1.8 of 10
    // (fto at level 2), system 7.2 of 20 (system 2.4, cert readiness 4.8):
    // (3 × 22.4/27 + 3 × 23.8/28 + 2 × 13.2/15 + 4 × 18/30 + 3 + 3 × 8.2/10 + 2 × 12.8/20) / 20
    // = (2.4889 + 2.55 + 1.76 + 2.4 + 3 + 2.46 + 1.28) / 20 → 79.6944 > 70.
    expect(r.total.score).toBe(
      Math.round(
        ((3 * (22.4 / 27) +
          3 * (23.8 / 28) +
          2 * (13.2 / 15) +
          4 * (18 / 30) +
          3 +
          3 * (8.2 / 10) +
          2 * (12.8 / 20)) /
          20) *
          100 *
          1e4,
      ) / 1e4,
    );
    expect(r.total.score).toBe(79.6944);
    expect(r.verdict.tier).toBe('demonstration');
    expect(r.next).toBeNull();
    // Top gaps: pr.fto at level 2 (1.8 × 15/10 = 2.7), then cq.foreign (0 of 4 × 20/30 ≈ 2.67;
    // in Zhejiang every enterprise answers it because foreign inventions count toward the gate).
    expect(r.gaps.slice(0, 2).map((g) => g.item)).toEqual(['pr.fto', 'cq.foreign']);
  });

  it('with 4 inventions, no branch of the patent gate holds', () => {
    const r = run('ip-enterprise-zhejiang/inventions-route.json', { 'cq.valid-inventions': 4 });
    expect(gate(r, 'g.zj-patents')).toBe('failed');
    expect(r.verdict.tier).toBe('not-eligible');
    // 3 foreign invention patents would satisfy it again.
    expect(
      gate(
        run('ip-enterprise-zhejiang/inventions-route.json', {
          'cq.valid-inventions': 4,
          'cq.foreign': 3,
        }),
        'g.zj-patents',
      ),
    ).toBe('passed');
  });

  it('not yet a county-level pilot → the 示范 condition fails', () => {
    const r = run('ip-enterprise-zhejiang/inventions-route.json', { 'p.status': 'none' });
    expect(r.verdict.tier).toBe('not-eligible');
    expect(r.next?.conditions).toEqual(['demonstration']);
  });
});

describe('ip-enterprise-guangdong', () => {
  // domain.md §4, Guangdong 示范企业 (2024) [read, medium]: founded ≥ 3 years; not already a
  // national or provincial title holder; GB/T 29490-2023 or ISO 56005 certification counts.
  it('has a single 示范 tier with its own gates and sources', () => {
    const def = lib.get('ip-enterprise-guangdong');
    expect(def.tiers.map((t) => t.id)).toEqual(['not-eligible', 'demonstration']);
    expect(def.sources).toContain('gd-2024-demo');
  });
  it('founded-2019: all conditions hold → 广东省示范企业', () => {
    const r = run('ip-enterprise-guangdong/founded-2019.json');
    expect(failedOrUnknown(r)).toEqual([]);
    expect(r.verdict.tier).toBe('demonstration');
  });
  it('成立满三年 to the day; a title holder may not apply', () => {
    const est = (d: string) =>
      run('ip-enterprise-guangdong/founded-2019.json', { 'p.gd-established': d });
    // asOf 2026-11-21: founded 2023-11-21 → exactly 3 years → holds; a day later → not yet.
    expect(gate(est('2023-11-21'), 'g.gd-established')).toBe('passed');
    expect(gate(est('2023-11-22'), 'g.gd-established')).toBe('failed');
    expect(est('2023-11-22').verdict.tier).toBe('not-eligible');
    const titled = run('ip-enterprise-guangdong/founded-2019.json', { 'p.gd-title': true });
    expect(gate(titled, 'g.gd-no-title')).toBe('failed');
  });
  it('ISO 56005 certification counts like a 2023 certificate; 2013 no longer after 2025', () => {
    const cert = (c: string, asOf?: string) =>
      run('ip-enterprise-guangdong/founded-2019.json', { 'p.certification': c }, asOf).items.find(
        (i) => i.id === 'ms.cert-valid',
      )?.status;
    expect(cert('iso56005')).toBe('met');
    expect(cert('v2013', '2026-01-01')).toBe('not_applicable');
  });
});

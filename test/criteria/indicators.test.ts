import { score } from '@zhiping/forms';
import { loadBuiltins, loadSample } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';

/*
 * Expected values are reasoned from the targets in
 * forms/definitions/indicators-nmg-2020.yaml and indicators-anshan.yaml:
 * every scored indicator is worth 10 points, `target` scoring gives
 * 10 × min(actual / target, 1) (a fall gives 0); tiers behind < 70 ≤ on-track < 95 ≤ attained.
 */

const lib = loadBuiltins();

function run(ref: string, samplePath: string) {
  const def = lib.get(ref);
  const s = loadSample(samplePath);
  return score(def, s.answers, { asOf: s.asOf });
}

const status = (r: ReturnType<typeof run>, id: string) => r.items.find((i) => i.id === id)?.status;

describe('indicators-nmg-2020', () => {
  it('loads without problems for its own file', () => {
    expect(lib.problems.filter((p) => /indicators-nmg-2020/.test(p.file ?? ''))).toEqual([]);
  });

  it('region-2020: region-wide figures nearly all at target → attained', () => {
    const r = run('indicators-nmg-2020@1.0.0', 'indicators-nmg-2020/region-2020.json');
    // 6,100 vs 5,000 invention applications → +22 % (≥ 20 %, met)
    expect(r.derived['d.inv-app-growth']).toBeCloseTo(0.22, 6);
    // 8,200 valid invention patents / 24,000,000 people × 10,000 ≈ 3.42 ≥ 3.3 (met)
    expect(r.derived['d.inv-per10k']).toBeCloseTo(3.4167, 3);
    expect(status(r, 'pat.inv-per10k')).toBe('met');
    // copyright 2,700 vs 2,000 → +35 % ≥ 30 %
    expect(status(r, 'cr.reg-growth')).toBe('met');
    // patents (10 + 7.69 + 8.57 + 10)/40 ≈ 0.907 (weight 3); pilots 49/50, services 1,
    // trademarks 39.6/40 (weight 2 each); copyright 1, talent 29.4/30 (weight 1 each)
    // → ≈ 96.5 ≥ 95
    expect(r.total.score).toBeGreaterThan(96);
    expect(r.total.score).toBeLessThan(97);
    expect(r.verdict.tier).toBe('attained');
    // largest shortfalls: invention grants +15.4 % of 20 % → (10 − 7.69) × 0.68 ≈ 1.57;
    // valid inventions +17.1 % → (10 − 8.57) × 0.68 ≈ 0.97
    expect(r.gaps.slice(0, 2).map((g) => g.item)).toEqual([
      'pat.inv-grant-growth',
      'pat.valid-inv-growth',
    ]);
    expect(r.next).toBeNull();
  });

  it('league-city-2019: a single league only tracks rates and is behind', () => {
    const r = run('indicators-nmg-2020@1.0.0', 'indicators-nmg-2020/league-city-2019.json');
    // region totals (pilots, services, trademarks, talent) are hidden for a single league
    for (const id of ['pil.units', 'svc.pledge', 'tm.valid', 'tal.skills']) {
      expect(status(r, id)).toBe('not_applicable');
    }
    // invention grants fell (90 vs 100) → growth −10 % earns nothing
    expect(r.derived['d.inv-grant-growth']).toBeCloseTo(-0.1, 6);
    expect(status(r, 'pat.inv-grant-growth')).toBe('unmet');
    // patents (2.5 + 0 + 6.52 + 5.63)/40 ≈ 0.366 (weight 3), copyright +8.3 % → 2.78/10 (weight 1)
    // → ≈ 34.4 < 70
    expect(r.total.score).toBeGreaterThan(33);
    expect(r.total.score).toBeLessThan(36);
    expect(r.verdict.tier).toBe('behind');
    // costs: grants 10 × 1.875 = 18.75; copyright (10 − 2.78) × 2.5 ≈ 18.1; applications 7.5 × 1.875 ≈ 14.1
    expect(r.gaps.slice(0, 3).map((g) => g.item)).toEqual([
      'pat.inv-grant-growth',
      'cr.reg-growth',
      'pat.inv-app-growth',
    ]);
    expect(r.next?.tier).toBe('on-track');
  });
});

describe('indicators-anshan', () => {
  it('loads without problems for its own file', () => {
    expect(lib.problems.filter((p) => /indicators-anshan/.test(p.file ?? ''))).toEqual([]);
  });

  it('milestone-2015: only the 2015 targets are shown and scored → on-track', () => {
    const r = run('indicators-anshan@1.0.0', 'indicators-anshan/milestone-2015.json');
    // the chosen year shows the 2015 computed items and hides 2010 / 2020 ones
    expect(status(r, 'cum.app-2015')).toBe('partial'); // 33,500 of 35,000
    expect(status(r, 'cum.grant-2015')).toBe('met'); // 17,800 ≥ 17,500
    expect(status(r, 'cum.app-2010')).toBe('not_applicable');
    expect(status(r, 'cum.app-2020')).toBe('not_applicable');
    // the enterprise share target exists only for 2020
    expect(status(r, 'st.enterprise-share')).toBe('not_applicable');
    expect(status(r, 'ent.pilot-demo')).toBe('met'); // 104 ≥ 100
    // service-invention share 2,900/5,200 vs 2,500/4,800 → relative rise ≈ 7.1 % of the 20 % target
    expect(r.derived['d.service-share-growth']).toBeCloseTo(2900 / 5200 / (2500 / 4800) - 1, 6);
    // cumulative 0.979 ×3, growth 0.855 ×3, structure 0.677 ×2, trademarks 0.956 ×2,
    // copyright 0.933 ×2, enterprises 1 ×1 → ≈ 89.5: at least 70, below 95
    expect(r.total.score).toBeGreaterThan(88);
    expect(r.total.score).toBeLessThan(91);
    expect(r.verdict.tier).toBe('on-track');
    // costs: service share (10 − 3.54) × 0.77 ≈ 4.97; invention grants +11.8 % of 20 % → (10 − 5.88) × 0.58 ≈ 2.38;
    // works 260 of 300 → 1.33 × 0.77 ≈ 1.03
    expect(r.gaps.slice(0, 3).map((g) => g.item)).toEqual([
      'st.service-share-growth',
      'gr.inv-grant-growth',
      'cr.works-2015',
    ]);
    expect(r.next?.tier).toBe('attained');
  });

  it('milestone-2020: falling filings leave the city behind', () => {
    const r = run('indicators-anshan@1.0.0', 'indicators-anshan/milestone-2020.json');
    // 2,650 of 4,100 applications by enterprises ≈ 64.6 % < 70 %
    expect(r.derived['d.enterprise-share']).toBeCloseTo(2650 / 4100, 6);
    expect(status(r, 'st.enterprise-share')).toBe('partial');
    // no well-known-trademark target for 2020: the question is hidden
    expect(status(r, 'tm.well-known')).toBe('not_applicable');
    // applications fell 4,300 → 4,100 → growth negative, no points
    expect(status(r, 'gr.app-growth')).toBe('unmet');
    // cumulative 0.741 ×3, growth 0.155 ×3, structure 0.508 ×2, trademarks 0.789 ×2,
    // copyright 0.794 ×2, enterprises 0.92 ×1 → ≈ 59.9 < 70
    expect(r.total.score).toBeGreaterThan(58);
    expect(r.total.score).toBeLessThan(62);
    expect(r.verdict.tier).toBe('behind');
    // costs: applications fell → 10 × 0.577 ≈ 5.77; inventions +1.05 % → 9.47 × 0.577 ≈ 5.47;
    // service share fell → 10 × 0.513 ≈ 5.13; invention grants +3.3 % → 8.33 × 0.577 ≈ 4.81
    expect(r.gaps.slice(0, 4).map((g) => g.item)).toEqual([
      'gr.app-growth',
      'gr.inv-app-growth',
      'st.service-share-growth',
      'gr.inv-grant-growth',
    ]);
  });
});

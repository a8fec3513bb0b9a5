import { reasonText, score } from '@zhiping/forms';
import { loadBuiltins, loadSample } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';

/*
 * Expected values are reasoned from the targets in
 * forms/definitions/indicators-nmg-2020.yaml and indicators-anshan.yaml:
 * every scored indicator is worth 10 points, `target` scoring gives
 * 10 × min(actual / target, 1) (a fall gives 0); tiers behind < 70 ≤ on-track < 95 ≤ attained.
 */

const lib = loadBuiltins();

function run(ref: string, samplePath: string, patch: Record<string, unknown> = {}) {
  const def = lib.get(ref);
  const s = loadSample(samplePath);
  return score(def, { ...s.answers, ...patch }, { asOf: s.asOf });
}
const def = (r: ReturnType<typeof run>) => lib.get(`${r.definition.id}@${r.definition.version}`);

const status = (r: ReturnType<typeof run>, id: string) => r.items.find((i) => i.id === id)?.status;

describe('indicators-nmg-2020', () => {
  it('loads without problems for its own file', () => {
    expect(lib.problems.filter((p) => /indicators-nmg-2020/.test(p.file ?? ''))).toEqual([]);
  });

  it('region-2020: a 96 average but 7 of 36 targets missed → on-track, never 全面达标', () => {
    const r = run('indicators-nmg-2020@2.0.0', 'indicators-nmg-2020/region-2020.json');
    // 6,100 vs 5,000 invention applications → +22 % (≥ 20 %, met)
    expect(r.derived['d.inv-app-growth']).toBeCloseTo(0.22, 6);
    // 8,200 valid invention patents / 24,000,000 people × 10,000 ≈ 3.42 ≥ 3.3 (met)
    expect(r.derived['d.inv-per10k']).toBeCloseTo(3.4167, 3);
    expect(status(r, 'pat.inv-per10k')).toBe('met');
    // copyright 2,700 vs 2,000 → +35 % ≥ 30 %
    expect(status(r, 'cr.reg-growth')).toBe('met');
    // Each target earns 10 × min(value / target, 1). Patents (weight 3): applications met (10),
    // grants 1500/1300 − 1 = 2/13 of 20 % → 7.69, valid inventions 8200/7000 − 1 = 12/70 of 20 %
    // → 8.57, per 10k met (10). Weight 2 each: pilots 49/50 (18 of 20 demonstration enterprises
    // → 9), services 30/30, trademarks 79.6/80 (96 of 100 well-known → 9.6). Weight 1 each:
    // industrialisation 28/30 (4 of 5 alliances → 8), brands 60/70 (no world-500 brand),
    // heritage 20/20, copyright 10/10, talent 29.4/30 (940 of 1,000 skilled → 9.4).
    // (3 × 0.90659 + 2 × (0.98 + 1 + 0.995) + 0.93333 + 0.85714 + 1 + 1 + 0.98) / 14 = 96.0018
    const patents = (10 + (2 / 13 / 0.2) * 10 + (12 / 70 / 0.2) * 10 + 10) / 40;
    const weighted =
      3 * patents +
      2 * (49 / 50 + 30 / 30 + 79.6 / 80) +
      (28 / 30 + 60 / 70 + 20 / 20 + 10 / 10 + 29.4 / 30);
    expect(r.total.score).toBe(Math.round((weighted / 14) * 100 * 1e4) / 1e4);
    expect(r.total.score).toBe(96.0018);
    // Every target of 002 三 (and the talent targets of 四) is counted: 4 patent, 5 pilot,
    // 3 service, 8 trademark, 3 industrialisation, 7 brand, 2 heritage, 1 copyright, 3 talent = 36.
    // Missed: grants +15.4 % and valid inventions +17.1 % (< 20 %), 18 of 20 demonstration
    // enterprises, 96 of 100 well-known marks, 4 of 5 alliances, no world-500 brand, 940 of
    // 1,000 skilled staff.
    expect(r.targets).toEqual({
      attained: 29,
      total: 36,
      missed: [
        'pat.inv-grant-growth',
        'pat.valid-inv-growth',
        'pil.demo-enterprises',
        'tm.well-known',
        'ind.alliances',
        'br.world500',
        'tal.skills',
      ],
    });
    // A 96 average is not 全面达标 while any target is unmet.
    expect(r.verdict.tier).toBe('on-track');
    const why = r.verdict.reasons.map((x) => reasonText(x, { result: r, definition: def(r) }));
    expect(why[1]).toContain('36 项目标达成 29 项；未达成：');
    expect(why[1]).toContain('示范企业20家');
    expect(why[1]).toContain('世界品牌价值500强零的突破');
    const en = reasonText(r.verdict.reasons[1] as never, {
      result: r,
      definition: def(r),
      locale: 'en',
    });
    expect(en).toContain('29 of 36 targets attained; missed: ');
    expect(r.next?.tier).toBe('attained');
  });

  it('全面达标 exactly when every target is attained: one target either side of its line', () => {
    // Patch every missed target up to its line; then move one (demonstration enterprises,
    // target 20) one step either side.
    const allMet = {
      'pat.inv-grant': 1560, // 1,300 → 1,560 = +20 %
      'pat.valid-inv': 8400, // 7,000 → 8,400 = +20 %
      'pil.demo-enterprises': 20,
      'tm.well-known': 100,
      'ind.alliances': 5,
      'br.world500': 1,
      'tal.skills': 1000,
    };
    const at = (demo: number) =>
      run('indicators-nmg-2020@2.0.0', 'indicators-nmg-2020/region-2020.json', {
        ...allMet,
        'pil.demo-enterprises': demo,
      });
    expect(at(20).verdict.tier).toBe('attained');
    expect(at(20).targets).toEqual({ attained: 36, total: 36, missed: [] });
    expect(at(21).verdict.tier).toBe('attained');
    const short = at(19);
    expect(short.verdict.tier).toBe('on-track');
    expect(short.targets?.missed).toEqual(['pil.demo-enterprises']);
    // The case: 0 of 20 demonstration enterprises is never "fully attained".
    expect(at(0).verdict.tier).not.toBe('attained');
  });

  it('league-city-2019: a single league only tracks rates and is behind', () => {
    const r = run('indicators-nmg-2020@2.0.0', 'indicators-nmg-2020/league-city-2019.json');
    // region totals (pilots, services, trademarks, talent) are hidden for a single league
    for (const id of ['pil.units', 'svc.pledge', 'tm.valid', 'tal.skills']) {
      expect(status(r, id)).toBe('not_applicable');
    }
    // invention grants fell (90 vs 100) → growth −10 % earns nothing
    expect(r.derived['d.inv-grant-growth']).toBeCloseTo(-0.1, 6);
    expect(status(r, 'pat.inv-grant-growth')).toBe('unmet');
    // Only patents (weight 3) and copyright (weight 1) apply. Each target earns 10 × value / target:
    // applications 420/400 − 1 = 5 % of 20 % → 2.5; grants fell → 0; valid inventions
    // 520/460 − 1 = 13.04 % of 20 % → 6.52; 520 / 280万人 = 1.857 per 10k of 3.3 → 5.63;
    // copyright 130/120 − 1 = 8.33 % of 30 % → 2.78.
    // (3 × (2.5 + 0 + 6.52 + 5.63) / 40 + 1 × 2.78 / 10) / 4 = 34.4122 < 70
    const patents = (2.5 + 0 + (520 / 460 - 1) * 50 + (520 / 280 / 3.3) * 10) / 40;
    const copyright = ((130 / 120 - 1) / 0.3) * 10;
    const expected = ((3 * patents + copyright / 10) / 4) * 100;
    expect(r.total.score).toBe(Math.round(expected * 1e4) / 1e4);
    expect(r.total.score).toBe(34.4122);
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
    const r = run('indicators-anshan@2.0.0', 'indicators-anshan/milestone-2015.json');
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
    // copyright (works 0.867, software 1, contract growth +50 % → 1, software output 42 → 1)
    // 0.967 ×2, enterprises 1 ×1, and the 2015 targets added from 二(五)2 — plant varieties,
    // standards, heritage list, talent — all met (×1 each) → 15.70 / 17 = 92.354: at least 70, below 95.
    // Each share is 10 × value / target: cumulative 33,500 of 35,000 (+ grants met) of 20;
    // growth: applications 5200/4800 − 1 of 10 %, grants and invention applications met,
    // invention grants 380/340 − 1 of 20 %, of 40; structure: service share
    // (2900/5200) / (2500/4800) − 1 of 20 % (+ foreign filings met) of 20; trademarks: 13 of 15
    // well-known of 30; copyright: 260 of 300 works of 40; trade secrets ask nothing for 2015.
    const cumulative = ((33500 / 35000) * 10 + 10) / 20;
    const growth = ((5200 / 4800 - 1) * 100 + 10 + 10 + (380 / 340 - 1) * 50) / 40;
    const structure = ((2900 / 5200 / (2500 / 4800) - 1) * 50 + 10) / 20;
    const trademarks = (20 + (13 / 15) * 10) / 30;
    const copyright = (30 + (260 / 300) * 10) / 40;
    const weighted =
      3 * cumulative + 3 * growth + 2 * structure + 2 * trademarks + 2 * copyright + 5 * 1;
    expect(r.total.score).toBe(Math.round((weighted / 17) * 100 * 1e4) / 1e4);
    expect(r.total.score).toBe(92.354);
    expect(r.verdict.tier).toBe('on-track');
    // 31 targets apply to 2015; 6 are missed (33,500 of 35,000 applications, the growth rates,
    // the service share, 13 of 15 well-known marks, 260 of 300 works).
    expect(r.targets?.total).toBe(31);
    expect(r.targets?.missed).toEqual([
      'cum.app-2015',
      'gr.app-growth',
      'gr.inv-grant-growth',
      'st.service-share-growth',
      'tm.well-known-2015',
      'cr.works-2015',
    ]);
    // Only the 2015 standards, talent and plant-variety targets are asked.
    expect(status(r, 'std.adoption')).toBe('met');
    expect(status(r, 'ts.hightech')).toBe('not_applicable');
    expect(status(r, 'pv.agri-2020')).toBe('not_applicable');
    // costs (a point of a weight-2 section of 17 with 3 items: 200/17/30 ≈ 0.39; weight 3 with
    // 4 items: 300/17/40 ≈ 0.44): service share (10 − 3.54) × 0.588 ≈ 3.80; invention grants
    // +11.8 % of 20 % → (10 − 5.88) × 0.441 ≈ 1.82
    expect(r.gaps.slice(0, 2).map((g) => g.item)).toEqual([
      'st.service-share-growth',
      'gr.inv-grant-growth',
    ]);
    expect(r.next?.tier).toBe('attained');
  });

  it('milestone-2020: falling filings leave the city behind', () => {
    const r = run('indicators-anshan@2.0.0', 'indicators-anshan/milestone-2020.json');
    // 2,650 of 4,100 applications by enterprises ≈ 64.6 % < 70 %
    expect(r.derived['d.enterprise-share']).toBeCloseTo(2650 / 4100, 6);
    expect(status(r, 'st.enterprise-share')).toBe('partial');
    // no well-known-trademark target for 2020: the question is hidden
    expect(status(r, 'tm.well-known')).toBe('not_applicable');
    // applications fell 4,300 → 4,100 → growth negative, no points
    expect(status(r, 'gr.app-growth')).toBe('unmet');
    // cumulative 0.741 ×3, growth 0.155 ×3, structure 0.508 ×2, trademarks 0.789 ×2,
    // copyright (0.794 ×2 items, contracts +20 % of 50 % → 0.4, software output 51/59 ≈ 0.864)
    // ≈ 0.713 ×2, enterprises (0.92, leaders 38/50 = 0.76) 0.84 ×1, plant varieties
    // (15/18, 12/15) ≈ 0.817 ×1, heritage 19/20 ×1 → 9.31 / 15 = 62.0954 < 70. Each share is
    // 10 × value / target (a fall earns 0): cumulative 41,000 of 56,000 and 21,000 of 28,000;
    // growth: applications fell, grants 2600/2500 − 1 of 10 %, invention applications
    // 960/950 − 1 and grants 310/300 − 1 of 20 %; structure: service share fell, 3 of 5 foreign
    // filings, enterprise share 2650/4100 of 70 %; trademarks: 8400/8300 − 1 of 2 %, 8,400 of
    // 8,611; copyright: 380 of 500 works, 290 of 350 software, contracts 120/100 − 1 of 50 %,
    // software output 51 of 59; varieties 15 of 18, 12 of 15; heritage 19 of 20; enterprises
    // 92 of 100, 38 of 50 leaders. Standards, secrets and talent ask nothing for 2020.
    const cumulative = (41000 / 56000 + 21000 / 28000) / 2;
    const growth =
      (0 + (2600 / 2500 - 1) / 0.1 + (960 / 950 - 1) / 0.2 + (310 / 300 - 1) / 0.2) / 4;
    const structure = (0 + 3 / 5 + 2650 / 4100 / 0.7) / 3;
    const trademarks = ((8400 / 8300 - 1) / 0.02 + 8400 / 8611) / 2;
    const copyright = (380 / 500 + 290 / 350 + (120 / 100 - 1) / 0.5 + 51 / 59) / 4;
    const weighted =
      3 * cumulative +
      3 * growth +
      2 * structure +
      2 * trademarks +
      2 * copyright +
      (15 / 18 + 12 / 15) / 2 +
      19 / 20 +
      (92 / 100 + 38 / 50) / 2;
    expect(r.total.score).toBe(Math.round((weighted / 15) * 100 * 1e4) / 1e4);
    expect(r.total.score).toBe(62.0954);
    expect(r.verdict.tier).toBe('behind');
    // No 2020 target is attained: 0 of 20.
    expect(r.targets).toMatchObject({ attained: 0, total: 20 });
    // costs (a point of growth, weight 3 of 15 with 4 items: 300/15/40 = 0.5; of structure,
    // weight 2 with 3 items: 200/15/30 ≈ 0.444): applications fell → 10 × 0.5 = 5; inventions
    // +1.05 % → 9.47 × 0.5 ≈ 4.74; service share fell → 10 × 0.444 ≈ 4.44; invention grants
    // +3.3 % → 8.33 × 0.5 ≈ 4.17
    expect(r.gaps.slice(0, 4).map((g) => g.item)).toEqual([
      'gr.app-growth',
      'gr.inv-app-growth',
      'st.service-share-growth',
      'gr.inv-grant-growth',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { type CohortApplicant, type CohortRules, rankCohort } from './rank.ts';

// National 2023 lines (55 优势, 70 示范) with Shenzhen-style quotas.
const national: CohortRules = {
  tiers: [
    { id: '优势', passLine: 55 },
    { id: '示范', passLine: 70 },
  ],
  excellentShare: 0.15,
};

const cohort = (totals: readonly (number | null)[]): CohortApplicant[] =>
  totals.map((total, i) => ({ id: `a${i + 1}`, total }));

const byId = (out: ReturnType<typeof rankCohort>, id: string) => {
  const p = out.placements.find((x) => x.id === id);
  if (!p) throw new Error(`no placement ${id}`);
  return p;
};

describe('rankCohort — pass lines', () => {
  it('awards a tier exactly at its pass line and not 0.0001 below it', () => {
    const out = rankCohort(cohort([70, 69.9999, 55, 54.9999]), national);
    expect(out.placements.map((p) => p.tier)).toEqual(['示范', '优势', '优势', null]);
    expect(out.placements.map((p) => p.grade)).toEqual(['pass', 'pass', 'pass', 'fail']);
    expect(byId(out, 'a4').reasons).toEqual([{ code: 'tier.below-pass-line', tier: '优势' }]);
    expect(out.awarded).toEqual({ 示范: 1, 优势: 2 });
  });

  it('leaves an applicant without a decided result out of the cohort', () => {
    const out = rankCohort(cohort([80, null]), national);
    expect(out.ranked).toBe(1);
    expect(byId(out, 'a2')).toMatchObject({ rank: null, grade: 'unranked', tier: null });
  });
});

describe('rankCohort — ranks and the 优秀 share', () => {
  it('gives tied totals one rank and skips the places they fill (1224)', () => {
    const out = rankCohort(cohort([90, 80, 80, 70]), national);
    expect(out.placements.map((p) => p.rank)).toEqual([1, 2, 2, 4]);
  });

  it('treats totals equal to 4 decimals as tied', () => {
    const out = rankCohort(cohort([80.00001, 80.00004]), national);
    expect(out.placements.map((p) => p.rank)).toEqual([1, 1]);
  });

  it('grades ⌊15 % × cohort⌋ applicants 优秀: 20 applicants → 3, 6 → none', () => {
    // 0.15 × 20 = 3 places; totals 99, 98, …, 80 — the top three are 99, 98, 97.
    const twenty = rankCohort(cohort(Array.from({ length: 20 }, (_, i) => 99 - i)), national);
    expect(twenty.excellentPlaces).toBe(3);
    expect(twenty.placements.filter((p) => p.grade === 'excellent').map((p) => p.id)).toEqual([
      'a1',
      'a2',
      'a3',
    ]);
    // 0.15 × 6 = 0.9 → no place: the share is a ceiling, never rounded up.
    const six = rankCohort(cohort([99, 98, 97, 96, 95, 94]), national);
    expect(six.excellentPlaces).toBe(0);
    expect(six.excellent).toBe(0);
  });

  it('includes everyone tied on the last 优秀 place and says so', () => {
    // 20 applicants, 3 places; ranks 1, 2, then four tied at 3 → six are 优秀.
    const totals = [99, 98, 97, 97, 97, 97, ...Array.from({ length: 14 }, (_, i) => 90 - i)];
    const out = rankCohort(cohort(totals), national);
    expect(out.excellent).toBe(6);
    expect(byId(out, 'a1').reasons.map((r) => r.code)).not.toContain('grade.excellent-by-tie');
    for (const id of ['a3', 'a4', 'a5', 'a6']) {
      expect(byId(out, id).grade).toBe('excellent');
      expect(byId(out, id).reasons.map((r) => r.code)).toContain('grade.excellent-by-tie');
    }
    expect(byId(out, 'a7').grade).toBe('pass');
  });

  it('never grades a failing applicant 优秀, however few pass', () => {
    // 20 applicants all below 55: three places exist but nobody passes.
    const out = rankCohort(cohort(Array.from({ length: 20 }, (_, i) => 50 - i)), national);
    expect(out.excellent).toBe(0);
    expect(out.placements.every((p) => p.grade === 'fail')).toBe(true);
  });
});

describe('rankCohort — quotas in rank order', () => {
  const shenzhen: CohortRules = {
    tiers: [
      { id: '优势', passLine: 55, quota: 2 },
      { id: '示范', passLine: 70, quota: 1 },
    ],
  };

  it('fills the higher tier first and lets the rest fall through to the next', () => {
    // 示范 quota 1: a1 (90). a2 (85) is outside 示范's quota → 优势 (place 1 of 2);
    // a3 (60) → 优势 (place 2 of 2); a4 (58) passes but 优势 is full.
    const out = rankCohort(cohort([90, 85, 60, 58]), shenzhen);
    expect(out.placements.map((p) => p.tier)).toEqual(['示范', '优势', '优势', null]);
    expect(byId(out, 'a2').reasons).toEqual([
      { code: 'tier.outside-quota', tier: '示范', quota: 1, awardedAhead: 1 },
      { code: 'tier.awarded', tier: '优势' },
    ]);
    expect(byId(out, 'a4').reasons).toEqual([
      { code: 'tier.outside-quota', tier: '优势', quota: 2, awardedAhead: 2 },
    ]);
    expect(byId(out, 'a4').grade).toBe('pass');
  });

  it('leaves a tie across the last place to the office, and nobody below takes it', () => {
    // 示范 quota 1: a1 and a2 tie at 88 for the one place → both pending, none
    // awarded 示范 or 优势; a3 (75) may not jump the tie for 示范 and gets 优势.
    const out = rankCohort(cohort([88, 88, 75]), shenzhen);
    expect(out.quotaTies).toEqual(['示范']);
    expect(byId(out, 'a1').tier).toBeNull();
    expect(byId(out, 'a2').tier).toBeNull();
    expect(byId(out, 'a1').reasons).toEqual([
      { code: 'tier.quota-tie', tier: '示范', quota: 1, awardedAhead: 0 },
    ]);
    expect(byId(out, 'a3').reasons).toEqual([
      { code: 'tier.outside-quota', tier: '示范', quota: 1, awardedAhead: 0 },
      { code: 'tier.awarded', tier: '优势' },
    ]);
    expect(out.awarded).toEqual({ 示范: 0, 优势: 1 });
  });

  it('awards a whole tied group that fits in the places left', () => {
    const out = rankCohort(cohort([80, 60, 60, 56]), shenzhen);
    // 示范: a1. 优势 quota 2: a2 and a3 tie and both fit; a4 is outside.
    expect(out.placements.map((p) => p.tier)).toEqual(['示范', '优势', '优势', null]);
    expect(out.quotaTies).toEqual([]);
  });

  it('skips an applicant ineligible for a tier and keeps the place for the next', () => {
    const applicants: CohortApplicant[] = [
      { id: 'new', total: 95, ineligibleFor: ['示范'] }, // not yet two years as 优势
      { id: 'old', total: 80 },
    ];
    const out = rankCohort(applicants, shenzhen);
    expect(byId(out, 'old').tier).toBe('示范');
    expect(byId(out, 'new').tier).toBe('优势');
    expect(byId(out, 'new').reasons.map((r) => r.code)).toEqual([
      'tier.ineligible',
      'tier.awarded',
    ]);
  });

  it('counts an empty cohort as nothing awarded', () => {
    const out = rankCohort([], shenzhen);
    expect(out).toMatchObject({ ranked: 0, excellent: 0, awarded: { 示范: 0, 优势: 0 } });
  });
});

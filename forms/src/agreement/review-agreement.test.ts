import { describe, expect, it } from 'vitest';
import { type AgreementRating, ratingOf, reviewAgreement } from './review-agreement.ts';

/** Ratings per reviewer from rows of one rating per reviewer (items i1, i2, …). */
function byRater(rows: readonly (readonly (AgreementRating | null)[])[], names: readonly string[]) {
  return Object.fromEntries(
    names.map((name, r) => [name, Object.fromEntries(rows.map((row, i) => [`i${i + 1}`, row[r]]))]),
  );
}

describe('ratingOf', () => {
  it('agreeing gives the self status; overriding gives the judged one', () => {
    expect(ratingOf('partial', { verdict: 'agree' })).toBe('partial');
    expect(ratingOf('met', { verdict: 'override', status: 'observation' })).toBe('observation');
    expect(ratingOf('met', { verdict: 'override', status: 'not_applicable' })).toBe(
      'not_applicable',
    );
  });

  it('has nothing to compare without a judgement or a status', () => {
    expect(ratingOf('met')).toBeNull();
    expect(ratingOf('info', { verdict: 'agree' })).toBeNull();
    expect(ratingOf('unanswered', { verdict: 'agree' })).toBeNull();
  });
});

describe('reviewAgreement, two reviewers', () => {
  // The 20-item table of kappa.test.ts, as ratings (rows: A, columns: B):
  // met/met 8, met/partial 2, partial/met 1, partial/partial 4,
  // partial/unmet 1, unmet/partial 1, unmet/unmet 3.
  const pairs: [AgreementRating, AgreementRating, number][] = [
    ['met', 'met', 8],
    ['met', 'partial', 2],
    ['partial', 'met', 1],
    ['partial', 'partial', 4],
    ['partial', 'unmet', 1],
    ['unmet', 'partial', 1],
    ['unmet', 'unmet', 3],
  ];
  const rows = pairs.flatMap(([a, b, n]) => Array.from({ length: n }, () => [a, b]));

  it('gives the hand-computed Cohen and weighted kappas on the status scale', () => {
    const r = reviewAgreement(byRater(rows, ['a', 'b']));
    expect(r.method).toBe('cohen');
    expect(r.items).toBe(20);
    expect(r.percent).toBeCloseTo(0.75, 12);
    expect(r.kappa).toBeCloseTo(38 / 63, 12);
    expect(r.status.items).toBe(20);
    // 符合, 一般不符合, 严重不符合 sit at 0, 1, 2 (观察项 at 0.5 widens nothing):
    // the weights are 1 / 0.5 / 0 and 1 / 0.75 / 0 as in kappa.test.ts.
    expect(r.status.linear).toBeCloseTo(57 / 82, 12);
    expect(r.status.quadratic).toBeCloseTo(19 / 24, 12);
    // Nobody wrote 不适用: applicability has no variation, so no kappa.
    expect(r.applicability).toEqual({ percent: 1, kappa: null });
  });

  it('counts 观察项 against 符合 as a smaller disagreement than 一般不符合', () => {
    const a: AgreementRating[] = ['met', 'met', 'partial', 'unmet'];
    const withObservation = reviewAgreement(
      byRater(
        a.map((x, i) => [x, i === 0 ? 'observation' : x]),
        ['a', 'b'],
      ),
    );
    const withPartial = reviewAgreement(
      byRater(
        a.map((x, i) => [x, i === 0 ? 'partial' : x]),
        ['a', 'b'],
      ),
    );
    // Nominally both are one disagreement in four …
    expect(withObservation.percent).toBe(0.75);
    expect(withPartial.percent).toBe(0.75);
    // … but on the scale 观察项 is half a step from 符合, 一般不符合 a whole one.
    expect(withObservation.status.linear ?? 0).toBeGreaterThan(withPartial.status.linear ?? 1);
  });

  it('keeps 不适用 out of the scale and compares it as applicability', () => {
    // i1 both met, i2 both unmet, i3 A 不适用 / B met, i4 both 不适用.
    const r = reviewAgreement(
      byRater(
        [
          ['met', 'met'],
          ['unmet', 'unmet'],
          ['not_applicable', 'met'],
          ['not_applicable', 'not_applicable'],
        ],
        ['a', 'b'],
      ),
    );
    expect(r.percent).toBe(0.75);
    // Applicability yes/no: A yes,yes,no,no; B yes,yes,yes,no. p_o = 3/4;
    // p_e = (2/4)(3/4) + (2/4)(1/4) = 1/2 → κ = 0.25/0.5 = 0.5.
    expect(r.applicability.percent).toBe(0.75);
    expect(r.applicability.kappa).toBeCloseTo(0.5, 12);
    // The scale sees only i1 and i2, where they agree exactly.
    expect(r.status.items).toBe(2);
    expect(r.status.percent).toBe(1);
    expect(r.status.kappa).toBe(1);
    expect(r.status.linear).toBe(1);
  });
});

describe('reviewAgreement, three reviewers (Fleiss)', () => {
  // Items × reviewers A, B, C (i7: C has not judged it yet).
  const rows: (AgreementRating | null)[][] = [
    ['met', 'met', 'met'],
    ['met', 'met', 'partial'],
    ['partial', 'partial', 'partial'],
    ['unmet', 'partial', 'unmet'],
    ['not_applicable', 'not_applicable', 'met'],
    ['met', 'observation', 'met'],
    ['met', 'met', null],
  ];
  const r = reviewAgreement(byRater(rows, ['a', 'b', 'c']));

  it('leaves out the item one reviewer has not judged', () => {
    expect(r).toMatchObject({ raters: 3, items: 6, incomplete: 1, method: 'fleiss' });
  });

  it('all five categories: P̄ = 5/9, κ = 41/113', () => {
    // n = 3: P_i = (Σ n_ij² − 3)/6 → 1, 1/3, 1, 1/3, 1/3, 1/3; P̄ = (10/3)/6 = 5/9.
    // Totals of 18: met 8, 观察项 1, 一般 5, 严重 2, 不适用 2 → P̄e = 98/324.
    // κ = (180 − 98)/(324 − 98) = 82/226 = 41/113 ≈ 0.3628.
    expect(r.percent).toBeCloseTo(5 / 9, 12);
    expect(r.kappa).toBeCloseTo(41 / 113, 12);
  });

  it('applicability: P̄ = 8/9, κ = 7/16', () => {
    // Only i5 splits (2 不适用, 1 applicable): P_i = 1/3, others 1 → P̄ = (5 + 1/3)/6 = 8/9.
    // Totals yes 16, no 2 → P̄e = 260/324; κ = (288 − 260)/(324 − 260) = 28/64 = 7/16.
    expect(r.applicability.percent).toBeCloseTo(8 / 9, 12);
    expect(r.applicability.kappa).toBeCloseTo(7 / 16, 12);
  });

  it('the scale on the 5 applicable items: κ = 28/73, linear κ_w = 34/63', () => {
    // P_i: 1, 1/3, 1, 1/3, 1/3 → P̄ = 3/5. Totals of 15: met 7, 观察项 1, 一般 5, 严重 2
    // → P̄e = 79/225; κ = (135 − 79)/(225 − 79) = 56/146 = 28/73 ≈ 0.3836.
    expect(r.status.items).toBe(5);
    expect(r.status.percent).toBeCloseTo(3 / 5, 12);
    expect(r.status.kappa).toBeCloseTo(28 / 73, 12);
    // Linear weights from positions 0, 0.5, 1, 2 (range 2): met–观察 .75, met–一般 .5,
    // met–严重 0, 观察–一般 .75, 观察–严重 .25, 一般–严重 .5. Mean over the pairs:
    // A–B: p_o = (1 + 1 + 1 + .5 + .75)/5 = .85, p_e = 16.25/25 = .65 → κ = 4/7;
    // A–C: p_o = (1 + .5 + 1 + 1 + 1)/5 = .9,   p_e = 14.5/25 = .58  → κ = 16/21;
    // B–C: p_o = (1 + .5 + 1 + .5 + .75)/5 = .75, p_e = 16.25/25 = .65 → κ = 2/7;
    // mean = (12 + 16 + 6)/21/3 = 34/63 ≈ 0.5397.
    expect(r.status.linear).toBeCloseTo(34 / 63, 12);
  });
});

describe('reviewAgreement, degenerate cases', () => {
  it('no items: nothing is defined', () => {
    const r = reviewAgreement({ a: {}, b: {} });
    expect(r).toMatchObject({ items: 0, percent: null, kappa: null, method: 'cohen' });
    expect(r.status).toEqual({
      items: 0,
      percent: null,
      kappa: null,
      linear: null,
      quadratic: null,
    });
  });

  it('one reviewer: no agreement to speak of', () => {
    const r = reviewAgreement({ a: { i1: 'met' } });
    expect(r).toMatchObject({ raters: 1, items: 1, percent: null, kappa: null, method: null });
    expect(r.status.linear).toBeNull();
  });

  it('everyone says 符合 to everything: 100 %, kappa undefined', () => {
    const r = reviewAgreement(
      byRater(
        [
          ['met', 'met', 'met'],
          ['met', 'met', 'met'],
        ],
        ['a', 'b', 'c'],
      ),
    );
    expect(r.percent).toBe(1);
    expect(r.kappa).toBeNull();
    expect(r.status.linear).toBeNull();
  });

  it('an item no reviewer judged counts as incomplete when the items are given', () => {
    const r = reviewAgreement(
      { a: { i1: 'met', i2: null }, b: { i1: 'met' } },
      { items: ['i1', 'i2', 'i3'] },
    );
    expect(r).toMatchObject({ items: 1, incomplete: 2 });
  });

  it('reads only own keys (an item id like "constructor" is an item)', () => {
    const a: Record<string, AgreementRating> = Object.fromEntries([
      ['constructor', 'met' as const],
    ]);
    const r = reviewAgreement({ a, b: {} }, { items: ['constructor'] });
    expect(r).toMatchObject({ items: 0, incomplete: 1 });
  });
});

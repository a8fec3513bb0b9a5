import { describe, expect, it } from 'vitest';
import {
  agreementWeights,
  cohenKappa,
  crossTable,
  fleissKappa,
  observedAgreement,
  weightedKappa,
} from './kappa.ts';

describe("Cohen's kappa (two raters)", () => {
  it('matches the textbook 2×2 example (50 grant proposals, yes/no)', () => {
    // Both yes 20, A yes B no 5, A no B yes 10, both no 15 (the example on
    // Wikipedia's "Cohen's kappa" page). p_o = (20 + 15) / 50 = 0.7.
    // A says yes 25/50 = 0.5, B says yes 30/50 = 0.6:
    // p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    const t = [
      [20, 5],
      [10, 15],
    ];
    expect(observedAgreement(t)).toBeCloseTo(0.7, 12);
    expect(cohenKappa(t)).toBeCloseTo(0.4, 12);
  });

  it('counts paired ratings into the table, leaving out missing ones', () => {
    expect(
      crossTable(['y', 'y', 'n', null, 'n'], ['y', 'n', 'n', 'y', undefined], ['y', 'n']),
    ).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });

  it('is 1 for perfect agreement over two categories, negative below chance', () => {
    expect(
      cohenKappa([
        [3, 0],
        [0, 2],
      ]),
    ).toBe(1);
    // Always opposite: p_o = 0, p_e = 0.5 → κ = −1.
    expect(
      cohenKappa([
        [0, 2],
        [2, 0],
      ]),
    ).toBe(-1);
  });

  it('is undefined (null) when every rating is one category, and for no items', () => {
    // p_o = p_e = 1: 0/0. Percent agreement still says they agreed.
    expect(
      cohenKappa([
        [7, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      observedAgreement([
        [7, 0],
        [0, 0],
      ]),
    ).toBe(1);
    expect(
      cohenKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      observedAgreement([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });
});

describe('weighted kappa (two raters, ordered scale)', () => {
  // 20 items rated 符合 / 一般不符合 / 严重不符合 (rows: rater A, columns: B):
  //           met partial unmet | A
  //   met      8     2      0   | 10
  //   partial  1     4      1   |  6
  //   unmet    0     1      3   |  4
  //   B        9     7      4   | 20
  const t = [
    [8, 2, 0],
    [1, 4, 1],
    [0, 1, 3],
  ];

  it('unweighted: κ = 38/63', () => {
    // p_o = 15/20 = 0.75; p_e = (10·9 + 6·7 + 4·4)/400 = 148/400 = 0.37;
    // κ = 0.38 / 0.63 = 38/63 ≈ 0.6032.
    expect(cohenKappa(t)).toBeCloseTo(38 / 63, 12);
  });

  it('linear weights: κ_w = 57/82', () => {
    // Weights 1 / 0.5 / 0. Adjacent disagreements: 2 + 1 + 1 + 1 = 5 items.
    // p_o = (15 + 0.5·5)/20 = 0.875.
    // Adjacent chance: 10·7 + 6·9 + 6·4 + 4·7 = 176 → p_e = (148 + 0.5·176)/400 = 0.59.
    // κ_w = (0.875 − 0.59)/(1 − 0.59) = 0.285/0.41 = 57/82 ≈ 0.6951.
    const w = agreementWeights([0, 1, 2], 'linear');
    expect(w).toEqual([
      [1, 0.5, 0],
      [0.5, 1, 0.5],
      [0, 0.5, 1],
    ]);
    expect(weightedKappa(t, w)).toBeCloseTo(57 / 82, 12);
  });

  it('quadratic weights: κ_w = 19/24', () => {
    // Weights 1 / 0.75 / 0. p_o = (15 + 0.75·5)/20 = 0.9375;
    // p_e = (148 + 0.75·176)/400 = 0.7; κ_w = 0.2375/0.3 = 19/24 ≈ 0.7917.
    expect(weightedKappa(t, agreementWeights([0, 1, 2], 'quadratic'))).toBeCloseTo(19 / 24, 12);
  });

  it('with two categories any weights give plain kappa', () => {
    const two = [
      [20, 5],
      [10, 15],
    ];
    expect(weightedKappa(two, agreementWeights([0, 1], 'quadratic'))).toBeCloseTo(0.4, 12);
  });

  it('weights from unequal positions put close categories closer', () => {
    const w = agreementWeights([0, 0.5, 1, 2], 'linear');
    expect(w[0]).toEqual([1, 0.75, 0.5, 0]);
    expect(w[1]?.[3]).toBe(0.25);
  });
});

describe("Fleiss' kappa (several raters)", () => {
  it('matches the 10 subjects × 14 raters × 5 categories example', () => {
    // The worked example on Wikipedia's "Fleiss' kappa" page.
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    // Column totals 20, 28, 39, 21, 32 of 140 ratings:
    // P̄e = (20² + 28² + 39² + 21² + 32²)/140² = 4170/19600 ≈ 0.2128.
    // P_i = (Σ n_ij² − 14)/(14·13): numerators 182, 46, 56, 80, 60, 84, 44, 32, 52, 52 = 688;
    // P̄ = 688/1820 ≈ 0.3780. κ = (P̄ − P̄e)/(1 − P̄e) ≈ 0.2099.
    const r = fleissKappa(counts);
    const pBar = 688 / 1820;
    const pe = 4170 / 19600;
    expect(r?.percent).toBeCloseTo(pBar, 12);
    expect(r?.kappa).toBeCloseTo((pBar - pe) / (1 - pe), 12);
    expect(r?.kappa).toBeCloseTo(0.2099, 4);
  });

  it("pools the raters' marginals, unlike Cohen", () => {
    // 3 items, 2 raters: (y,y), (n,n), (y,n). Fleiss: P̄ = (1 + 1 + 0)/3 = 2/3;
    // pooled totals y 3, n 3 → P̄e = 0.5; κ = (2/3 − 1/2)/(1/2) = 1/3.
    // Cohen keeps each rater's marginals (A: 2 y, B: 1 y):
    // p_e = (2/3)(1/3) + (1/3)(2/3) = 4/9; κ = (2/3 − 4/9)/(5/9) = 0.4.
    expect(
      fleissKappa([
        [2, 0],
        [0, 2],
        [1, 1],
      ]),
    ).toEqual({
      percent: expect.closeTo(2 / 3, 12),
      kappa: expect.closeTo(1 / 3, 12),
    });
    expect(
      cohenKappa([
        [1, 1],
        [0, 1],
      ]),
    ).toBeCloseTo(0.4, 12);
  });

  it('is null for no items or a single category; refuses unequal rater counts', () => {
    expect(fleissKappa([])).toBeNull();
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toEqual({ percent: 1, kappa: null });
    expect(() =>
      fleissKappa([
        [3, 0],
        [1, 1],
      ]),
    ).toThrow(RangeError);
  });
});

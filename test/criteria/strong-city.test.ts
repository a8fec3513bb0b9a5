import { score } from '@zhiping/forms';
import { loadBuiltins, loadSample } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';

/*
 * Expected values are reasoned from the criteria in
 * forms/definitions/strong-city-2016.yaml (and the 2025 overlay):
 *   - tiers: not-eligible (no conditions) → preparing (g.demo-city) →
 *     ready (≥ 70, g.plan-five-projects, g.plan-issued, p.voluntary = yes);
 *   - top-level weights: plan 3, projects 5 (five equal sub-sections), indicators 2;
 *   - a point of an item is worth share × 100 / section max of the total:
 *     plan 30/60 = 0.5 (64 points in the 2025 overlay), a 4-task project 10/40 = 0.25,
 *     a 3-task project 10/30 ≈ 0.333, indicators 20/40 = 0.5;
 *   - maturity scale fractions 0 / 0.3 / 0.7 / 1, strength 0 / 0.4 / 0.7 / 1.
 */

const lib = loadBuiltins();

function run(ref: string, samplePath: string, patch: Record<string, unknown> = {}) {
  const def = lib.get(ref);
  const s = loadSample(samplePath);
  return score(def, { ...s.answers, ...patch }, { asOf: s.asOf });
}

const gate = (r: ReturnType<typeof run>, id: string) => r.gates.find((g) => g.id === id)?.outcome;

describe('strong-city-2016', () => {
  it('loads without problems for its own files', () => {
    const own = lib.problems.filter((p) => /strong-city/.test(p.file ?? ''));
    expect(own).toEqual([]);
  });

  it('ready: a demonstration city with an issued five-project plan can apply', () => {
    const r = run('strong-city-2016@1.0.0', 'strong-city-2016/ready.json');
    // plan 53.4/60 = 0.89; projects (0.88 + 0.76 + 0.84 + 0.84 + 0.653) / 5 ≈ 0.795;
    // indicators: 20 per 10k (met), grants +12.5 % (met), ¥6.2亿 pledge (met), 26/30 agencies
    // → 38.67/40; total ≈ (3×0.89 + 5×0.795 + 2×0.967) / 10 ≈ 85.8 ≥ 70
    expect(r.total.score).toBeGreaterThan(85);
    expect(r.total.score).toBeLessThan(86.5);
    expect(r.verdict.tier).toBe('ready');
    expect(r.gates.every((g) => g.outcome === 'passed')).toBe(true);
    // 18,000 valid invention patents / 9,000,000 people × 10,000 = 20 件/万人 (population asked in 万人)
    expect(r.derived['d.invention-per10k']).toBeCloseTo(20, 6);
    expect(r.derived['d.invention-grant-growth']).toBeCloseTo(0.125, 6);
    // most expensive gap: e5.international only at level 1 → 0.7 × 8 × 0.333 ≈ 1.87;
    // then a.monitoring answered no → 3 × 0.5 = 1.5; then a.basic-conditions at 较好 → 0.3 × 6 × 0.5 = 0.9
    expect(r.gaps.slice(0, 3).map((g) => g.item)).toEqual([
      'e5.international',
      'a.monitoring',
      'a.basic-conditions',
    ]);
    expect(r.next).toBeNull();
  });

  it('demo-city-gaps: eligible but the plan covers three projects and is not issued → preparing', () => {
    const r = run('strong-city-2016@1.0.0', 'strong-city-2016/demo-city-gaps.json');
    // g.demo-city passes (p.demo-city = yes), so "preparing" is reached
    expect(gate(r, 'g.demo-city')).toBe('passed');
    // work items only for e1–e3 → g.plan-five-projects fails; plan still a draft → g.plan-issued fails
    expect(gate(r, 'g.plan-five-projects')).toBe('failed');
    expect(gate(r, 'g.plan-issued')).toBe('failed');
    expect(r.verdict.tier).toBe('preparing');
    // plan 32.2/60 ≈ 0.537, projects 1.96/5 = 0.392, indicators ≈ 16.6/40 → total ≈ 44, far below 70
    expect(r.total.score).toBeGreaterThan(42);
    expect(r.total.score).toBeLessThan(46);
    // top gaps: pledge ¥1亿 of 5 → (10 − 2) × 0.5 = 4.0; plan not issued → 6 × 0.5 = 3.0;
    // 13 of 30 agencies → (10 − 4.33) × 0.5 ≈ 2.83; e3.finance not started → 8 × 0.333 ≈ 2.67
    expect(r.gaps.slice(0, 4).map((g) => g.item)).toEqual([
      'i.pledge-amount',
      'a.plan-issued',
      'i.service-agencies',
      'e3.finance',
    ]);
    expect(r.next?.tier).toBe('ready');
    expect(r.next?.gates).toEqual(
      expect.arrayContaining(['g.plan-five-projects', 'g.plan-issued']),
    );
    expect(r.next?.scoreGap).toBeGreaterThan(24);
  });

  it('not-demo-city: a city that is not a national demonstration city is blocked', () => {
    const r = run('strong-city-2016@1.0.0', 'strong-city-2016/not-demo-city.json');
    // p.demo-city = no → g.demo-city fails; no plan drafted → both plan gates fail too
    expect(gate(r, 'g.demo-city')).toBe('failed');
    expect(gate(r, 'g.plan-five-projects')).toBe('failed');
    expect(gate(r, 'g.plan-issued')).toBe('failed');
    expect(r.verdict.tier).toBe('not-eligible');
    expect(r.next?.tier).toBe('preparing');
    expect(r.next?.gates).toEqual(['g.demo-city']);
    // the hidden naming-year question is not asked of a city that is not a demonstration city
    expect(r.items.find((i) => i.id === 'p.demo-city-year')?.status).toBe('not_applicable');
    // e5 was left unanswered: its items count as gaps, not as not-applicable
    expect(r.items.find((i) => i.id === 'e5.talent')?.status).toBe('unanswered');
    expect(r.gaps.some((g) => g.item === 'e5.talent')).toBe(true);
  });
});

describe('strong-city-2025 overlay', () => {
  it('resolves onto the 2016 base with the city-level gate, the demonstration-city rule unconfirmed', () => {
    const def = lib.get('strong-city-2025@2.0.0');
    expect(def.family).toBe('strong-city');
    // domain.md §5: 2025 applicants must be 副省级 or 地级 cities [read]; whether they must
    // already be national demonstration cities is [unverified] → shown, never a hard gate.
    expect(def.gates.map((g) => g.id)).toContain('g.city-level');
    expect(def.gates.map((g) => g.id)).not.toContain('g.demo-city');
    expect(def.tiers.find((t) => t.id === 'preparing')?.gates).toEqual(['g.city-level']);
    const demo = def.sections[0]?.items.find((i) => i.id === 'p.demo-city');
    expect(demo?.unverified).toBe(true);
  });

  it('a prefecture-level city that is not (yet) a demonstration city is not declared ineligible', () => {
    const r = run('strong-city-2025@2.0.0', 'strong-city-2025/prefecture-ready.json', {
      'p.demo-city': false,
    });
    expect(r.verdict.tier).not.toBe('not-eligible');
    expect(r.gates.every((g) => g.outcome === 'passed')).toBe(true);
  });

  it('city level decides: 副省级 and 地级 may apply, 县级 and 市辖区 may not', () => {
    for (const [level, ok] of [
      ['sub-provincial', true],
      ['prefecture', true],
      ['county-level', false],
      ['district', false],
    ] as const) {
      const r = run('strong-city-2025@2.0.0', 'strong-city-2025/prefecture-ready.json', {
        'p.city-level': level,
      });
      expect(gate(r, 'g.city-level'), level).toBe(ok ? 'passed' : 'failed');
    }
  });

  it('county-level-blocked: a county-level city cannot apply whatever its score', () => {
    const r = run('strong-city-2025@2.0.0', 'strong-city-2025/county-level-blocked.json');
    // p.city-level = county-level is not sub-provincial or prefecture → g.city-level fails;
    // everything else is as in the 2016 "ready" sample, so the other gates pass
    expect(gate(r, 'g.city-level')).toBe('failed');
    expect(gate(r, 'g.plan-five-projects')).toBe('passed');
    expect(gate(r, 'g.plan-issued')).toBe('passed');
    expect(r.total.score).toBeGreaterThan(70);
    // preparing needs g.city-level, and tiers are cumulative → stuck at the lowest tier
    expect(r.verdict.tier).toBe('not-eligible');
    expect(r.next?.gates).toContain('g.city-level');
  });

  it('prefecture-ready: a prefecture-level demonstration city with the annex self-check can apply', () => {
    const r = run('strong-city-2025@2.0.0', 'strong-city-2025/prefecture-ready.json');
    // plan (53.4 + 4) / 64 ≈ 0.897; total ≈ (3×0.897 + 5×0.795 + 2×0.967) / 10 ≈ 86.0
    expect(gate(r, 'g.city-level')).toBe('passed');
    expect(r.verdict.tier).toBe('ready');
    expect(r.total.score).toBeGreaterThan(85);
    expect(r.total.score).toBeLessThan(87);
  });
});

import { describe, expect, it } from 'vitest';
import { cohortReasonText } from '../present/cohort-text.ts';
import { rankCohort } from './rank.ts';
import { checkTitles, type HeldTitle, heldLongEnough } from './titles.ts';

// Shenzhen-style rule: 示范 needs 优势 held for 2 whole years on the closing day.
const rules = { demonstration: { title: 'advantage', years: 2 } };
const held = (since: string, source: HeldTitle['source'] = 'call'): HeldTitle[] => [
  { title: 'advantage', since, source },
];

describe('previous titles — the years held', () => {
  it('counts exactly N years on the anniversary and N-1 the day before', () => {
    // 2024-06-30 + 2 years = 2026-06-30: held 2 years on that day, not on the 29th.
    expect(heldLongEnough('2024-06-30', '2026-06-30', 2)).toBe(true);
    expect(heldLongEnough('2024-06-30', '2026-06-29', 2)).toBe(false);
    // A title awarded one year later has only 1 year on the same day.
    expect(heldLongEnough('2025-06-30', '2026-06-30', 2)).toBe(false);
    expect(heldLongEnough('2025-06-30', '2026-06-30', 1)).toBe(true);
  });

  it('moves 29 February to the 28th in a common year', () => {
    expect(heldLongEnough('2024-02-29', '2025-02-28', 1)).toBe(true);
    expect(heldLongEnough('2024-02-29', '2025-02-27', 1)).toBe(false);
  });

  it('never counts a title awarded after the counting day, even for 0 years', () => {
    expect(heldLongEnough('2026-07-01', '2026-06-30', 0)).toBe(false);
    expect(heldLongEnough('2026-06-30', '2026-06-30', 0)).toBe(true);
  });

  it('takes the earliest award of the title and says from when the rule holds', () => {
    const [c] = checkTitles(
      [...held('2025-06-30'), ...held('2024-06-30', 'declared')],
      rules,
      '2026-06-30',
    );
    expect(c).toMatchObject({ tier: 'demonstration', met: true, metFrom: '2026-06-30' });
    expect(c?.held).toMatchObject({ since: '2024-06-30', source: 'declared' });
  });

  it('reports an unmet rule with the day it would be met, and none when no title is held', () => {
    const [late] = checkTitles(held('2025-07-01'), rules, '2026-06-30');
    expect(late).toMatchObject({ met: false, metFrom: '2027-07-01' });
    const [none] = checkTitles(
      [{ title: 'pilot', since: '2020-01-01', source: 'call' }],
      rules,
      '2026-06-30',
    );
    expect(none).toMatchObject({ met: false, held: null, metFrom: null });
  });
});

describe('previous titles — in the ranking', () => {
  const tiers = {
    tiers: [
      { id: 'advantage', passLine: 55 },
      { id: 'demonstration', passLine: 70 },
    ],
  };

  it('gives a 示范 score without the title the next tier down, with the reason in words', () => {
    const out = rankCohort(
      [
        {
          id: 'a',
          total: 80,
          ineligibleFor: [
            { tier: 'demonstration', code: 'tier.title-required', title: 'advantage', years: 2 },
          ],
        },
        { id: 'b', total: 75 },
      ],
      tiers,
    );
    const a = out.placements.find((p) => p.id === 'a');
    const b = out.placements.find((p) => p.id === 'b');
    expect(a?.tier).toBe('advantage');
    expect(b?.tier).toBe('demonstration');
    expect(a?.reasons[0]).toEqual({
      code: 'tier.title-required',
      tier: 'demonstration',
      title: 'advantage',
      years: 2,
    });
    const label = (id: string) => ({ advantage: '优势', demonstration: '示范' })[id] ?? id;
    expect(cohortReasonText(a?.reasons[0] ?? { code: 'tier.awarded' }, 'zh', label)).toBe(
      '得分达到示范线，但示范须已获评优势满 2 年（截至申报截止日）',
    );
    expect(
      cohortReasonText(
        { code: 'tier.title-required', tier: 'demonstration', title: 'advantage', years: 0 },
        'en',
        label,
      ),
    ).toBe('Scores above the 示范 line, but 示范 requires holding 优势');
  });

  it('frees the quota place for the next applicant who holds the title', () => {
    const out = rankCohort(
      [
        {
          id: 'a',
          total: 90,
          ineligibleFor: [
            { tier: 'demonstration', code: 'tier.title-required', title: 'advantage', years: 2 },
          ],
        },
        { id: 'b', total: 72 },
      ],
      {
        tiers: [
          { id: 'advantage', passLine: 55 },
          { id: 'demonstration', passLine: 70, quota: 1 },
        ],
      },
    );
    expect(out.awarded).toEqual({ demonstration: 1, advantage: 1 });
    expect(out.placements.find((p) => p.id === 'b')?.tier).toBe('demonstration');
  });
});

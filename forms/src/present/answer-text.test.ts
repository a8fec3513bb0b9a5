import { describe, expect, it } from 'vitest';
import { compile } from '../engine/compile.ts';
import { score } from '../engine/score.ts';
import { allKinds, allKindsAnswers, allKindsText } from '../testing/all-kinds.ts';
import { answerText } from './answer-text.ts';

describe('answerText', () => {
  const c = compile(allKinds);
  const { derived } = score(allKinds, allKindsAnswers, { asOf: '2026-11-29' });
  const answers: Record<string, unknown> = allKindsAnswers;

  for (const locale of ['zh', 'en'] as const) {
    it(`writes every item kind's answer in words (${locale})`, () => {
      const got = Object.fromEntries(
        c.items.map(({ item }) => [
          item.id,
          answerText(item, answers[item.id], { scales: allKinds.scales, derived, locale }),
        ]),
      );
      const want = Object.fromEntries(
        Object.entries(allKindsText).map(([id, t]) => [id, t[locale]]),
      );
      expect(got).toEqual(want);
    });
  }

  it('covers every item kind the language has', () => {
    const kinds = new Set(c.items.map(({ item }) => item.kind));
    expect([...kinds].sort()).toEqual(
      [
        'computed',
        'date',
        'evidence',
        'multi',
        'number',
        'scale',
        'single',
        'text',
        'yesno',
      ].sort(),
    );
  });

  it('shows a missing answer as a dash and a malformed one as it was sent', () => {
    const yesno = c.items[0]?.item;
    if (!yesno) throw new Error('no item');
    expect(answerText(yesno, undefined, { scales: {} })).toBe('—');
    expect(answerText(yesno, 'maybe', { scales: {} })).toBe('maybe');
    expect(answerText(yesno, false, { scales: {}, locale: 'en' })).toBe('No');
  });
});

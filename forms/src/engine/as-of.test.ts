import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { fixture } from '../testing/fixture.ts';
import { validateAnswers } from './answer-check.ts';
import { score } from './score.ts';

/*
 * An item that becomes required once a date-derived value passes a
 * threshold must be required by submit validation exactly when scoring
 * counts it as required-and-missing: both must read the assessment date.
 */
const def = Definition.parse({
  ...fixture,
  sections: [
    ...fixture.sections,
    {
      id: 'audit',
      title: '内审',
      items: [
        {
          id: 'audit.done',
          kind: 'yesno',
          points: 5,
          prompt: '运行满 3 个月后，是否做过一次内审？',
          requiredWhen: { op: 'gt', ref: 'd.months', value: 3 },
        },
      ],
    },
  ],
});

describe('submit validation and scoring read the same assessment date', () => {
  const answers = { 'p.started': '2026-01-15' };
  // d.months counts whole months from 2026-01-15: 3 on 2026-05-14, 4 on 2026-05-15.
  const cases = [
    { asOf: '2026-05-14', required: false },
    { asOf: '2026-05-15', required: true },
  ];
  for (const { asOf, required } of cases) {
    it(`${required ? 'requires' : 'does not require'} the audit on ${asOf}`, () => {
      const scored = score(def, answers, { asOf }).progress.requiredMissing.includes('audit.done');
      const validated = validateAnswers(def, answers, { mode: 'submit', asOf }).some(
        (i) => i.path[0] === 'audit.done' && i.code === 'answer.required',
      );
      expect(scored).toBe(required);
      expect(validated).toBe(required);
    });
  }
});

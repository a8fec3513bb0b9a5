import { validateAnswers } from '@zhiping/forms';
import { describe, expect, it } from 'vitest';
import { definition } from '../test/fixture.ts';
import { checkValue, invalidIds } from './check-value.ts';

// Values of every shape, good and bad, for each kind in the fixture.
const samples: Record<string, unknown[]> = {
  'p.make': [true, false, 'yes', 1],
  'p.plant': ['杭州', 3, ''],
  'p.staff': [0, 7, 100, 101, 2.5, -1, '5', 'abc'],
  'm.records': [0, 2, 3, -1, { notApplicable: true }, { notApplicable: true, reason: '无' }],
  'm.proof': [
    { files: [], ref: 'a' },
    { files: [], note: 'x' },
    { files: [{ id: '1', name: 'a.pdf' }] },
  ],
  'm.policy': [{ notApplicable: true }],
};

describe('checkValue', () => {
  it('agrees with the engine’s draft validation, message for message', () => {
    for (const [id, values] of Object.entries(samples))
      for (const v of values) {
        const engine = validateAnswers(definition, { [id]: v }, 'draft');
        expect(checkValue(definition, id, v) === null, `${id} = ${JSON.stringify(v)}`).toBe(
          engine.length === 0,
        );
        if (engine.length > 0 && engine[0]?.message !== '不是本题的选项')
          expect(checkValue(definition, id, v)).toBe(engine[0]?.message);
      }
  });

  it('lists the changed answers the server would refuse; clearing is always fine', () => {
    expect(invalidIds(definition, { 'p.staff': 101, 'p.make': true, 'm.records': null })).toEqual(
      new Set(['p.staff']),
    );
  });
});

import { compile, issueText, validateAnswers } from '@zhiping/forms';
import { describe, expect, it } from 'vitest';
import { definition } from '../test/fixture.ts';
import { invalidIds, issueOf } from './check-value.ts';

const c = compile(definition);

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

describe('issueOf', () => {
  it('agrees with the engine’s draft validation, code for code', () => {
    for (const [id, values] of Object.entries(samples))
      for (const v of values) {
        const engine = validateAnswers(definition, { [id]: v });
        expect(issueOf(c, id, v), `${id} = ${JSON.stringify(v)}`).toEqual(engine[0] ?? null);
      }
  });

  it('words an issue in either language from the shared catalogue', () => {
    const issue = issueOf(c, 'p.staff', 101);
    expect(issue && issueText(issue, 'zh')).toBe('不能大于 100');
    expect(issue && issueText(issue, 'en')).toBe('Must not be more than 100');
  });

  it('lists the changed answers the server would refuse; clearing is always fine', () => {
    expect(invalidIds(c, { 'p.staff': 101, 'p.make': true, 'm.records': null })).toEqual(
      new Set(['p.staff']),
    );
  });
});

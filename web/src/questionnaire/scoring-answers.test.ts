import { compile, score } from '@zhiping/forms';
import { describe, expect, it } from 'vitest';
import { definition } from '../test/fixture.ts';
import { reduceForScoring, sameAnswers } from './scoring-answers.ts';

const c = compile(definition);

describe('reduceForScoring', () => {
  it('hides keystrokes in text and evidence from the engine, not whether they are answered', () => {
    const a = reduceForScoring(c, {
      'p.plant': '杭州',
      'm.proof': { files: [], ref: 'a', note: 'x' },
    });
    const b = reduceForScoring(c, {
      'p.plant': '杭州市',
      'm.proof': { files: [], ref: 'ab', note: 'y' },
    });
    expect(sameAnswers(a, b)).toBe(true);
    const blank = reduceForScoring(c, {
      'p.plant': '  ',
      'm.proof': { files: [], note: 'only a note' },
    });
    expect(sameAnswers(a, blank)).toBe(false);
  });

  it('keeps every other answer as it is, so scores are unchanged', () => {
    const answers = {
      'p.make': true,
      'p.plant': '杭州',
      'p.staff': 3,
      'm.policy': true,
      'm.records': { notApplicable: true, reason: '无' },
      'm.proof': { files: [{ id: '1', name: 'a.pdf' }] },
    };
    expect(score(c, reduceForScoring(c, answers))).toEqual(score(c, answers));
    expect(
      sameAnswers(reduceForScoring(c, answers), reduceForScoring(c, { ...answers, 'p.staff': 4 })),
    ).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Judgement } from '../db/repositories/reviews.ts';
import { changeOf, effectiveJudgements, itemHash, leadOf, overridesOf } from './review-rounds.ts';

/* The rules of rounds that need no database: what counts, and what changed. */

const j = (over: Partial<Judgement> & Pick<Judgement, 'item'>): Judgement => ({
  round: 2,
  kind: 'own',
  verdict: 'agree',
  status: null,
  points: null,
  reason: null,
  comment: null,
  answerHash: 'h',
  state: 'current',
  judgedRound: 2,
  reviewer: { id: 'lead', name: 'lead' },
  updatedAt: '2026-11-21T08:00:00.000Z',
  ...over,
});

describe('the judgement that counts', () => {
  it('is the lead’s settlement, else the lead’s own, and never one to re-judge', () => {
    const counted = effectiveJudgements(
      [
        // a: the other reviewer's judgement does not count by itself
        j({
          item: 'a',
          reviewer: { id: 'other', name: 'o' },
          verdict: 'override',
          status: 'unmet',
        }),
        // b: the settlement beats the lead's own, whichever comes first
        j({ item: 'b', kind: 'final', verdict: 'override', status: 'partial', points: 1 }),
        j({ item: 'b' }),
        // c: the lead's own judgement of an answer changed since applies to nothing
        j({ item: 'c', verdict: 'override', status: 'met', state: 'needs-recheck' }),
        // d: the lead's own, current
        j({ item: 'd', verdict: 'override', status: 'not_applicable' }),
      ],
      'lead',
    );
    expect([...counted.keys()].sort()).toEqual(['b', 'd']);
    expect(counted.get('b')?.kind).toBe('final');
    expect(overridesOf(counted)).toEqual({
      b: { status: 'partial', points: 1 },
      d: { status: 'not_applicable', points: undefined },
    });
  });

  it('leads with the reviewer marked lead, else the first assigned', () => {
    const a = { id: 'a', name: 'a', lead: false };
    const b = { id: 'b', name: 'b', lead: true };
    expect(leadOf([a, b])?.id).toBe('b');
    expect(leadOf([a, { ...b, lead: false }])?.id).toBe('a');
    expect(leadOf([])).toBeUndefined();
  });
});

describe('what changed in an answer since the last round', () => {
  const f = (id: string) => ({ id, name: `${id}.pdf` });

  it('is nothing when the answer and its evidence list are the same', () => {
    const v = { files: [f('1')], note: 'x' };
    expect(changeOf({ e: v }, { e: { ...v } }, 'e')).toBeNull();
    expect(itemHash({ e: v }, 'e')).toBe(itemHash({ e: { note: 'x', files: [f('1')] } }, 'e'));
  });

  it('names the evidence added and removed', () => {
    const before = { e: { files: [f('1'), f('2')] } };
    const after = { e: { files: [f('2'), f('3')] } };
    expect(changeOf(before, after, 'e')).toEqual({
      before: before.e,
      after: after.e,
      evidenceAdded: [f('3')],
      evidenceRemoved: [f('1')],
    });
  });

  it('counts a cleared or a new answer as a change, and a note alone as one too', () => {
    expect(changeOf({ y: true }, {}, 'y')).toMatchObject({ before: true, after: null });
    expect(changeOf({}, { y: false }, 'y')).toMatchObject({ before: null, after: false });
    expect(
      changeOf({ e: { files: [f('1')] } }, { e: { files: [f('1')], note: '补充' } }, 'e'),
    ).toMatchObject({ evidenceAdded: [], evidenceRemoved: [] });
  });

  it('reads own keys only: an item id like constructor is just an item', () => {
    expect(changeOf({}, {}, 'constructor')).toBeNull();
  });
});

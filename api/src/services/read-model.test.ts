import { compile, Definition, type ScoreResult, score } from '@zhiping/forms';
import { describe, expect, it } from 'vitest';
import {
  changedStatuses,
  computeSelf,
  readModelColumns,
  selfModel,
  trustedJson,
} from './read-model.ts';

/*
 * The read model's columns and a save's status delta (read-model.ts), on a
 * definition small enough to score by hand: two yes/no items of 10 points in
 * one section, and a tier from 50 points.
 */
const def = Definition.parse({
  id: 'read-model',
  version: '1.0.0',
  family: 'gbt29490',
  title: '读模型',
  audience: ['enterprise'],
  sections: [
    {
      id: 's',
      title: '甲',
      items: [
        { id: 'a', kind: 'yesno', points: 10, prompt: '甲一？' },
        { id: 'b', kind: 'yesno', points: 10, prompt: '甲二？' },
        {
          id: 'c',
          kind: 'yesno',
          points: 10,
          prompt: '甲三？',
          visibleWhen: { op: 'eq', ref: 'a', value: true },
        },
      ],
    },
  ],
  tiers: [
    { id: 'low', label: '未达标' },
    { id: 'pass', label: '达标', minScore: 50 },
  ],
});
const compiled = compile(def);
const asOf = '2026-11-18';

describe('the read model', () => {
  it('stores the figures lists show: score, tier label as JSON, answered of applicable', () => {
    // a yes, c (shown by a) no, b unanswered: 10 of 30 points → 33.3333, below the 50 line.
    const self = computeSelf(compiled, { a: true, c: false }, asOf);
    const cols = readModelColumns(self, 7);
    expect(cols).toEqual({
      self_result: null,
      model_revision: 7,
      list_score: 33.3333,
      list_verdict: JSON.stringify('未达标'),
      list_answered: 2,
      list_applicable: 3,
    });
  });

  it('stores the full result only when frozen, and the same JSON as the result', () => {
    const self = computeSelf(compiled, { a: true, b: true }, asOf);
    const cols = readModelColumns(self, 3, true);
    // a and b met, c unanswered: 20 of 30 → 66.6667, the 达标 tier; a's c shown, so 3 apply.
    expect(cols.list_score).toBe(66.6667);
    expect(cols.list_verdict).toBe(JSON.stringify('达标'));
    expect(cols.list_applicable).toBe(3);
    expect(cols.self_result).not.toBeNull();
    expect(JSON.parse(cols.self_result ?? '')).toEqual(self.result);
  });

  it('stores no verdict when the result has no tier label', () => {
    const noTier = { ...score(compiled, {}, { asOf }) };
    noTier.verdict = { ...noTier.verdict, label: null };
    expect(readModelColumns(selfModel(noTier), 1).list_verdict).toBeNull();
  });

  it('makes the JSON once and keeps JSON it was given', () => {
    const result = score(compiled, { a: true }, { asOf });
    const given = selfModel(result, '{"stored":true}');
    expect(given.json()).toBe('{"stored":true}');
    const made = selfModel(result);
    const first = made.json();
    expect(first).toBe(JSON.stringify(result));
    // Changing the result afterwards does not change the JSON: it was made once.
    result.total.score = -1;
    expect(made.json()).toBe(first);
  });

  it('parses trusted JSON as it was written', () => {
    expect(trustedJson<{ a: number[] }>('{"a":[1,2]}')).toEqual({ a: [1, 2] });
  });
});

describe('the statuses a save changed', () => {
  const before = score(compiled, { a: true }, { asOf });
  const items = (r: ScoreResult) => r.items;

  it('lists every item when there was no earlier result', () => {
    expect(changedStatuses(null, before)).toEqual([
      { id: 'a', status: 'met', visible: true },
      { id: 'b', status: 'unanswered', visible: true },
      { id: 'c', status: 'unanswered', visible: true },
    ]);
  });

  it('lists nothing when nothing changed', () => {
    expect(changedStatuses(items(before), score(compiled, { a: true }, { asOf }))).toEqual([]);
  });

  it('lists an item whose status changed, and only it', () => {
    const after = score(compiled, { a: true, b: false }, { asOf });
    expect(changedStatuses(items(before), after)).toEqual([
      { id: 'b', status: 'unmet', visible: true },
    ]);
  });

  it('lists an item that was hidden or shown with the same status', () => {
    // a no hides c: unanswered before, not applicable now and hidden.
    const hidden = score(compiled, { a: false }, { asOf });
    expect(changedStatuses(items(before), hidden)).toEqual([
      { id: 'a', status: 'unmet', visible: true },
      { id: 'c', status: 'not_applicable', visible: false },
    ]);
    // Same status, other visibility: still a change the client must see.
    const shownBefore = items(before).map((i) => (i.id === 'b' ? { ...i, visible: false } : i));
    expect(changedStatuses(shownBefore, before)).toEqual([
      { id: 'b', status: 'unanswered', visible: true },
    ]);
  });

  it('matches items by id when the earlier result lists them in another order or lacks some', () => {
    const after = score(compiled, { a: true, b: false }, { asOf });
    const reordered = [...items(before)].reverse();
    expect(changedStatuses(reordered, after)).toEqual([
      { id: 'b', status: 'unmet', visible: true },
    ]);
    // An item the earlier result did not have (a new version added it) is a change.
    expect(changedStatuses(items(before).slice(1), after)).toEqual([
      { id: 'a', status: 'met', visible: true },
      { id: 'b', status: 'unmet', visible: true },
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answers } from '../schema/answers.ts';
import { Autosave, type SaveBody, type SaveFailure, type Scheduler } from './autosave.ts';
import { mergeAnswers, type PendingDraft, pendingDraft, restoreDraft } from './merge.ts';
import { applyPatch } from './patch.ts';

describe('mergeAnswers', () => {
  it('takes one-sided changes from either side silently', () => {
    const m = mergeAnswers({ a: 1, b: 1, c: 1 }, { a: 2, b: 1, c: 1 }, { a: 1, b: 3, c: 1, d: 4 });
    expect(m).toEqual({
      answers: { a: 2, b: 3, c: 1, d: 4 },
      conflicts: [],
      remote: { b: 3, d: 4 },
    });
  });

  it('treats clearing as a change, and the same change on both sides as none', () => {
    const m = mergeAnswers({ a: 1, b: 1 }, { b: 2 }, { a: 1, b: 2 });
    expect(m).toEqual({ answers: { b: 2 }, conflicts: [], remote: {} });
    expect(mergeAnswers({ a: 1 }, { a: 1 }, {}).remote).toEqual({ a: null });
  });

  it('reports an item changed on both sides with both values, keeping theirs until chosen', () => {
    const m = mergeAnswers(
      { a: 'x', b: [1] },
      { a: 'mine', b: [1, 2] },
      { a: 'theirs', b: [1, 2] },
    );
    expect(m.conflicts).toEqual([{ id: 'a', base: 'x', mine: 'mine', theirs: 'theirs' }]);
    expect(m.answers).toEqual({ a: 'theirs', b: [1, 2] });
    const cleared = mergeAnswers({ a: 1 }, {}, { a: 2 });
    expect(cleared.conflicts).toEqual([{ id: 'a', base: 1, mine: undefined, theirs: 2 }]);
  });

  it('is linear: 20,000 items merge in well under a second', () => {
    const base: Answers = {};
    for (let i = 0; i < 20_000; i++) base[`i${i}`] = i;
    const t0 = performance.now();
    mergeAnswers(base, { ...base, i1: -1 }, { ...base, i2: -2 });
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('pending drafts', () => {
  it('keep each changed item’s base value, and restore on the same revision by applying', () => {
    const d = pendingDraft(3, { a: 1 }, { a: 2, b: 5 }) as PendingDraft;
    expect(d).toEqual({ revision: 3, base: { a: 1, b: null }, changes: { a: 2, b: 5 } });
    expect(pendingDraft(3, { a: 1 }, {})).toBeNull();
    expect(restoreDraft({ answers: { a: 1, c: 0 }, revision: 3 }, d)).toEqual({
      answers: { a: 2, b: 5, c: 0 },
      conflicts: [],
      remote: {},
    });
  });

  it('merge with a newer server copy: only items the server changed differently conflict', () => {
    const d: PendingDraft = { revision: 3, base: { a: 1, b: null }, changes: { a: 2, b: 5 } };
    const r = restoreDraft({ answers: { a: 9, b: 5, c: 0 }, revision: 5 }, d);
    expect(r.conflicts).toEqual([{ id: 'a', base: 1, mine: 2, theirs: 9 }]);
    expect(r.answers).toEqual({ a: 9, b: 5, c: 0 });
    // Already saved (by a request the closing page sent): nothing to do.
    expect(restoreDraft({ answers: { a: 2, b: 5 }, revision: 4 }, d).conflicts).toEqual([]);
  });
});

// ── the machine merging a stale save ───────────────────────────────────
const scheduler: Scheduler = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};
class Stale extends Error {}
const classify = (e: unknown): SaveFailure =>
  e instanceof Stale ? { kind: 'stale', currentRevision: null } : { kind: 'transient' };

/** One server copy that two machines (two tabs) save to. */
function shared(answers: Answers) {
  const s = { answers, revision: 1 };
  const save = vi.fn(async (body: SaveBody) => {
    if (body.revision !== s.revision) throw new Stale();
    s.answers = applyPatch(s.answers, body.answers);
    s.revision++;
    return { revision: s.revision };
  });
  const tab = () => {
    const remote: Record<string, unknown>[] = [];
    const a = new Autosave({
      answers: s.answers,
      revision: s.revision,
      position: null,
      save,
      classify,
      scheduler,
      fetchLatest: async () => ({ answers: s.answers, revision: s.revision }),
      onRemote: (p) => remote.push(p),
    });
    return { a, remote };
  };
  return { s, save, tab };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosave with fetchLatest', () => {
  it('two tabs changing different items both keep theirs, without a conflict', async () => {
    const { s, tab } = shared({ a: 1, b: 1 });
    const one = tab();
    const two = tab();
    one.a.update({ a: 2, b: 1 }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    two.a.update({ a: 1, b: 3 }, 'p2');
    await vi.advanceTimersByTimeAsync(800);
    expect(s.answers).toEqual({ a: 2, b: 3 });
    expect(two.remote).toEqual([{ a: 2 }]);
    expect(two.a.getSnapshot().state.kind).toBe('saved');
    expect(two.a.unsaved()).toEqual({});
  });

  it('two tabs that only move between steps write nothing', async () => {
    const { save, tab } = shared({ a: 1 });
    const one = tab();
    const two = tab();
    one.a.update({ a: 1 }, 'p2');
    two.a.update({ a: 1 }, 'p3');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).not.toHaveBeenCalled();
  });

  it('the same item changed in both: a conflict with both values; the chosen one is kept', async () => {
    const { s, tab } = shared({ a: 1 });
    const one = tab();
    const two = tab();
    one.a.update({ a: 2 }, null);
    await vi.advanceTimersByTimeAsync(800);
    two.a.update({ a: 3 }, null);
    await vi.advanceTimersByTimeAsync(800);
    const st = two.a.getSnapshot().state;
    expect(st).toMatchObject({
      kind: 'conflict',
      conflicts: [{ id: 'a', base: 1, mine: 3, theirs: 2 }],
    });
    expect(s.answers).toEqual({ a: 2 }); // nothing overwritten without a choice
    two.a.resolve({ a: 'mine' });
    await vi.advanceTimersByTimeAsync(10);
    expect(s.answers).toEqual({ a: 3 });
    expect(two.a.getSnapshot().state.kind).toBe('saved');
  });

  it('choosing theirs adopts it and sends nothing for that item', async () => {
    const { s, save, tab } = shared({ a: 1, b: 1 });
    const one = tab();
    const two = tab();
    one.a.update({ a: 2, b: 1 }, null);
    await vi.advanceTimersByTimeAsync(800);
    two.a.update({ a: 3, b: 4 }, null);
    await vi.advanceTimersByTimeAsync(800);
    two.a.resolve({ a: 'theirs' });
    await vi.advanceTimersByTimeAsync(10);
    expect(two.remote).toEqual([{ a: 2 }]);
    expect(s.answers).toEqual({ a: 2, b: 4 });
    expect(save).toHaveBeenLastCalledWith({ revision: 2, answers: { b: 4 }, position: null });
  });

  it('tells the storage what is unsaved, and nothing once acknowledged', async () => {
    const { save } = shared({ a: 1 });
    const persist = vi.fn();
    const a = new Autosave({
      answers: { a: 1 },
      revision: 1,
      position: null,
      save,
      classify,
      scheduler,
      persist,
    });
    a.update({ a: 2 }, null);
    expect(persist).toHaveBeenLastCalledWith({ revision: 1, base: { a: 1 }, changes: { a: 2 } });
    await vi.advanceTimersByTimeAsync(800);
    expect(persist).toHaveBeenLastCalledWith(null);
    expect(a.dirty).toBe(false);
  });
});

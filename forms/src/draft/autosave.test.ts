import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answers } from '../schema/answers.ts';
import {
  Autosave,
  type AutosaveOptions,
  type SaveBody,
  type SaveFailure,
  type Scheduler,
} from './autosave.ts';

// vitest's fake timers behind the injected scheduler: time moves only when a test says so.
const scheduler: Scheduler = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

class Refusal extends Error {
  constructor(readonly failure: SaveFailure) {
    super(failure.kind);
  }
}
const classify = (e: unknown): SaveFailure =>
  e instanceof Refusal ? e.failure : { kind: 'transient' };

/** A server that accepts every save (revision + 1) unless a test queues a failure or a hold. */
function server(start = 3) {
  let revision = start;
  const failures: unknown[] = [];
  const held: { release: () => void }[] = [];
  let holdNext = false;
  const save = vi.fn(async (body: SaveBody) => {
    if (holdNext) {
      holdNext = false;
      await new Promise<void>((release) => held.push({ release }));
    }
    const f = failures.shift();
    if (f) throw f;
    if (body.revision !== revision) throw new Refusal({ kind: 'stale', currentRevision: revision });
    revision++;
    return { revision };
  });
  return {
    save,
    failNext: (e: unknown) => failures.push(e),
    holdNext: () => {
      holdNext = true;
    },
    release: () => held.shift()?.release(),
    bump: () => revision++,
  };
}

function machine(s = server(), over: Partial<AutosaveOptions> = {}, answers: Answers = {}) {
  const a = new Autosave({
    answers,
    revision: 3,
    position: 'p1',
    save: s.save,
    classify,
    scheduler,
    delay: 800,
    retryDelays: [1_000, 5_000],
    ...over,
  });
  const kinds: string[] = [];
  a.subscribe(() => kinds.push(a.getSnapshot().state.kind));
  return { a, s, kinds };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosave', () => {
  it('coalesces edits within the quiet period into one save of what changed', async () => {
    const { a, s } = machine(server(), {}, { x: 1, y: 2 });
    a.update({ x: 1, y: 2, z: 'a' }, 'p1');
    await vi.advanceTimersByTimeAsync(500);
    a.update({ x: 1, z: 'ab' }, 'p1');
    await vi.advanceTimersByTimeAsync(500);
    expect(s.save).not.toHaveBeenCalled();
    expect(a.getSnapshot().state.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(300);
    expect(s.save).toHaveBeenCalledTimes(1);
    expect(s.save).toHaveBeenLastCalledWith({
      revision: 3,
      answers: { z: 'ab', y: null },
      position: 'p1',
    });
    expect(a.getSnapshot()).toMatchObject({ state: { kind: 'saved' }, revision: 4 });
    expect(a.unsaved()).toEqual({});
  });

  it('goes back to idle, sending nothing, when an edit is undone before the save', async () => {
    const { a, s } = machine(server(), {}, { x: 1 });
    a.update({ x: 2 }, 'p1');
    a.update({ x: 1 }, 'p1');
    expect(a.getSnapshot().state.kind).toBe('idle');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(s.save).not.toHaveBeenCalled();
  });

  it('publishes a change of state, not every keystroke', async () => {
    const { a, kinds } = machine();
    for (const v of ['a', 'ab', 'abc', 'abcd']) a.update({ t: v }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    expect(kinds).toEqual(['pending', 'saving', 'saved']);
    const snap = a.getSnapshot();
    a.update({ t: 'abcd' }, 'p1');
    expect(a.getSnapshot()).toBe(snap);
  });

  it('saves edits made while a save is in flight straight after it, on the new revision', async () => {
    const s = server();
    const { a } = machine(s);
    s.holdNext();
    a.update({ x: 1 }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    expect(a.getSnapshot().state.kind).toBe('saving');
    a.update({ x: 1, y: 2 }, 'p2');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.save).toHaveBeenCalledTimes(1); // one request at a time
    s.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.save).toHaveBeenCalledTimes(2);
    expect(s.save.mock.calls[1]?.[0]).toEqual({ revision: 4, answers: { y: 2 }, position: 'p2' });
    expect(a.getSnapshot()).toMatchObject({ state: { kind: 'saved' }, revision: 5 });
  });

  it('stops on a stale revision, holding the unsaved patch, until rebased', async () => {
    const s = server();
    const { a } = machine(s, {}, { x: 1 });
    s.bump(); // another tab saved revision 4
    a.update({ x: 2 }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    expect(a.getSnapshot().state).toMatchObject({
      kind: 'conflict',
      currentRevision: 4,
      unsaved: { x: 2 },
    });
    // Nothing more is sent while the conflict stands, however much is typed.
    a.update({ x: 3 }, 'p1');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await a.flush()).toBe(false);
    expect(s.save).toHaveBeenCalledTimes(1);
    expect(a.unsaved()).toEqual({ x: 3 });
    // Take the server copy, put our change on top: saved against revision 4.
    a.rebase({ x: 1, w: true }, 4, 'p1');
    a.update({ x: 3, w: true }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    expect(s.save).toHaveBeenLastCalledWith({ revision: 4, answers: { x: 3 }, position: 'p1' });
    expect(a.getSnapshot()).toMatchObject({ state: { kind: 'saved' }, revision: 5 });
  });

  it('locks when the assessment is no longer editable, and never retries', async () => {
    const s = server();
    const { a } = machine(s);
    s.failNext(new Refusal({ kind: 'locked', status: 'submitted' }));
    a.update({ x: 1 }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    expect(a.getSnapshot().state).toMatchObject({ kind: 'locked', status: 'submitted' });
    a.update({ x: 2 }, 'p1');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.save).toHaveBeenCalledTimes(1);
    expect(a.unsaved()).toEqual({ x: 2 });
  });

  it('retries a network failure by itself with backoff, and recovers', async () => {
    const s = server();
    const { a } = machine(s);
    s.failNext(new TypeError('fetch failed'));
    s.failNext(new TypeError('fetch failed'));
    a.update({ x: 1 }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    const t0 = Date.now();
    expect(a.getSnapshot().state).toMatchObject({ kind: 'error', retryAt: t0 + 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.save).toHaveBeenCalledTimes(2);
    expect(a.getSnapshot().state).toMatchObject({ kind: 'error', retryAt: Date.now() + 5_000 });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(s.save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.save).toHaveBeenCalledTimes(3);
    expect(s.save.mock.calls.map((c) => c[0].revision)).toEqual([3, 3, 3]);
    expect(a.getSnapshot()).toMatchObject({ state: { kind: 'saved' }, revision: 4 });
  });

  it('waits for the next edit or an explicit retry after a refusal that would recur', async () => {
    const s = server();
    const { a } = machine(s);
    s.failNext(new Refusal({ kind: 'refused' }));
    a.update({ x: 1 }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    expect(a.getSnapshot().state).toMatchObject({ kind: 'error', retryAt: null });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.save).toHaveBeenCalledTimes(1);
    expect(await a.flush()).toBe(true);
    expect(s.save).toHaveBeenCalledTimes(2);
  });

  it('flush() saves at once, after any save in flight, and says whether all is saved', async () => {
    const s = server();
    const { a } = machine(s);
    a.update({ x: 1 }, 'p1');
    expect(await a.flush()).toBe(true);
    expect(s.save).toHaveBeenCalledTimes(1);
    expect(a.revision).toBe(4);
    // A flush during a save waits for it, then sends what came after.
    s.holdNext();
    a.update({ x: 2 }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    a.update({ x: 3 }, 'p1');
    const flushed = a.flush();
    s.release();
    expect(await flushed).toBe(true);
    expect(s.save.mock.calls.map((c) => c[0].answers)).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    expect(a.revision).toBe(6);
    // Nothing to send: true at once.
    expect(await a.flush()).toBe(true);
    expect(s.save).toHaveBeenCalledTimes(3);
  });

  it('holds back answers the server would refuse, and counts them', async () => {
    const s = server();
    const { a } = machine(s, {
      holdBack: (patch) => new Set(Object.keys(patch).filter((k) => patch[k] === 'bad')),
    });
    a.update({ x: 'bad', y: 1 }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    expect(s.save).toHaveBeenLastCalledWith({ revision: 3, answers: { y: 1 }, position: 'p1' });
    expect(a.getSnapshot().heldBack).toBe(1);
    a.update({ x: 'good', y: 1 }, 'p1');
    await vi.advanceTimersByTimeAsync(800);
    expect(s.save).toHaveBeenLastCalledWith({
      revision: 4,
      answers: { x: 'good' },
      position: 'p1',
    });
    expect(a.getSnapshot().heldBack).toBe(0);
  });

  it('never writes a move to another step alone, and nothing when disabled or disposed', async () => {
    const s = server();
    const { a } = machine(s);
    a.update({}, 'p2');
    await vi.advanceTimersByTimeAsync(800);
    expect(await a.flush()).toBe(true);
    expect(s.save).not.toHaveBeenCalled();
    // The step rides along with the next answer.
    a.update({ w: 1 }, 'p2');
    await vi.advanceTimersByTimeAsync(800);
    expect(s.save).toHaveBeenLastCalledWith({ revision: 3, answers: { w: 1 }, position: 'p2' });
    a.configure({ enabled: false });
    a.update({ x: 1 }, 'p2');
    await vi.advanceTimersByTimeAsync(800);
    expect(await a.flush()).toBe(false);
    a.configure({ enabled: true });
    a.update({ x: 2 }, 'p2');
    a.dispose();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(s.save).toHaveBeenCalledTimes(1);
  });
});

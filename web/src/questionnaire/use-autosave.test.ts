import type { AutosaveSnapshot, SaveState } from '@zhiping/forms';
import { describe, expect, it } from 'vitest';
import { viewOf } from './use-autosave.ts';

/** A stand-in for the autosave machine: publishes the states it is given. */
function fakeMachine() {
  let snapshot: AutosaveSnapshot = { state: { kind: 'idle' }, revision: 1, heldBack: 0 };
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => snapshot,
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    publish: (state: SaveState, heldBack = 0) => {
      snapshot = { state, revision: 1, heldBack };
      for (const l of listeners) l();
    },
  };
}

describe('the page’s view of autosave (viewOf)', () => {
  it('stays the same object while only pending, saving and saved follow each other', () => {
    const m = fakeMachine();
    const view = viewOf(m);
    const first = view();
    m.publish({ kind: 'pending' });
    m.publish({ kind: 'saving' });
    m.publish({ kind: 'saved', at: 1 });
    expect(view()).toBe(first);
    m.publish({ kind: 'pending' }, 1);
    expect(view()).toEqual({ trouble: null, heldBack: 1, troubled: false });
  });

  it('is troubled from a failure until a save succeeds, through the retry’s saving', () => {
    const m = fakeMachine();
    const view = viewOf(m);
    const error: SaveState = { kind: 'error', error: new Error('offline'), retryAt: null };
    m.publish(error);
    expect(view()).toEqual({ trouble: error, heldBack: 0, troubled: true });
    m.publish({ kind: 'saving' });
    expect(view()).toEqual({ trouble: null, heldBack: 0, troubled: true });
    m.publish({ kind: 'saved', at: 2 });
    expect(view().troubled).toBe(false);
  });
});

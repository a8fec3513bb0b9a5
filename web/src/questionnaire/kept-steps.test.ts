import { describe, expect, it } from 'vitest';
import { KEPT_STEPS, remember } from './kept-steps.tsx';
import type { Step } from './steps.ts';

const steps = (...ids: string[]) => ids.map((id) => ({ id }) as Step);

describe('the steps kept mounted', () => {
  it('puts the step shown first and keeps the last ones left, up to the limit', () => {
    const all = steps('a', 'b', 'c', 'd', 'e', 'f');
    let kept = ['a'];
    for (const id of ['b', 'c', 'd', 'e']) kept = remember(kept, id, all);
    expect(kept).toEqual(['e', 'd', 'c', 'b']);
    expect(kept).toHaveLength(KEPT_STEPS);
    expect(remember(kept, 'c', all)).toEqual(['c', 'e', 'd', 'b']);
  });

  it('drops a step that no longer applies, and returns the same list when nothing changed', () => {
    const kept = ['b', 'a', 'c'];
    expect(remember(kept, 'b', steps('a', 'b'))).toEqual(['b', 'a']);
    expect(remember(kept, 'b', steps('a', 'b', 'c'))).toBe(kept);
  });
});

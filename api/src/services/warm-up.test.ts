import type { Answers } from '@zhiping/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../testing/harness.ts';
import { warmUp } from './warm-up.ts';

describe('warmUp', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('sqlite');
  });
  afterAll(() => h.close());

  it('runs the newest version of every definition, with empty and with filled answers', async () => {
    const runs = new Map<string, { empty: number; filled: number }>();
    const warmed = await warmUp(h.deps, 4, (compiled, answers: Answers) => {
      const ref = `${compiled.definition.id}@${compiled.definition.version}`;
      const n = runs.get(ref) ?? { empty: 0, filled: 0 };
      if (Object.keys(answers).length === 0) n.empty++;
      else n.filled++;
      runs.set(ref, n);
    });
    const published = (await h.deps.definitions.list()).map((d) => d.ref);
    expect(published.length).toBeGreaterThan(5);
    expect(warmed.sort()).toEqual([...published].sort());
    for (const ref of published) expect(runs.get(ref), ref).toEqual({ empty: 2, filled: 2 });
  });

  it('runs the real engine over every built-in definition without an error', async () => {
    const warmed = await warmUp(h.deps, 2);
    expect(warmed.length).toBeGreaterThan(5);
  });
});

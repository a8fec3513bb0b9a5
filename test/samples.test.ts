import { consistencyIssues, validateAnswers } from '@zhiping/forms';
import { listSamples, loadBuiltins, loadSample } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';

// Samples are the demo data of a fresh install: each must pin a built-in
// definition and hold only answers that definition accepts.
const lib = loadBuiltins();
const samples = listSamples();

describe('seed samples', () => {
  it('exist for every built-in definition', () => {
    const pinned = new Set(samples.map((f) => loadSample(f).definition));
    const missing = lib.definitions
      .map((d) => `${d.id}@${d.version}`)
      .filter((r) => !pinned.has(r));
    expect(missing).toEqual([]);
  });

  it.each(samples)('%s pins a built-in definition and is well-typed for it', (file) => {
    const s = loadSample(file);
    const def = lib.get(s.definition);
    expect(file.startsWith(`${def.id}/`)).toBe(true);
    expect(validateAnswers(def, s.answers, { mode: 'draft' })).toEqual([]);
  });

  // A sample that contradicted itself could never be submitted (nor seeded as submitted).
  it.each(samples)('%s does not contradict itself', (file) => {
    const s = loadSample(file);
    expect(consistencyIssues(lib.get(s.definition), s.answers, s.asOf)).toEqual([]);
  });
});

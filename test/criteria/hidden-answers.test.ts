import { type Definition, type Item, score } from '@zhiping/forms';
import { listSamples, loadBuiltins, loadSample } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';

/*
 * A question a profile answer hides is not asked, so an answer left over from
 * before (the profile changed, a carried-over draft) must count for nothing:
 * not for the score, not for a gate, not for another question's visibility.
 * Fourteen conditions in the built-in definitions read such questions (an
 * enterprise without own R&D has no R&D growth; a Shenzhen enterprise without
 * a status has no status year). For every sample of every built-in definition,
 * each hidden question gets the answer that would help most, then the one that
 * would help least: the result must not move.
 */

const lib = loadBuiltins();

function extreme(def: Definition, item: Item, high: boolean): unknown {
  switch (item.kind) {
    case 'yesno':
      return high;
    case 'single':
      return (high ? item.options.at(-1) : item.options[0])?.id;
    case 'multi':
      return high ? item.options.map((o) => o.id) : [];
    case 'scale': {
      const values = (def.scales[item.scale] ?? []).map((l) => l.value);
      return high ? Math.max(...values) : Math.min(...values);
    }
    case 'number':
      return high ? 1e9 : 0;
    case 'date':
      return high ? '2000-01-01' : '2026-11-20';
    case 'text':
      return '留存的旧答案';
    case 'evidence':
      return high ? { files: [], ref: '档案室 A-12' } : undefined;
    default:
      return undefined;
  }
}

function allItems(sections: { items: Item[]; sections: unknown[] }[]): Item[] {
  return sections.flatMap((s) => [
    ...s.items,
    ...allItems(s.sections as { items: Item[]; sections: unknown[] }[]),
  ]);
}

describe('answers to hidden questions in the built-in definitions', () => {
  const samples = listSamples();
  const hiddenIn = (file: string) => {
    const s = loadSample(file);
    const def = lib.get(s.definition);
    const before = score(def, s.answers, { asOf: s.asOf });
    const hidden = new Set(before.items.filter((i) => !i.visible).map((i) => i.id));
    return { s, def, before, items: allItems(def.sections).filter((i) => hidden.has(i.id)) };
  };

  it.each(samples)('%s: no hidden question changes the result', (file) => {
    const { s, def, before, items } = hiddenIn(file);
    for (const high of [true, false]) {
      const changed: Record<string, unknown> = { ...s.answers };
      for (const item of items) {
        const v = extreme(def, item, high);
        if (v === undefined) delete changed[item.id];
        else changed[item.id] = v;
      }
      expect(score(def, changed, { asOf: s.asOf }), high ? 'best' : 'worst').toEqual(before);
    }
  });

  it('meets hidden questions in most samples (so the test above is not empty)', () => {
    const withHidden = samples.filter((f) => hiddenIn(f).items.length > 0);
    expect(withHidden.length).toBeGreaterThanOrEqual(samples.length / 2);
  });
});

import { describe, expect, it } from 'vitest';
import { checkValue } from '../engine/answer-check.ts';
import { itemsById } from '../engine/mapping.ts';
import { loadBuiltins, loadStartGuide } from '../node/index.ts';

/* The guide names definitions and items of the built-in library: each must exist, each answer fit. */
describe('forms/start/guide.yaml', () => {
  const guide = loadStartGuide();
  const lib = loadBuiltins();
  const def = (id: string) => lib.definitions.find((d) => d.id === id);

  it('pre-fills only answers the named items accept', () => {
    for (const q of guide.questions)
      for (const [id, answers] of [
        ...Object.entries(q.prefill.yes),
        ...Object.entries(q.prefill.no),
      ]) {
        const d = def(id);
        expect(d, id).toBeDefined();
        const items = itemsById(d as NonNullable<typeof d>);
        for (const [item, v] of Object.entries(answers)) {
          const it = items.get(item);
          expect(it, `${id} ${item}`).toBeDefined();
          if (it) expect(checkValue(it, v, (d as NonNullable<typeof d>).scales)).toBeNull();
        }
      }
  });

  it('promotes, carries into and names as primary only definitions and items that exist', () => {
    for (const q of guide.questions) for (const id of q.promote) expect(def(id), id).toBeDefined();
    for (const c of guide.carry)
      for (const [id, item] of Object.entries(c.into)) {
        const d = def(id);
        expect(d && itemsById(d).get(item)?.kind, `${id} ${item}`).toBe('yesno');
      }
    for (const p of guide.primary) expect(def(p.definition), p.definition).toBeDefined();
  });
});

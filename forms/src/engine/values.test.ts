import { describe, expect, it } from 'vitest';
import type { Item } from '../schema/item.ts';
import { allKinds } from '../testing/all-kinds.ts';
import { normalise, reader } from './values.ts';

/*
 * What every kind of answer normalises to, and every answer that does not fit its item
 * (wrong type, unknown option, repeated choice, out of range, not a calendar date): the
 * engine never throws on bad input, it reads such an answer as missing.
 */

const items = new Map(allKinds.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
const item = (id: string) => items.get(id) as Item;
const n = (id: string, raw: unknown) => normalise(item(id), raw, allKinds.scales);
const bounded = {
  id: 'k.bounded',
  kind: 'number',
  prompt: 'x',
  min: 1,
  max: 10,
  integer: true,
  citations: [],
} as unknown as Item;

describe('normalise', () => {
  it('missing is missing for every kind', () => {
    for (const id of items.keys()) {
      expect(n(id, undefined), id).toBeUndefined();
      expect(n(id, null), id).toBeUndefined();
    }
  });

  it('yes/no, single and scale take only their own values', () => {
    expect(n('k.yesno', true)).toBe(true);
    expect(n('k.yesno', false)).toBe(false);
    expect(n('k.yesno', 'true')).toBeUndefined();
    expect(n('k.single', 'full')).toBe('full');
    expect(n('k.single', 'half')).toBeUndefined();
    expect(n('k.single', 2)).toBeUndefined();
    expect(n('k.scale', 0)).toBe(0);
    expect(n('k.scale', 2)).toBe(2);
    expect(n('k.scale', 3)).toBeUndefined();
    expect(n('k.scale', '2')).toBeUndefined();
    const unknownScale = { ...item('k.scale'), scale: 'nope' } as Item;
    expect(normalise(unknownScale, 1, allKinds.scales)).toBeUndefined();
  });

  it('multiple choice: a list of distinct known options, possibly empty', () => {
    expect(n('k.multi', ['b', 'a'])).toEqual(['b', 'a']);
    expect(n('k.multi', [])).toEqual([]);
    expect(n('k.multi', ['a', 'a'])).toBeUndefined();
    expect(n('k.multi', ['a', 'c'])).toBeUndefined();
    expect(n('k.multi', ['a', 1])).toBeUndefined();
    expect(n('k.multi', 'a')).toBeUndefined();
  });

  it('numbers: finite, whole where integer, within min and max (inclusive)', () => {
    expect(n('k.number', 4235.5)).toBe(4235.5);
    expect(n('k.number', -1)).toBe(-1);
    expect(n('k.number', Number.NaN)).toBeUndefined();
    expect(n('k.number', Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(n('k.number', '5')).toBeUndefined();
    const b = (raw: unknown) => normalise(bounded, raw, {});
    expect(b(1)).toBe(1);
    expect(b(10)).toBe(10);
    expect(b(0)).toBeUndefined();
    expect(b(11)).toBeUndefined();
    expect(b(2.5)).toBeUndefined();
  });

  it('dates must be calendar dates', () => {
    expect(n('k.date', '2024-02-29')).toBe('2024-02-29');
    expect(n('k.date', '2025-02-29')).toBeUndefined();
    expect(n('k.date', 20240229)).toBeUndefined();
    // A list holding a date reads as that date to a regular expression (it is coerced to
    // the string '2024-02-29'); it is still no date answer.
    expect(n('k.date', ['2024-02-29'])).toBeUndefined();
  });

  it('text and evidence become "given" (true) or missing; computed items are never answered', () => {
    expect(n('k.text', '按年度执行')).toBe(true);
    expect(n('k.text', '   ')).toBeUndefined();
    expect(n('k.evidence', { files: [{ id: 'f1', name: 'a.pdf' }] })).toBe(true);
    expect(n('k.evidence', { files: [] })).toBeUndefined();
    expect(n('k.computed', 5)).toBeUndefined();
  });
});

describe('reader', () => {
  it('reads single and scale answers as normalise does, and every other kind through it', () => {
    const single = reader(item('k.single'), allKinds.scales);
    expect(single('none')).toBe('none');
    expect(single('half')).toBeUndefined();
    expect(single(1)).toBeUndefined();
    const scale = reader(item('k.scale'), allKinds.scales);
    expect(scale(1)).toBe(1);
    expect(scale(5)).toBeUndefined();
    expect(scale('1')).toBeUndefined();
    expect(
      reader({ ...item('k.scale'), scale: 'nope' } as Item, allKinds.scales)(1),
    ).toBeUndefined();
    const multi = reader(item('k.multi'), allKinds.scales);
    expect(multi(['a'])).toEqual(['a']);
    expect(multi(['a', 'a'])).toBeUndefined();
    expect(reader(item('k.yesno'), allKinds.scales)('yes')).toBeUndefined();
  });
});

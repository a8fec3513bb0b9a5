import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { fixture } from '../testing/fixture.ts';
import { checkDefinition } from './check.ts';

describe('checkDefinition: a date inside a derived value', () => {
  it('may be read by elapsed nested in arithmetic, not bare', () => {
    const def = Definition.parse({
      ...structuredClone(fixture),
      derived: [
        ...fixture.derived,
        {
          id: 'd.years',
          label: '运行年数',
          expr: { op: 'div', args: [{ op: 'elapsed', ref: 'p.started', unit: 'month' }, 12] },
        },
        { id: 'd.bad', label: '日期加一', expr: { op: 'add', args: [{ ref: 'p.started' }, 1] } },
      ],
    });
    const mismatches = checkDefinition(def)
      .filter((p) => p.code === 'type_mismatch')
      .map((p) => p.path.join('.'));
    // d.months (index 0) and d.years (index 1) read the date through elapsed; d.bad (2) does not.
    expect(mismatches).toEqual(['derived.2.expr']);
  });

  it('a date read by elapsed does not excuse another date read bare', () => {
    const def = Definition.parse({
      ...structuredClone(fixture),
      sections: [
        {
          ...structuredClone(fixture.sections[0]),
          items: [
            ...structuredClone(fixture.sections[0]?.items ?? []),
            { id: 'p.certified', kind: 'date', prompt: '获证日期' },
          ],
        },
        ...structuredClone(fixture.sections.slice(1)),
      ],
      derived: [
        {
          id: 'd.mixed',
          label: '混合',
          expr: {
            op: 'add',
            args: [{ op: 'elapsed', ref: 'p.certified', unit: 'month' }, { ref: 'p.started' }],
          },
        },
      ],
      gates: [],
      tiers: [{ id: 't', label: 'T' }],
    });
    const mismatches = checkDefinition(def)
      .filter((p) => p.code === 'type_mismatch')
      .map((p) => [p.path.join('.'), p.message]);
    expect(mismatches).toEqual([
      ['derived.0.expr', 'the date "p.started" can only be used in elapsed'],
    ]);
  });

  it('a date read by elapsed does not excuse the same date read bare beside it', () => {
    // The bare read has no value at run time (dates are text), so add(…) would never have one.
    const def = Definition.parse({
      ...structuredClone(fixture),
      derived: [
        {
          id: 'd.both',
          label: '两种读法',
          expr: {
            op: 'add',
            args: [{ op: 'elapsed', ref: 'p.started', unit: 'month' }, { ref: 'p.started' }],
          },
        },
      ],
      gates: [],
      tiers: [{ id: 't', label: 'T' }],
    });
    const mismatches = checkDefinition(def)
      .filter((p) => p.code === 'type_mismatch')
      .map((p) => [p.path.join('.'), p.message]);
    expect(mismatches).toEqual([
      ['derived.0.expr', 'the date "p.started" can only be used in elapsed'],
    ]);
  });
});

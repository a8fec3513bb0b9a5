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
});

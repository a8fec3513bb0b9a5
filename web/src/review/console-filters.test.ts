import { compile, Definition, score } from '@zhiping/forms';
import { describe, expect, it } from 'vitest';
import { definition } from '../test/fixture.ts';
import { bulkAgreeable, gateItemIds, matches, progressOf } from './console-filters.ts';
import { consoleOf, judgement } from './console-fixture.ts';

const c = compile(definition);
const result = score(c, { 'p.make': true, 'm.policy': true, 'm.records': 1 });
const base = consoleOf(result).items;
const [first, second, third] = base;
if (!first || !second || !third) throw new Error('fixture too small');

describe('progress 已评 x/N', () => {
  it('counts applicable items judged this round; 待复核 is not judged', () => {
    const items = [
      { ...first, applicable: true, mine: judgement(first.item) },
      { ...second, applicable: true, mine: judgement(second.item, { state: 'needs-recheck' }) },
      { ...third, applicable: true },
    ];
    expect(progressOf(items)).toEqual({ judged: 1, total: 3, recheck: 1 });
  });

  it('leaves out items that do not apply', () => {
    const items = [
      { ...first, applicable: false, mine: judgement(first.item) },
      { ...second, applicable: true },
    ];
    expect(progressOf(items)).toEqual({ judged: 0, total: 1, recheck: 0 });
  });
});

describe('filters', () => {
  const ctx = { hasEvidence: (id: string) => id === second.item, gateItems: new Set([third.item]) };
  it('changed, overridden (the applying judgement), evidence, gates, not judged', () => {
    const changed = {
      ...first,
      changed: { before: 1, after: 2, evidenceAdded: [], evidenceRemoved: [] },
    };
    const overridden = {
      ...second,
      mine: judgement(second.item, { verdict: 'override', status: 'unmet' }),
    };
    // The lead settled on agree: the item is no longer overridden, whatever my own judgement says.
    const settled = { ...overridden, final: judgement(second.item) };
    expect(matches('changed', changed, ctx)).toBe(true);
    expect(matches('changed', first, ctx)).toBe(false);
    expect(matches('overridden', overridden, ctx)).toBe(true);
    expect(matches('overridden', settled, ctx)).toBe(false);
    expect(matches('evidence', second, ctx)).toBe(true);
    expect(matches('evidence', first, ctx)).toBe(false);
    expect(matches('gates', third, ctx)).toBe(true);
    expect(matches('todo', overridden, ctx)).toBe(false);
    expect(matches('todo', { ...first, applicable: true }, ctx)).toBe(true);
  });

  it('unmet: what the respondent said is not (fully) met', () => {
    expect(
      matches(
        'unmet',
        { ...first, selfStatus: 'partial' },
        { hasEvidence: () => false, gateItems: new Set() },
      ),
    ).toBe(true);
    expect(
      matches(
        'unmet',
        { ...first, selfStatus: 'met' },
        { hasEvidence: () => false, gateItems: new Set() },
      ),
    ).toBe(false);
  });
});

describe('bulk agree', () => {
  it('takes only applicable items I have not judged and whose answer did not change', () => {
    const items = [
      { ...first, applicable: true },
      { ...second, applicable: true, mine: judgement(second.item, { state: 'needs-recheck' }) },
      {
        ...third,
        applicable: true,
        changed: { before: null, after: 1, evidenceAdded: [], evidenceRemoved: [] },
      },
    ];
    expect(bulkAgreeable(items)).toEqual([first.item]);
  });
});

describe('gate items', () => {
  it('are the items a gate reads, directly or through derived values', () => {
    const gated = compile(
      Definition.parse({
        ...definition,
        gates: [
          {
            id: 'g.staff',
            kind: 'eligibility',
            title: '有专职人员',
            failMessage: '须有专职人员',
            condition: { op: 'gte', ref: 'p.staff', value: 1 },
          },
        ],
      }),
    );
    expect(gateItemIds(gated)).toEqual(new Set(['p.staff']));
    expect(gateItemIds(c)).toEqual(new Set());
  });
});

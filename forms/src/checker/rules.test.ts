import { describe, expect, it } from 'vitest';
import type { Problem } from '../problem.ts';
import type { Definition } from '../schema/definition.ts';
import type { Expr } from '../schema/expr.ts';
import type { Source } from '../schema/source.ts';
import { fixture } from '../testing/fixture.ts';
import { type CheckContext, checkDefinition, parseDefinitionFile } from './check.ts';

/*
 * One test per rule of checkDefinition, each asserting the exact problems a single
 * change to the fixture adds (code, path, message, severity). The fixture's sections:
 * 0 profile (p.make, p.started, p.penalty), 1 a (a.policy, a.budget), 2 b (sub-sections
 * 0 b1: b1.staff, 1 b2: b2.records), 3 prod (prod.check, visibleWhen p.make); gates
 * 0 g.running, 1 g.no-penalty; tiers base, mid, top; derived d.months; scale maturity.
 */

type Section = Definition['sections'][number];
type Item = Section['items'][number];
const key = (p: Problem) => JSON.stringify(p);
const err = (path: (string | number)[], code: string, message: string): Problem => ({
  path,
  code,
  message,
  severity: 'error',
});
const warn = (path: (string | number)[], code: string, message: string): Problem => ({
  ...err(path, code, message),
  severity: 'warning',
});
const baseline = new Set(checkDefinition(fixture).map(key));
/** The problems a changed fixture has that the fixture itself does not. */
const added = (d: Definition, ctx: CheckContext = {}) =>
  checkDefinition(d, ctx).filter((p) => !baseline.has(key(p)));
const edit = (fn: (d: Definition) => void): Definition => {
  const d = structuredClone(fixture);
  fn(d);
  return d;
};
const section = (d: Definition, i: number) => d.sections[i] as Section;
const sub = (d: Definition, i: number, j: number) => section(d, i).sections[j] as Section;
const item = (s: Section, i: number) => s.items[i] as Item;
const cited = [{ standard: 'gbt29490-2023', clause: '4.1' }];
const yesno = (id: string): Item => ({ id, kind: 'yesno', prompt: id, citations: cited }) as Item;

describe('the fixture', () => {
  it('has warnings only: scored items without a recommendation, then everything uncited', () => {
    // Scored without a recommendation: b1.staff (bands up to 10), b2.records (10), prod.check (10);
    // a.policy and a.budget say what to do; the profile items score nothing.
    const items: [string, string][] = [
      ['p.make', 'sections.0.items.0'],
      ['p.started', 'sections.0.items.1'],
      ['p.penalty', 'sections.0.items.2'],
      ['a.policy', 'sections.1.items.0'],
      ['a.budget', 'sections.1.items.1'],
      ['b1.staff', 'sections.2.sections.0.items.0'],
      ['b2.records', 'sections.2.sections.1.items.0'],
      ['prod.check', 'sections.3.items.0'],
    ];
    const at = (p: string) => p.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x));
    expect(checkDefinition(fixture)).toEqual([
      ...items
        .slice(5)
        .map(([id, p]) =>
          warn(
            at(p),
            'no_recommendation',
            `scored item "${id}" says nothing about what to do when unmet`,
          ),
        ),
      ...items.map(([id, p]) => warn(at(p), 'no_citation', `item "${id}" cites no source`)),
      warn(['gates', 0], 'no_citation', 'gate "g.running" cites no source'),
      warn(['gates', 1], 'no_citation', 'gate "g.no-penalty" cites no source'),
    ]);
  });
});

describe('ids', () => {
  it('a section id used twice', () => {
    const d = edit((d) => {
      d.sections.push({ id: 'a', title: 'x', weight: 1, items: [yesno('e.one')], sections: [] });
    });
    expect(added(d)).toEqual([
      err(['sections', 4, 'id'], 'duplicate_id', '"section:a" is already used by a section'),
    ]);
  });

  it('an item id used twice, and a derived value with an item id', () => {
    const d = edit((d) => {
      sub(d, 2, 0).items.push(yesno('a.policy'));
      d.derived.push({ id: 'b1.staff', label: 'x', expr: 1 });
    });
    expect(added(d)).toEqual([
      err(
        ['sections', 2, 'sections', 0, 'items', 1, 'id'],
        'duplicate_id',
        '"a.policy" is already used by a item',
      ),
      err(['derived', 1, 'id'], 'duplicate_id', '"b1.staff" is already used by a item'),
    ]);
  });

  it('a section and an item may share an id: they are different things', () => {
    const d = edit((d) => {
      section(d, 1).items.push(yesno('b'));
    });
    expect(added(d)).toEqual([]);
  });

  it('gates, tiers, scale levels and options used twice', () => {
    const d = edit((d) => {
      d.gates.push({ ...(d.gates[0] as Definition['gates'][number]), citations: cited });
      d.tiers.push({ id: 'mid', label: 'x', minScore: 60, gates: [] });
      d.scales.maturity?.push({ value: 1, label: 'x', fraction: 0.5 });
      const budget = item(section(d, 1), 1);
      if (budget.kind === 'single') budget.options.push({ id: 'some', label: 'x', points: 1 });
    });
    expect(added(d)).toEqual([
      err(['gates', 2], 'duplicate_id', 'duplicate gate "g.running"'),
      err(['tiers', 3], 'duplicate_id', 'duplicate tier "mid"'),
      err(['scales', 'maturity', 3], 'duplicate_id', 'duplicate scale level "1"'),
      err(['sections', 1, 'items', 1, 'options', 3], 'duplicate_id', 'duplicate option "some"'),
    ]);
  });
});

describe('sections', () => {
  it('a section with both items and sub-sections', () => {
    const d = edit((d) => {
      section(d, 2).items.push(yesno('b.extra'));
    });
    expect(added(d)).toEqual([
      err(
        ['sections', 2],
        'mixed_section',
        'section "b" has both items and sub-sections; move its items into a sub-section',
      ),
    ]);
  });

  it('a section with neither', () => {
    const d = edit((d) => {
      d.sections.push({ id: 'e', title: 'x', weight: 1, items: [], sections: [] });
    });
    expect(added(d)).toEqual([err(['sections', 4], 'empty_section', 'section "e" has no items')]);
  });
});

describe('items', () => {
  it('a scale item naming an unknown scale, listing the scales there are', () => {
    const d = edit((d) => {
      const records = item(sub(d, 2, 1), 0);
      if (records.kind === 'scale') records.scale = 'nope';
    });
    expect(added(d)).toContainEqual(
      err(
        ['sections', 2, 'sections', 1, 'items', 0, 'scale'],
        'unknown_ref',
        'unknown scale "nope" (defined: maturity)',
      ),
    );
    const none = edit((d) => {
      d.scales = {};
    });
    expect(added(none)).toContainEqual(
      err(
        ['sections', 2, 'sections', 1, 'items', 0, 'scale'],
        'unknown_ref',
        'unknown scale "maturity" (defined: none)',
      ),
    );
  });

  it('a computed item that names no derived value', () => {
    const computed = (value: string) =>
      edit((d) => {
        section(d, 0).items.push({
          id: 'p.months',
          kind: 'computed',
          value,
          prompt: 'x',
          citations: cited,
        } as Item);
      });
    expect(added(computed('d.months'))).toEqual([]);
    expect(added(computed('a.policy'))).toEqual([
      err(['sections', 0, 'items', 3, 'value'], 'unknown_ref', '"a.policy" is not a derived value'),
    ]);
  });

  it('a number whose min is above its max (equal is fine)', () => {
    const range = (min: number | undefined, max: number | undefined) =>
      edit((d) => {
        const staff = item(sub(d, 2, 0), 0);
        if (staff.kind === 'number') Object.assign(staff, { min, max });
      });
    expect(added(range(5, 1))).toEqual([
      err(
        ['sections', 2, 'sections', 0, 'items', 0, 'min'],
        'invalid_range',
        'min 5 is above max 1',
      ),
    ]);
    expect(added(range(3, 3))).toEqual([]);
    expect(added(range(5, undefined))).toEqual([]);
    expect(added(range(undefined, -1))).toEqual([]);
  });

  it('a scored item without a recommendation is a warning; an unscored one is not', () => {
    const d = edit((d) => {
      delete item(section(d, 1), 0).recommendation;
      section(d, 1).items.push(yesno('a.note'));
    });
    expect(added(d)).toEqual([
      warn(
        ['sections', 1, 'items', 0],
        'no_recommendation',
        'scored item "a.policy" says nothing about what to do when unmet',
      ),
    ]);
  });
});

describe('conditions, wherever they stand', () => {
  it('section visibleWhen, requiredWhen and tier requires are all checked', () => {
    const d = edit((d) => {
      section(d, 3).visibleWhen = { op: 'eq', ref: 'p.nope', value: true };
      item(sub(d, 2, 1), 0).requiredWhen = { op: 'eq', ref: 'p.make', value: 'yes' };
      (d.tiers[1] as Definition['tiers'][number]).requires = { op: 'gt', ref: 'p.make', value: 1 };
    });
    expect(added(d)).toEqual([
      err(
        ['sections', 2, 'sections', 1, 'items', 0, 'requiredWhen', 'value'],
        'type_mismatch',
        '"p.make" is yes/no: compare with true or false',
      ),
      err(
        ['sections', 3, 'visibleWhen', 'ref'],
        'unknown_ref',
        'unknown item or derived value "p.nope"',
      ),
      err(
        ['tiers', 1, 'requires', 'op'],
        'type_mismatch',
        '"gt" needs a number or date; "p.make" is neither',
      ),
    ]);
  });
});

describe('derived values', () => {
  const derived = (expr: Expr) =>
    edit((d) => {
      d.derived.push({ id: 'd.x', label: 'x', expr });
    });
  const at = ['derived', 1, 'expr'];

  it('read numbers: number, scale, computed items and other derived values', () => {
    for (const ref of ['b1.staff', 'b2.records', 'd.months'])
      expect(added(derived({ ref })), ref).toEqual([]);
    expect(added(derived({ op: 'add', args: [{ ref: 'b1.staff' }, 2] }))).toEqual([]);
  });

  it('an unknown reference, and one that is not a number', () => {
    expect(added(derived({ op: 'mul', args: [{ ref: 'b9' }, { ref: 'a.budget' }] }))).toEqual([
      err(at, 'unknown_ref', 'unknown item or derived value "b9"'),
      err(at, 'type_mismatch', '"a.budget" is single, not a number'),
    ]);
    expect(added(derived({ ref: 'a.policy' }))).toEqual([
      err(at, 'type_mismatch', '"a.policy" is yesno, not a number'),
    ]);
  });

  it('a date only through elapsed or monthsSince, at any depth', () => {
    const asDate = [
      { op: 'monthsSince', ref: 'p.started' },
      { op: 'elapsed', ref: 'p.started', unit: 'day' },
      { op: 'per10k', value: { op: 'monthsSince', ref: 'p.started' }, population: 2 },
      { op: 'per10k', value: 2, population: { op: 'monthsSince', ref: 'p.started' } },
      { op: 'growth', current: 1, previous: { op: 'elapsed', ref: 'p.started', unit: 'year' } },
      { op: 'growth', current: { op: 'monthsSince', ref: 'p.started' }, previous: 1 },
      { op: 'cagr', current: { op: 'monthsSince', ref: 'p.started' }, base: 1, years: 2 },
      { op: 'cagr', current: 1, base: { op: 'monthsSince', ref: 'p.started' }, years: 2 },
      {
        op: 'max',
        args: [
          1,
          { op: 'sub', args: [{ ref: 'b1.staff' }, { op: 'monthsSince', ref: 'p.started' }] },
        ],
      },
    ] as Expr[];
    for (const e of asDate) expect(added(derived(e)), JSON.stringify(e)).toEqual([]);
    const raw = [
      { ref: 'p.started' },
      { op: 'add', args: [1, { ref: 'p.started' }] },
      { op: 'per10k', value: { ref: 'p.started' }, population: 2 },
      { op: 'per10k', value: 2, population: { ref: 'p.started' } },
      { op: 'growth', current: { ref: 'p.started' }, previous: 1 },
      { op: 'growth', current: 1, previous: { ref: 'p.started' } },
      { op: 'cagr', current: { ref: 'p.started' }, base: 1, years: 2 },
      { op: 'cagr', current: 1, base: { ref: 'p.started' }, years: 2 },
    ] as Expr[];
    for (const e of raw)
      expect(added(derived(e)), JSON.stringify(e)).toEqual([
        err(at, 'type_mismatch', 'the date "p.started" can only be used in elapsed'),
      ]);
  });
});

describe('cycles', () => {
  it('names the loop in order', () => {
    const d = edit((d) => {
      item(section(d, 1), 0).visibleWhen = { op: 'eq', ref: 'd.loop', value: 1 };
      d.derived.push({
        id: 'd.loop',
        label: 'x',
        expr: { op: 'add', args: [{ ref: 'a.budget' }, 1] },
      });
      item(section(d, 1), 1).visibleWhen = { op: 'eq', ref: 'a.policy', value: true };
    });
    // a.budget is single: reading it in a sum is a type error as well.
    const out = added(d);
    expect(out.filter((p) => p.code === 'cycle')).toHaveLength(1);
    const cycle = out.find((p) => p.code === 'cycle') as Problem;
    expect(cycle.path).toEqual([]);
    expect(cycle.severity).toBe('error');
    // Each arrow reads "depends on": a.policy is shown by d.loop, which sums a.budget, which is
    // shown by a.policy — the same ring from wherever the walk enters it.
    const names = cycle.message.replace('circular dependency: ', '').split(' → ');
    expect(names).toHaveLength(4);
    expect(names[0]).toBe(names[3]);
    const start = ['a.policy', 'd.loop', 'a.budget'].indexOf(names[0] as string);
    expect(start).toBeGreaterThanOrEqual(0);
    const ring = ['a.policy', 'd.loop', 'a.budget', 'a.policy', 'd.loop', 'a.budget'];
    expect(cycle.message).toBe(
      `circular dependency: ${ring.slice(start, start + 3).join(' → ')} → ${ring[start]}`,
    );
  });
});

describe('citations', () => {
  const source = (id: string, kind: Source['kind']): Source => ({
    id,
    kind,
    title: id,
    issuer: 'x',
    date: '2020',
    passages: [],
  });
  const sources = new Map([
    ['gbt29490-2023', source('gbt29490-2023', 'standard')],
    ['notice', source('notice', 'document')],
  ]);

  it('a listed source not in the catalogue', () => {
    const d = edit((d) => {
      d.sources.push('notice', 'nowhere');
    });
    expect(added(d, { sources })).toEqual([
      err(['sources', 2], 'unknown_source', '"nowhere" is not in the source catalogue'),
    ]);
    // Without a catalogue, nothing to check the list against.
    expect(added(d)).toEqual([]);
  });

  it('a cited source not in the catalogue, by standard or by source', () => {
    const d = edit((d) => {
      item(section(d, 1), 0).citations = [{ standard: 'gbt-none', clause: '5.1' }];
      (d.gates[0] as Definition['gates'][number]).citations = [
        { source: 'gbt29490-2023', article: '一' },
        { source: 'lost', article: '二' },
      ];
    });
    expect(added(d, { sources })).toEqual([
      err(
        ['sections', 1, 'items', 0, 'citations', 0, 'standard'],
        'unknown_source',
        '"gbt-none" is not in the source catalogue',
      ),
      err(
        ['gates', 0, 'citations', 0, 'source'],
        'wrong_source_kind',
        '"gbt29490-2023" is a standard: cite it with "standard/clause"',
      ),
      err(
        ['gates', 0, 'citations', 1, 'source'],
        'unknown_source',
        '"lost" is not in the source catalogue',
      ),
    ]);
  });

  it('a document cited as a standard', () => {
    const d = edit((d) => {
      d.sources.push('notice');
      item(section(d, 0), 0).citations = [{ standard: 'notice', clause: '1' }];
    });
    expect(added(d, { sources })).toEqual([
      err(
        ['sections', 0, 'items', 0, 'citations', 0, 'standard'],
        'wrong_source_kind',
        '"notice" is a document: cite it with "source/article"',
      ),
    ]);
  });

  it('a source cited but not listed is a warning, with or without the catalogue', () => {
    const d = edit((d) => {
      item(section(d, 0), 1).citations = [{ source: 'notice', article: '三' }];
    });
    const undeclared = warn(
      ['sections', 0, 'items', 1, 'citations', 0, 'source'],
      'undeclared_source',
      `"notice" is cited but not listed in the definition's sources`,
    );
    expect(added(d, { sources })).toEqual([undeclared]);
    expect(added(d)).toEqual([undeclared]);
    d.sources.push('notice');
    expect(added(d, { sources })).toEqual([]);
  });
});

describe('the remaining edges of each rule', () => {
  it('parses an overlay file as an overlay, anything else as a definition', () => {
    const overlay = parseDefinitionFile({
      id: 'fixture-local',
      version: '1.0.0',
      title: '地方版',
      extends: 'fixture@1.0.0',
    });
    expect(overlay.problems).toEqual([]);
    expect(overlay.file).toMatchObject({ id: 'fixture-local', extends: 'fixture@1.0.0' });
    // A definition with "extends" is still an overlay, and refused as one (sections unknown there).
    expect(
      parseDefinitionFile({ ...structuredClone(fixture), extends: 'fixture@1.0.0' }).problems
        .length,
    ).toBeGreaterThan(0);
    expect(parseDefinitionFile(structuredClone(fixture)).problems).toEqual([]);
    for (const raw of [null, 'extends', ['extends'], 7])
      expect(parseDefinitionFile(raw).file, JSON.stringify(raw)).toBeNull();
  });

  it('names a derived value that repeats another, duplicate multi options and both scales', () => {
    const d = edit((d) => {
      d.derived.push({ id: 'd.months', label: 'x', expr: 1 });
      d.scales.extra = [
        { value: 0, label: 'a', fraction: 0 },
        { value: 1, label: 'b', fraction: 1 },
      ];
      const records = item(sub(d, 2, 1), 0);
      if (records.kind === 'scale') records.scale = 'nope';
      section(d, 0).items.push({
        id: 'p.kinds',
        kind: 'multi',
        prompt: 'x',
        citations: cited,
        options: [
          { id: 'a', label: 'a', points: 0 },
          { id: 'a', label: 'b', points: 0 },
        ],
      } as Item);
    });
    expect(added(d)).toEqual(
      expect.arrayContaining([
        err(['derived', 1, 'id'], 'duplicate_id', '"d.months" is already used by a derived value'),
        err(['sections', 0, 'items', 3, 'options', 1], 'duplicate_id', 'duplicate option "a"'),
        err(
          ['sections', 2, 'sections', 1, 'items', 0, 'scale'],
          'unknown_ref',
          'unknown scale "nope" (defined: maturity, extra)',
        ),
      ]),
    );
  });

  it('a derived value may read a computed item', () => {
    const d = edit((d) => {
      section(d, 0).items.push({
        id: 'p.m',
        kind: 'computed',
        value: 'd.months',
        prompt: 'x',
        citations: cited,
      } as Item);
      d.derived.push({ id: 'd.y', label: 'y', expr: { op: 'add', args: [{ ref: 'p.m' }, 1] } });
    });
    expect(added(d)).toEqual([]);
  });

  it('without a catalogue, thresholds are not checked; a standard cited as one is fine', () => {
    const held = edit((d) => {
      (d.gates[0] as Definition['gates'][number]).citations = [
        { source: 'gbt29490-2023', article: '一' },
      ];
    });
    expect(added(held)).toEqual([]);
    const std = edit((d) => {
      item(section(d, 1), 0).citations = [{ standard: 'gbt29490-2023', clause: '5.1' }];
    });
    const sources = new Map([
      [
        'gbt29490-2023',
        {
          id: 'gbt29490-2023',
          kind: 'standard' as const,
          title: 't',
          issuer: 'x',
          date: '2023',
          passages: [],
        },
      ],
    ]);
    expect(added(std, { sources })).toEqual([]);
  });
});

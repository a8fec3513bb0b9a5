import { describe, expect, it } from 'vitest';
import type { Definition } from '../schema/definition.ts';
import type { Source } from '../schema/source.ts';
import { fixture } from '../testing/fixture.ts';
import { checkDefinition, parseDefinitionFile } from './check.ts';

const errors = (d: Definition, sources?: Map<string, Source>) =>
  checkDefinition(d, sources ? { sources } : {}).filter((p) => p.severity === 'error');
const edit = (fn: (d: Definition) => void): Definition => {
  const d = structuredClone(fixture);
  fn(d);
  return d;
};
const sectionA = (d: Definition) => d.sections[1] as Definition['sections'][number];

describe('checkDefinition', () => {
  it('accepts the fixture', () => {
    expect(errors(fixture)).toEqual([]);
  });

  it('lists every schema problem of a raw definition at once, with its path', () => {
    const { file, problems } = parseDefinitionFile({
      id: 'Bad Id',
      version: '1',
      family: 'nope',
      title: '',
      audience: ['enterprise'],
      sections: [{ id: 's', title: 'S', items: [{ id: 'x', kind: 'slider', prompt: 'p' }] }],
      tiers: [],
    });
    expect(file).toBeNull();
    const paths = problems.map((p) => p.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'id',
        'version',
        'family',
        'title',
        'sections.0.items.0.kind',
        'tiers',
      ]),
    );
  });

  it('rejects duplicate ids across items and derived values', () => {
    const d = edit((d) => {
      d.derived.push({ id: 'a.policy', label: 'x', expr: 1 });
    });
    expect(errors(d)).toContainEqual(
      expect.objectContaining({ code: 'duplicate_id', path: ['derived', 1, 'id'] }),
    );
  });

  it('rejects unknown references and type mismatches in conditions', () => {
    const d = edit((d) => {
      const [policy, budget] = sectionA(d).items;
      if (policy) policy.visibleWhen = { op: 'eq', ref: 'p.nothing', value: true };
      if (budget) budget.visibleWhen = { op: 'eq', ref: 'a.policy', value: 'yes' };
      d.gates.push({
        id: 'g.x',
        title: 'x',
        kind: 'eligibility',
        condition: { op: 'eq', ref: 'a.budget', value: 'plenty' },
        failMessage: 'x',
        citations: [],
      });
      d.gates.push({
        id: 'g.y',
        title: 'y',
        kind: 'eligibility',
        condition: { op: 'gt', ref: 'a.policy', value: 1 },
        failMessage: 'y',
        citations: [],
      });
    });
    const codes = errors(d).map((p) => [p.code, p.path.join('.')]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['unknown_ref', 'sections.1.items.0.visibleWhen.ref'],
        ['type_mismatch', 'sections.1.items.1.visibleWhen.value'],
        ['type_mismatch', 'gates.2.condition.value'],
        ['type_mismatch', 'gates.3.condition.op'],
      ]),
    );
  });

  it('rejects cycles among conditions and derived values', () => {
    const d = edit((d) => {
      const [policy, budget] = sectionA(d).items;
      if (policy) policy.visibleWhen = { op: 'eq', ref: 'a.budget', value: 'full' };
      if (budget) budget.visibleWhen = { op: 'eq', ref: 'a.policy', value: true };
    });
    const cycle = errors(d).find((p) => p.code === 'cycle');
    expect(cycle?.message).toMatch(/a\.(policy|budget) → a\.(budget|policy) → a\.\1/);
  });

  it('rejects tiers that can never be reached', () => {
    const d = edit((d) => {
      d.gates.push({
        id: 'g.penalised',
        title: 'x',
        kind: 'eligibility',
        condition: { op: 'eq', ref: 'p.penalty', value: true },
        failMessage: 'x',
        citations: [],
      });
      d.tiers.push({ id: 'impossible', label: '不可能', minScore: 90, gates: ['g.penalised'] }); // mid needs penalty = false
      d.tiers.push({ id: 'over', label: '超过', minScore: 120, gates: [] });
    });
    const unreachable = errors(d)
      .filter((p) => p.code === 'unreachable_tier')
      .map((p) => p.path.join('.'));
    expect(unreachable).toEqual(expect.arrayContaining(['tiers.3', 'tiers.4.minScore']));
    expect(errors(d).find((p) => p.path.join('.') === 'tiers.3')?.message).toContain('p.penalty');
  });

  it('rejects unknown citation sources and a section mixing items and sub-sections', () => {
    const d = edit((d) => {
      sectionA(d).items[0]?.citations.push({ standard: 'gbt-nothing', clause: '5.1' });
      sectionA(d).sections.push({ id: 'a.sub', title: 'x', weight: 1, items: [], sections: [] });
    });
    const sources = new Map<string, Source>([
      [
        'gbt29490-2023',
        {
          id: 'gbt29490-2023',
          kind: 'standard',
          title: 't',
          issuer: 'i',
          date: '2023',
          passages: [],
        },
      ],
    ]);
    const codes = errors(d, sources).map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining(['unknown_source', 'mixed_section', 'empty_section']),
    );
  });

  it('warns, without failing, about items and gates that cite nothing', () => {
    const warnings = checkDefinition(fixture).filter((p) => p.severity === 'warning');
    expect(warnings.some((w) => w.code === 'no_citation' && w.path.join('.') === 'gates.0')).toBe(
      true,
    );
  });
});

describe('gates that cannot act', () => {
  const gate = (id: string, kind: 'veto' | 'eligibility') => ({
    id,
    title: id,
    kind,
    condition: { op: 'eq' as const, ref: 'a.policy', value: true },
    failMessage: 'x',
    citations: [],
  });
  it('rejects an eligibility gate that no tier names', () => {
    const d = edit((d) => {
      d.gates.push(gate('g.orphan', 'eligibility'));
    });
    expect(errors(d)).toContainEqual(
      expect.objectContaining({ code: 'unused_gate', path: ['gates', d.gates.length - 1, 'id'] }),
    );
  });
  it('accepts a veto no tier names: the engine applies it to every tier above the lowest', () => {
    const d = edit((d) => {
      d.gates.push(gate('g.veto', 'veto'));
    });
    expect(errors(d)).toEqual([]);
  });
  it('rejects a veto made a condition of the lowest tier, and a veto with one tier', () => {
    const onLowest = edit((d) => {
      d.gates.push(gate('g.veto', 'veto'));
      (d.tiers[0] as Definition['tiers'][number]).gates = ['g.veto'];
    });
    expect(errors(onLowest)).toContainEqual(
      expect.objectContaining({ code: 'veto_without_effect', path: ['tiers', 0, 'gates', 0] }),
    );
    const oneTier = edit((d) => {
      d.gates.push(gate('g.veto', 'veto'));
      d.tiers = d.tiers.slice(0, 1).map((t) => ({ ...t, gates: [] }));
      d.gates = d.gates.filter((g) => g.kind === 'veto');
    });
    expect(errors(oneTier)).toContainEqual(
      expect.objectContaining({ code: 'veto_without_effect', path: ['gates', 0, 'kind'] }),
    );
  });
});

describe('gates over inputs that can be hidden', () => {
  it('must say what a hidden input means', () => {
    const d = edit((d) => {
      d.gates.push({
        id: 'g.make-check',
        title: 'x',
        kind: 'eligibility',
        condition: { op: 'eq', ref: 'prod.check', value: true },
        failMessage: 'x',
        citations: [],
      });
      (d.tiers[2] as Definition['tiers'][number]).gates.push('g.make-check');
    });
    expect(errors(d)).toContainEqual(
      expect.objectContaining({ code: 'hidden_input', path: ['gates', 2, 'id'] }),
    );
    (d.gates[2] as Definition['gates'][number]).whenNotApplicable = 'fail';
    expect(errors(d)).toEqual([]);
  });
});

describe('thresholds cited to passages that do not state them', () => {
  const src = (id: string, file?: string): Source => ({
    id,
    kind: 'document',
    title: id,
    issuer: 'x',
    date: '2020',
    passages: [],
    ...(file ? { file } : {}),
  });
  const sources = new Map([
    ['held', src('held', 'held.txt')],
    ['scheme', src('scheme')],
  ]);
  const withGate = (citations: Definition['gates'][number]['citations'], value = 0.02) =>
    edit((d) => {
      d.sources.push('held', 'scheme');
      d.gates.push({
        id: 'g.ratio',
        title: 'x',
        kind: 'eligibility',
        condition: { op: 'gte', ref: 'b1.staff', value },
        failMessage: 'x',
        citations,
      });
      (d.tiers[2] as Definition['tiers'][number]).gates.push('g.ratio');
    });
  const warned = (d: Definition) =>
    checkDefinition(d, { sources }).filter((p) => p.code === 'threshold_not_cited');
  it('warns when every citation quotes a held text that lacks the figure', () => {
    expect(warned(withGate([{ source: 'held', article: '一', quote: '加大投入' }]))).toHaveLength(
      1,
    );
  });
  it('is satisfied by a quote with the figure (2 % for 0.02) or by the scheme that sets it', () => {
    expect(warned(withGate([{ source: 'held', article: '一', quote: '不低于2%' }]))).toEqual([]);
    expect(warned(withGate([{ source: 'scheme', article: '申报条件' }]))).toEqual([]);
    expect(warned(withGate([{ source: 'held', article: '一', quote: '满三年' }], 3))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { Overlay } from '../schema/definition.ts';
import { fixture } from '../testing/fixture.ts';
import { resolveOverlay } from './overlay.ts';

/*
 * Each part an overlay can change, and each way a change can name something the base
 * lacks, with the exact problem (path, code, message). The fixture's sections: profile,
 * a, b (b1, b2), prod; gates g.running, g.no-penalty; tiers base, mid, top; derived d.months.
 */

const overlay = (extra: object) =>
  Overlay.parse({
    id: 'fixture-region',
    version: '2.0.0',
    title: '地方版',
    extends: 'fixture@1.0.0',
    ...extra,
  });
const err = (path: (string | number)[], message: string) => ({
  path,
  code: 'unknown_id',
  message,
  severity: 'error',
});

describe('resolveOverlay: the header', () => {
  it('takes id, version and title from the overlay; the rest only when the overlay gives it', () => {
    const plain = resolveOverlay(overlay({}), fixture).definition;
    expect(plain).toMatchObject({
      id: 'fixture-region',
      version: '2.0.0',
      title: '地方版',
      extends: 'fixture@1.0.0',
    });
    expect(plain?.family).toBe(fixture.family);
    expect(plain?.audience).toEqual(fixture.audience);
    expect(plain?.summary).toBe(fixture.summary);
    expect(plain?.validUntil).toBeUndefined();
    const full = resolveOverlay(
      overlay({
        summary: '概要',
        family: 'enterprise-programme',
        audience: ['city'],
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
        supersededBy: 'fixture-next',
        expiredMessage: '已废止',
        sources: ['gbt29490-2023', 'local-notice'],
      }),
      fixture,
    ).definition;
    expect(full).toMatchObject({
      summary: '概要',
      family: 'enterprise-programme',
      audience: ['city'],
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
      supersededBy: 'fixture-next',
      expiredMessage: '已废止',
    });
    // The sources of both, each once.
    expect(full?.sources).toEqual(['gbt29490-2023', 'local-notice']);
  });
});

describe('resolveOverlay: overrides', () => {
  it('patches a nested section, a gate, a tier and a derived value, leaving other fields', () => {
    const { definition, problems } = resolveOverlay(
      overlay({
        override: {
          sections: { b2: { title: '记录', weight: 3 } },
          gates: { 'g.running': { failMessage: '运行未满' } },
          tiers: { mid: { minScore: 55 } },
          derived: { 'd.months': { label: '月数' } },
        },
      }),
      fixture,
    );
    expect(problems).toEqual([]);
    const b2 = definition?.sections[2]?.sections[1];
    expect(b2).toMatchObject({ id: 'b2', title: '记录', weight: 3 });
    expect(b2?.items.map((i) => i.id)).toEqual(['b2.records']);
    expect(definition?.gates[0]).toMatchObject({
      id: 'g.running',
      failMessage: '运行未满',
      title: '体系运行满3个月',
    });
    expect(definition?.tiers[1]).toMatchObject({
      id: 'mid',
      minScore: 55,
      gates: ['g.no-penalty'],
    });
    expect(definition?.derived[0]).toMatchObject({ id: 'd.months', label: '月数', unit: '月' });
  });

  it('names every unknown part it is asked to patch, and refuses invalid patched values', () => {
    const { definition, problems } = resolveOverlay(
      overlay({
        override: {
          sections: { nowhere: { weight: 2 } },
          items: { 'a.nothing': { points: 1 } },
          gates: { 'g.none': { title: 'x' } },
          tiers: { 'no-tier': { minScore: 1 } },
          derived: { 'd.none': { label: 'x' } },
        },
      }),
      fixture,
    );
    expect(definition).toBeNull();
    expect(problems).toEqual([
      err(['override', 'sections', 'nowhere'], 'no section "nowhere" in the base'),
      err(['override', 'items', 'a.nothing'], 'no item "a.nothing" in the base'),
      err(['override', 'gates', 'g.none'], 'no gate "g.none" in the base'),
      err(['override', 'tiers', 'no-tier'], 'no tier "no-tier" in the base'),
      err(['override', 'derived', 'd.none'], 'no derived "d.none" in the base'),
    ]);
    const bad = resolveOverlay(
      overlay({ override: { tiers: { top: { minScore: 'high' } } } }),
      fixture,
    );
    expect(bad.definition).toBeNull();
    expect(bad.problems.map((p) => p.path)).toEqual([['override', 'tiers', 'top', 'minScore']]);
    // A patch cannot rename what it patches.
    const renamed = resolveOverlay(
      overlay({ override: { gates: { 'g.running': { id: 'g.other' } } } }),
      fixture,
    );
    expect(renamed.definition?.gates.map((g) => g.id)).toEqual(['g.running', 'g.no-penalty']);
  });
});

describe('resolveOverlay: removals and additions', () => {
  it('removes sections at any depth, items, gates (also from tiers) and tiers', () => {
    const { definition, problems } = resolveOverlay(
      overlay({
        remove: { sections: ['b2'], items: ['a.budget'], gates: ['g.no-penalty'], tiers: ['top'] },
      }),
      fixture,
    );
    expect(problems).toEqual([]);
    expect(definition?.sections[2]?.sections.map((s) => s.id)).toEqual(['b1']);
    expect(definition?.sections[1]?.items.map((i) => i.id)).toEqual(['a.policy']);
    expect(definition?.gates.map((g) => g.id)).toEqual(['g.running']);
    expect(definition?.tiers.map((t) => [t.id, t.gates])).toEqual([
      ['base', []],
      ['mid', []],
    ]);
  });

  it('names what it cannot remove', () => {
    const { problems } = resolveOverlay(
      overlay({ remove: { sections: ['s.x'], items: ['i.x'], gates: ['g.x'], tiers: ['t.x'] } }),
      fixture,
    );
    expect(problems).toEqual([
      err(['remove', 'items', 'i.x'], 'cannot remove unknown items "i.x"'),
      err(['remove', 'sections', 's.x'], 'cannot remove unknown sections "s.x"'),
      err(['remove', 'gates', 'g.x'], 'cannot remove unknown gates "g.x"'),
      err(['remove', 'tiers', 't.x'], 'cannot remove unknown tiers "t.x"'),
    ]);
  });

  it('adds top-level and nested sections, items, derived values, scales and tiers first or after one', () => {
    const item = { id: 'n.x', kind: 'yesno', points: 5, prompt: '新题？', recommendation: '做' };
    const { definition, problems } = resolveOverlay(
      overlay({
        add: {
          sections: [
            { section: { id: 'new', title: '新', items: [item] } },
            { parent: 'b', section: { id: 'b3', title: '乙三', items: [{ ...item, id: 'b3.x' }] } },
          ],
          items: [{ section: 'b1', item: { ...item, id: 'b1.extra' } }],
          derived: [
            { id: 'd.twice', label: '两倍', expr: { op: 'mul', args: [{ ref: 'b1.staff' }, 2] } },
          ],
          scales: {
            yes2: [
              { value: 0, label: '否', fraction: 0 },
              { value: 1, label: '是', fraction: 1 },
            ],
          },
          tiers: [
            { tier: { id: 'zero', label: '零' } },
            { after: 'mid', tier: { id: 'mid2', label: '中二', minScore: 60 } },
          ],
        },
      }),
      fixture,
    );
    expect(problems).toEqual([]);
    expect(definition?.sections.map((s) => s.id)).toEqual(['profile', 'a', 'b', 'prod', 'new']);
    expect(definition?.sections[2]?.sections.map((s) => s.id)).toEqual(['b1', 'b2', 'b3']);
    expect(definition?.sections[2]?.sections[0]?.items.map((i) => i.id)).toEqual([
      'b1.staff',
      'b1.extra',
    ]);
    expect(definition?.derived.map((d) => d.id)).toEqual(['d.months', 'd.twice']);
    expect(Object.keys(definition?.scales ?? {})).toEqual(['maturity', 'yes2']);
    expect(definition?.tiers.map((t) => t.id)).toEqual(['zero', 'base', 'mid', 'mid2', 'top']);
  });

  it('names a parent, a section or a tier to add to that the base lacks', () => {
    const item = { id: 'n.x', kind: 'yesno', prompt: '新题？' };
    const { definition, problems } = resolveOverlay(
      overlay({
        add: {
          sections: [{ parent: 'zz', section: { id: 'n', title: '新', items: [item] } }],
          items: [{ section: 'yy', item }],
          tiers: [{ after: 'xx', tier: { id: 't', label: 't', minScore: 1 } }],
        },
      }),
      fixture,
    );
    expect(definition).toBeNull();
    expect(problems).toEqual([
      err(['add', 'sections', 0, 'parent'], 'no section "zz" to add to'),
      err(['add', 'items', 0, 'section'], 'no section "yy" to add to'),
      err(['add', 'tiers', 0, 'after'], 'no tier "xx" to add after'),
    ]);
  });
});

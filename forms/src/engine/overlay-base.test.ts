import { describe, expect, it } from 'vitest';
import { Definition, Overlay } from '../schema/definition.ts';
import { fixture } from '../testing/fixture.ts';
import { resolveOverlay } from './overlay.ts';

const overlay = (extra: object) =>
  Overlay.parse({
    id: 'fixture-region',
    version: '2.0.0',
    title: '地方版',
    extends: 'fixture@1.0.0',
    ...extra,
  });

/** The fixture with every optional header field set. */
const base = Definition.parse({
  ...structuredClone(fixture),
  summary: '基础版概要',
  validFrom: '2024-01-01',
  validUntil: '2027-12-31',
  supersededBy: 'fixture-next',
  expiredMessage: '请改用新版',
});

describe('resolveOverlay: what the base keeps', () => {
  it("an overlay that leaves a header field out keeps the base's", () => {
    const d = resolveOverlay(overlay({}), base).definition;
    expect(d).toMatchObject({
      summary: '基础版概要',
      validFrom: '2024-01-01',
      validUntil: '2027-12-31',
      supersededBy: 'fixture-next',
      expiredMessage: '请改用新版',
    });
  });

  it('a section patch with a field left undefined keeps that field', () => {
    // Built in code, not parsed: `title: undefined` is a key with no value.
    const o = overlay({});
    o.override.sections = { a: { weight: 3, title: undefined } };
    const a = resolveOverlay(o, fixture).definition?.sections.find((s) => s.id === 'a');
    expect(a?.title).toBe('甲');
    expect(a?.weight).toBe(3);
  });

  it('a tier can be added after the first tier', () => {
    const d = resolveOverlay(
      overlay({ add: { tiers: [{ after: 'base', tier: { id: 'base-plus', label: '基础+' } }] } }),
      fixture,
    );
    expect(d.problems).toEqual([]);
    expect(d.definition?.tiers.map((t) => t.id)).toEqual(['base', 'base-plus', 'mid', 'top']);
  });

  it('an overlay that leaves the definition invalid gives no definition and says why', () => {
    // Removing every tier is allowed id by id, but a definition needs at least one tier.
    const r = resolveOverlay(overlay({ remove: { tiers: ['base', 'mid', 'top'] } }), fixture);
    expect(r.definition).toBeNull();
    expect(r.problems.map((p) => [p.path.join('.'), p.severity])).toEqual([['tiers', 'error']]);
  });
});

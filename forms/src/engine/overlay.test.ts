import { describe, expect, it } from 'vitest';
import { Overlay } from '../schema/definition.ts';
import { fixture, partlyMet } from '../testing/fixture.ts';
import { resolveOverlay } from './overlay.ts';
import { score } from './score.ts';

const overlay = (extra: object) =>
  Overlay.parse({
    id: 'fixture-region',
    version: '1.0.0',
    title: '地方版',
    extends: 'fixture@1.0.0',
    ...extra,
  });

describe('resolveOverlay', () => {
  it('patches, adds and removes parts by id', () => {
    const { definition, problems } = resolveOverlay(
      overlay({
        override: { tiers: { top: { minScore: 90 } }, items: { 'a.policy': { points: 20 } } },
        add: {
          gates: [
            {
              id: 'g.local',
              title: '本地注册',
              condition: { op: 'eq', ref: 'p.make', value: true },
              failMessage: '须在本地注册',
            },
          ],
          items: [
            {
              section: 'a',
              item: { id: 'a.local', kind: 'yesno', points: 5, prompt: '本地要求？' },
            },
          ],
          tiers: [
            { after: 'top', tier: { id: 'star', label: '示范', minScore: 95, gates: ['g.local'] } },
          ],
        },
        remove: { items: ['prod.check'], gates: ['g.running'] },
      }),
      fixture,
    );
    expect(problems).toEqual([]);
    expect(definition?.extends).toBe('fixture@1.0.0');
    expect(definition?.tiers.map((t) => [t.id, t.minScore, t.gates])).toEqual([
      ['base', 0, []],
      ['mid', 50, ['g.no-penalty']],
      ['top', 90, []], // the removed gate no longer binds it
      ['star', 95, ['g.local']],
    ]);
    const a = definition?.sections.find((s) => s.id === 'a');
    expect(a?.items.map((i) => i.id)).toEqual(['a.policy', 'a.budget', 'a.local']);
    expect(a?.items[0]).toMatchObject({ points: 20, prompt: '有书面方针吗？' });
  });

  it('reports patches of unknown parts and invalid patched values', () => {
    const { definition, problems } = resolveOverlay(
      overlay({
        override: { items: { 'a.nothing': { points: 1 }, 'a.policy': { points: -3 } } },
        remove: { gates: ['g.nothing'] },
      }),
      fixture,
    );
    expect(definition).toBeNull();
    expect(problems.map((p) => p.path.join('.'))).toEqual(
      expect.arrayContaining([
        'override.items.a.nothing',
        'override.items.a.policy.points',
        'remove.gates.g.nothing',
      ]),
    );
  });

  it('leaves the base untouched', () => {
    const before = JSON.stringify(fixture);
    resolveOverlay(overlay({ override: { tiers: { top: { minScore: 99 } } } }), fixture);
    expect(JSON.stringify(fixture)).toBe(before);
  });

  it('scores an overlay that changes a threshold differently from its base', () => {
    const { definition } = resolveOverlay(
      overlay({ override: { tiers: { mid: { minScore: 30 } } } }),
      fixture,
    );
    const answers = partlyMet;
    expect(score(fixture, answers).verdict.tier).toBe('base'); // 33.3 < 50
    expect(definition && score(definition, answers).verdict.tier).toBe('mid'); // 33.3 ≥ 30
  });
});

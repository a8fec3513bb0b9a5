import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { fixture } from '../testing/fixture.ts';
import { diffDefinitions } from './definition-diff.ts';

// biome-ignore lint/suspicious/noExplicitAny: edits reach into the JSON by path, then the schema checks it
type Raw = Record<string, any>;

/** A copy of the fixture as version 2.0.0, changed by `edit` (on plain JSON, then parsed). */
function next(edit: (d: Raw) => void): Definition {
  const raw = JSON.parse(JSON.stringify({ ...fixture, version: '2.0.0' }));
  edit(raw);
  return Definition.parse(raw);
}

describe('diffDefinitions', () => {
  it('finds nothing between a definition and itself (but a new version number)', () => {
    const d = diffDefinitions(
      fixture,
      next(() => {}),
    );
    expect(d.from).toBe('fixture@1.0.0');
    expect(d.to).toBe('fixture@2.0.0');
    for (const part of [d.items, d.sections, d.gates, d.tiers])
      expect([part.added, part.removed, part.changed]).toEqual([[], [], []]);
    expect(d.citations).toEqual({ added: [], removed: [] });
    expect(d.scoringChanged).toBe(false);
  });

  it('lists items added, removed and changed with the fields that differ', () => {
    const d = diffDefinitions(
      fixture,
      next((raw) => {
        const a = raw.sections[1];
        a.items[0].points = 12; // a.policy: more points
        a.items[1].prompt = '年度预算情况？'; // wording only
        a.items.push({ id: 'a.new', kind: 'yesno', prompt: '新增题目？', points: 5 });
        raw.sections[0].items = raw.sections[0].items.filter(
          (i: { id: string }) => i.id !== 'p.penalty',
        );
      }),
    );
    expect(d.items.added).toEqual([{ id: 'a.new', title: '新增题目？', section: 'a' }]);
    expect(d.items.removed.map((i) => i.id)).toEqual(['p.penalty']);
    expect(d.items.changed.map((c) => [c.id, c.changes])).toEqual([
      ['a.policy', [{ field: 'points', from: 10, to: 12 }]],
      ['a.budget', [{ field: 'prompt', from: '预算情况？', to: '年度预算情况？' }]],
    ]);
    expect(d.scoringChanged).toBe(true);
  });

  it('tells a wording-only change from one that changes scores', () => {
    const d = diffDefinitions(
      fixture,
      next((raw) => {
        raw.sections[1].items[1].prompt = '预算？';
      }),
    );
    expect(d.items.changed).toHaveLength(1);
    expect(d.scoringChanged).toBe(false);
  });

  it('reports section weights, tier thresholds and gate conditions', () => {
    const d = diffDefinitions(
      fixture,
      next((raw) => {
        raw.sections[1].weight = 3;
        raw.tiers[1].minScore = 55;
        raw.gates[0].kind = raw.gates[0].kind === 'veto' ? 'eligibility' : 'veto';
      }),
    );
    expect(d.sections.changed).toEqual([
      { id: 'a', title: '甲', changes: [{ field: 'weight', from: 2, to: 3 }] },
    ]);
    expect(d.tiers.changed[0]?.changes).toEqual([{ field: 'minScore', from: 50, to: 55 }]);
    expect(d.gates.changed[0]?.changes.map((c) => c.field)).toEqual(['kind']);
    expect(d.scoringChanged).toBe(true);
  });

  it('lists citations added and removed per item, not those of new items', () => {
    const cite = { standard: 'gbt29490-2023', clause: '5.2' };
    const withCite = next((raw) => {
      raw.sections[1].items[0].citations = [cite];
      raw.sections[1].items.push({
        id: 'a.cited',
        kind: 'yesno',
        prompt: '新题',
        citations: [cite],
      });
    });
    const d = diffDefinitions(fixture, withCite);
    expect(d.citations.added).toEqual([
      { owner: { id: 'a.policy', title: '有书面方针吗？', kind: 'item' }, citation: cite },
    ]);
    expect(d.items.changed).toEqual([]);
    const back = diffDefinitions(withCite, fixture);
    expect(back.citations.removed.map((c) => c.owner.id)).toEqual(['a.policy']);
    expect(back.items.removed.map((i) => i.id)).toEqual(['a.cited']);
  });
});

import { itemsWithPaths, sectionsWithPaths } from '../checker/walk.ts';
import { canonicalJson } from '../engine/hash.ts';
import type { Citation } from '../schema/citation.ts';
import type { Text } from '../schema/common.ts';
import type { Definition } from '../schema/definition.ts';

/*
 * What changed between two versions of a definition, for the admin's
 * definitions page: items, section weights, gates and tiers added, removed
 * or changed (field by field), and citations added or removed per item or
 * gate. Compares resolved definitions (overlays applied), by id.
 */

/** One field that differs; `from`/`to` are the values as the definitions hold them. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface Named {
  id: string;
  title: Text;
}

export interface Changed extends Named {
  changes: FieldChange[];
}

export interface CitationChange {
  /** The item or gate citing. */
  owner: Named & { kind: 'item' | 'gate' };
  citation: Citation;
}

export interface Delta<T = Named> {
  added: T[];
  removed: T[];
  changed: Changed[];
}

export interface DefinitionDiff {
  from: string;
  to: string;
  items: Delta<Named & { section: string }>;
  sections: Delta;
  gates: Delta;
  tiers: Delta;
  citations: { added: CitationChange[]; removed: CitationChange[] };
  /** Whether anything a score, gate or verdict reads changed (text-only edits do not count). */
  scoringChanged: boolean;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Fields that differ, in the order the newer object lists them, leaving out `skip`. */
function fieldChanges(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  skip: readonly string[],
): FieldChange[] {
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !skip.includes(k),
  );
  return keys.filter((k) => !same(a[k], b[k])).map((k) => ({ field: k, from: a[k], to: b[k] }));
}

function delta<T extends { id: string }, N extends Named>(
  a: T[],
  b: T[],
  named: (x: T) => N,
  skip: readonly string[] = [],
): Delta<N> {
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Map(b.map((x) => [x.id, x]));
  const changed: Changed[] = [];
  for (const [id, y] of after) {
    const x = before.get(id);
    if (!x) continue;
    const changes = fieldChanges({ ...x }, { ...y }, skip);
    if (changes.length > 0) changed.push({ ...named(y), changes });
  }
  return {
    added: b.filter((x) => !before.has(x.id)).map(named),
    removed: a.filter((x) => !after.has(x.id)).map(named),
    changed,
  };
}

function citationDelta(
  owners: { id: string; title: Text; kind: 'item' | 'gate'; citations: Citation[] }[][],
): DefinitionDiff['citations'] {
  const [a = [], b = []] = owners;
  const out: DefinitionDiff['citations'] = { added: [], removed: [] };
  const byId = (xs: typeof a) => new Map(xs.map((x) => [`${x.kind}:${x.id}`, x]));
  const before = byId(a);
  const after = byId(b);
  const diff = (
    from: Map<string, (typeof a)[number]>,
    to: Map<string, (typeof a)[number]>,
    into: CitationChange[],
  ) => {
    for (const [key, o] of to) {
      const had = new Set((from.get(key)?.citations ?? []).map(canonicalJson));
      // A citation of a wholly new or removed owner is reported with its owner, not here.
      if (!from.has(key)) continue;
      for (const c of o.citations)
        if (!had.has(canonicalJson(c)))
          into.push({ owner: { id: o.id, title: o.title, kind: o.kind }, citation: c });
    }
  };
  diff(before, after, out.added);
  diff(after, before, out.removed);
  return out;
}

const citers = (d: Definition) => [
  ...itemsWithPaths(d).map(({ value: i }) => ({
    id: i.id,
    title: i.prompt,
    kind: 'item' as const,
    citations: i.citations,
  })),
  ...d.gates.map((g) => ({
    id: g.id,
    title: g.title,
    kind: 'gate' as const,
    citations: g.citations,
  })),
];

/** Words only: a change to these alone does not change any score. */
const WORDING = [
  'prompt',
  'label',
  'help',
  'evidenceHint',
  'recommendation',
  'title',
  'description',
  'failMessage',
  'notApplicableMessage',
  'unverified',
  'clause',
];

/**
 * The differences between two definitions, `a` the older.
 *
 * @example diffDefinitions(v1, v2).items.added.map((i) => i.id) // ['p.new-question']
 */
export function diffDefinitions(a: Definition, b: Definition): DefinitionDiff {
  const sectionOf = (d: Definition) =>
    new Map(
      sectionsWithPaths(d).flatMap(({ value: s }) => s.items.map((i) => [i.id, s.id] as const)),
    );
  const secA = sectionOf(a);
  const secB = sectionOf(b);
  const items = (d: Definition, sec: Map<string, string>) =>
    itemsWithPaths(d).map(({ value }) => ({ ...value, section: sec.get(value.id) ?? '' }));
  const flatSections = (d: Definition) =>
    sectionsWithPaths(d).map(({ value: { items: _i, sections: _s, ...rest } }) => rest);
  const out: DefinitionDiff = {
    from: `${a.id}@${a.version}`,
    to: `${b.id}@${b.version}`,
    items: delta(
      items(a, secA),
      items(b, secB),
      (i) => ({ id: i.id, title: i.prompt, section: i.section }),
      ['citations'],
    ),
    sections: delta(flatSections(a), flatSections(b), (s) => ({ id: s.id, title: s.title })),
    gates: delta(a.gates, b.gates, (g) => ({ id: g.id, title: g.title }), ['citations']),
    tiers: delta(a.tiers, b.tiers, (t) => ({ id: t.id, title: t.label })),
    citations: citationDelta([citers(a), citers(b)]),
    scoringChanged: false,
  };
  const scoring = (d: Delta<Named>) =>
    d.added.length + d.removed.length > 0 ||
    d.changed.some((c) => c.changes.some((f) => !WORDING.includes(f.field)));
  out.scoringChanged =
    [out.items, out.sections, out.gates, out.tiers].some(scoring) ||
    !same(a.derived, b.derived) ||
    !same(a.scales, b.scales);
  return out;
}

import type { z } from 'zod';
import { fromZod, type Problem, problem } from '../problem.ts';
import { Definition, type Overlay } from '../schema/definition.ts';
import { Derived } from '../schema/expr.ts';
import { Gate, Tier } from '../schema/gate-tier.ts';
import { Item } from '../schema/item.ts';
import type { Section } from '../schema/section.ts';

export interface Resolved {
  definition: Definition | null;
  problems: Problem[];
}

function eachSection(sections: Section[], fn: (s: Section, siblings: Section[]) => void): void {
  for (const s of [...sections]) {
    fn(s, sections);
    eachSection(s.sections, fn);
  }
}

function findSection(sections: Section[], id: string): Section | undefined {
  let hit: Section | undefined;
  eachSection(sections, (s) => {
    if (s.id === id) hit = s;
  });
  return hit;
}

/** Patches list entries by id, re-validating each patched entry. */
function patchList<T extends { id: string }>(
  list: T[],
  patches: Record<string, unknown> | undefined,
  schema: z.ZodType<T>,
  at: string,
  problems: Problem[],
): void {
  for (const [id, patch] of Object.entries(patches ?? {})) {
    const i = list.findIndex((x) => x.id === id);
    const current = list[i];
    if (!current) {
      problems.push(
        problem(
          ['override', at, id],
          'unknown_id',
          `no ${at.replace(/s$/, '')} "${id}" in the base`,
        ),
      );
      continue;
    }
    const parsed = schema.safeParse({ ...current, ...(patch as object), id });
    if (parsed.success) list[i] = parsed.data;
    else problems.push(...fromZod(parsed.error, ['override', at, id]));
  }
}

/**
 * Turns an overlay into a plain definition: the base, patched, with parts
 * added and removed. An overlay with no changes scores exactly as its base.
 *
 * @example resolveOverlay(beijing, base).definition?.tiers
 */
export function resolveOverlay(overlay: Overlay, base: Definition): Resolved {
  const problems: Problem[] = [];
  const d: Definition = structuredClone(base);
  d.id = overlay.id;
  d.version = overlay.version;
  d.title = overlay.title;
  if (overlay.summary) d.summary = overlay.summary;
  if (overlay.family) d.family = overlay.family;
  if (overlay.audience) d.audience = overlay.audience;
  // Dates of applicability: the base's hold unless the overlay states its own.
  if (overlay.validFrom) d.validFrom = overlay.validFrom;
  if (overlay.validUntil) d.validUntil = overlay.validUntil;
  if (overlay.supersededBy) d.supersededBy = overlay.supersededBy;
  if (overlay.expiredMessage) d.expiredMessage = overlay.expiredMessage;
  d.sources = [...new Set([...base.sources, ...overlay.sources])];
  d.extends = overlay.extends;

  const { override: o, add, remove } = overlay;
  for (const [id, patch] of Object.entries(o.sections ?? {})) {
    const s = findSection(d.sections, id);
    if (s)
      Object.assign(
        s,
        Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      );
    else
      problems.push(
        problem(['override', 'sections', id], 'unknown_id', `no section "${id}" in the base`),
      );
  }
  const itemPatches = o.items ?? {};
  const allItems = new Set<string>();
  eachSection(d.sections, (s) => {
    s.items = s.items.map((item) => {
      allItems.add(item.id);
      const patch = itemPatches[item.id];
      if (patch === undefined) return item;
      const parsed = Item.safeParse({ ...item, ...(patch as object), id: item.id });
      if (parsed.success) return parsed.data;
      problems.push(...fromZod(parsed.error, ['override', 'items', item.id]));
      return item;
    });
  });
  for (const id of Object.keys(itemPatches)) {
    if (!allItems.has(id))
      problems.push(
        problem(['override', 'items', id], 'unknown_id', `no item "${id}" in the base`),
      );
  }
  patchList(d.gates, o.gates, Gate, 'gates', problems);
  patchList(d.tiers, o.tiers, Tier, 'tiers', problems);
  patchList(d.derived, o.derived, Derived, 'derived', problems);

  const removeIds = (kind: string, ids: string[], has: (id: string) => boolean) => {
    for (const id of ids)
      if (!has(id))
        problems.push(
          problem(['remove', kind, id], 'unknown_id', `cannot remove unknown ${kind} "${id}"`),
        );
  };
  removeIds('items', remove.items, (id) => allItems.has(id));
  eachSection(d.sections, (s) => {
    s.items = s.items.filter((i) => !remove.items.includes(i.id));
  });
  removeIds('sections', remove.sections, (id) => findSection(d.sections, id) !== undefined);
  const dropSections = (list: Section[]): Section[] =>
    list
      .filter((s) => !remove.sections.includes(s.id))
      .map((s) => ({ ...s, sections: dropSections(s.sections) }));
  d.sections = dropSections(d.sections);
  removeIds('gates', remove.gates, (id) => d.gates.some((g) => g.id === id));
  d.gates = d.gates.filter((g) => !remove.gates.includes(g.id));
  // A removed gate no longer binds any tier.
  d.tiers = d.tiers.map((t) => ({ ...t, gates: t.gates.filter((g) => !remove.gates.includes(g)) }));
  removeIds('tiers', remove.tiers, (id) => d.tiers.some((t) => t.id === id));
  d.tiers = d.tiers.filter((t) => !remove.tiers.includes(t.id));

  Object.assign(d.scales, add.scales);
  add.sections.forEach(({ parent, section }, i) => {
    if (!parent) d.sections.push(section);
    else {
      const p = findSection(d.sections, parent);
      if (p) p.sections.push(section);
      else
        problems.push(
          problem(
            ['add', 'sections', i, 'parent'],
            'unknown_id',
            `no section "${parent}" to add to`,
          ),
        );
    }
  });
  add.items.forEach(({ section, item }, i) => {
    const s = findSection(d.sections, section);
    if (s) s.items.push(item);
    else
      problems.push(
        problem(['add', 'items', i, 'section'], 'unknown_id', `no section "${section}" to add to`),
      );
  });
  d.derived.push(...add.derived);
  d.gates.push(...add.gates);
  add.tiers.forEach(({ after, tier }, i) => {
    if (!after) d.tiers.unshift(tier);
    else {
      const at = d.tiers.findIndex((t) => t.id === after);
      if (at >= 0) d.tiers.splice(at + 1, 0, tier);
      else
        problems.push(
          problem(['add', 'tiers', i, 'after'], 'unknown_id', `no tier "${after}" to add after`),
        );
    }
  });

  const parsed = Definition.safeParse(d);
  if (!parsed.success)
    return { definition: null, problems: [...problems, ...fromZod(parsed.error)] };
  return {
    definition: problems.some((p) => p.severity === 'error') ? null : parsed.data,
    problems,
  };
}

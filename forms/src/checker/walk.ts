import type { Citation } from '../schema/citation.ts';
import type { Condition } from '../schema/condition.ts';
import type { Definition } from '../schema/definition.ts';
import type { Item } from '../schema/item.ts';
import type { Section } from '../schema/section.ts';

export type Path = (string | number)[];

export interface Located<T> {
  value: T;
  path: Path;
}

/** Every section with its path in the definition, parents first. */
export function sectionsWithPaths(def: Definition): Located<Section>[] {
  const out: Located<Section>[] = [];
  const walk = (ss: Section[], base: Path) =>
    ss.forEach((s, i) => {
      const path = [...base, i];
      out.push({ value: s, path });
      walk(s.sections, [...path, 'sections']);
    });
  walk(def.sections, ['sections']);
  return out;
}

export function itemsWithPaths(def: Definition): Located<Item>[] {
  return sectionsWithPaths(def).flatMap(({ value, path }) =>
    value.items.map((item, i) => ({ value: item, path: [...path, 'items', i] })),
  );
}

/** Every condition in the definition, where it stands. */
export function conditionsWithPaths(def: Definition): Located<Condition>[] {
  const out: Located<Condition>[] = [];
  for (const { value: s, path } of sectionsWithPaths(def)) {
    if (s.visibleWhen) out.push({ value: s.visibleWhen, path: [...path, 'visibleWhen'] });
    s.items.forEach((item, i) => {
      if (item.visibleWhen)
        out.push({ value: item.visibleWhen, path: [...path, 'items', i, 'visibleWhen'] });
      if (item.requiredWhen)
        out.push({ value: item.requiredWhen, path: [...path, 'items', i, 'requiredWhen'] });
    });
  }
  def.gates.forEach((g, i) => {
    out.push({ value: g.condition, path: ['gates', i, 'condition'] });
  });
  def.tiers.forEach((t, i) => {
    if (t.requires) out.push({ value: t.requires, path: ['tiers', i, 'requires'] });
  });
  def.consistency?.forEach((r, i) => {
    out.push({ value: r.when, path: ['consistency', i, 'when'] });
    out.push({ value: r.expect, path: ['consistency', i, 'expect'] });
  });
  return out;
}

/** Every citation of items and gates, where it stands. */
export function citationsWithPaths(def: Definition): Located<Citation>[] {
  const out: Located<Citation>[] = [];
  for (const { value: item, path } of itemsWithPaths(def)) {
    item.citations.forEach((c, i) => {
      out.push({ value: c, path: [...path, 'citations', i] });
    });
  }
  def.gates.forEach((g, gi) => {
    g.citations.forEach((c, i) => {
      out.push({ value: c, path: ['gates', gi, 'citations', i] });
    });
  });
  return out;
}

import type { DefinitionSummary } from '../api/types.ts';

const ORDER = ['gbt29490', 'enterprise-programme', 'strong-city', 'indicators'];

/** Definitions grouped by family, families in a fixed order (贯标 first), unknown ones last. */
export function groupByFamily(defs: DefinitionSummary[]): [string, DefinitionSummary[]][] {
  const groups = new Map<string, DefinitionSummary[]>();
  for (const d of defs) groups.set(d.family, [...(groups.get(d.family) ?? []), d]);
  const rank = (f: string) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}

import { Family } from '@zhiping/forms';
import type { DefinitionSummary } from '../api/types.ts';

/** Definitions grouped by family, in the order the engine declares the families (贯标 first). */
export function groupByFamily(defs: DefinitionSummary[]): [Family, DefinitionSummary[]][] {
  const groups = new Map<Family, DefinitionSummary[]>();
  for (const d of defs) groups.set(d.family, [...(groups.get(d.family) ?? []), d]);
  const rank = (f: Family) => Family.options.indexOf(f);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

import { conditionRefs } from '../engine/conditions.ts';
import { type Problem, problem } from '../problem.ts';
import type { Definition } from '../schema/definition.ts';
import type { Item } from '../schema/item.ts';

/**
 * The consistency rules' own mistakes (their conditions are type-checked
 * with every other condition): duplicate ids, flagged questions that do not
 * exist, cannot be answered, or are not read by the rule — a flag on a
 * question the rule does not read would ask the respondent to change an
 * answer that cannot resolve the contradiction.
 */
export function checkConsistency(def: Definition, itemById: ReadonlyMap<string, Item>): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  (def.consistency ?? []).forEach((r, i) => {
    const path = ['consistency', i];
    if (seen.has(r.id))
      out.push(problem([...path, 'id'], 'duplicate_id', `duplicate consistency rule "${r.id}"`));
    seen.add(r.id);
    const read = conditionRefs(r.expect, conditionRefs(r.when));
    r.items.forEach((id, k) => {
      const at = [...path, 'items', k];
      const item = itemById.get(id);
      if (!item) out.push(problem(at, 'unknown_ref', `unknown item "${id}"`));
      else if (item.kind === 'computed')
        out.push(
          problem(
            at,
            'flag_not_answerable',
            `"${id}" is computed: the respondent cannot change it`,
          ),
        );
      else if (!read.has(id))
        out.push(
          problem(
            at,
            'flag_not_read',
            `rule "${r.id}" flags "${id}" but neither condition reads it`,
          ),
        );
    });
  });
  return out;
}

import { incompatibility, itemsById } from '../engine/mapping.ts';
import { type Problem, problem } from '../problem.ts';
import type { Definition } from '../schema/definition.ts';
import type { Mapping } from '../schema/mapping.ts';

/** Pairs of a mapping that name unknown items or cannot carry an answer over. */
export function checkMapping(m: Mapping, from: Definition, to: Definition): Problem[] {
  const out: Problem[] = [];
  const a = itemsById(from);
  const b = itemsById(to);
  const targets = new Set<string>();
  m.pairs.forEach((p, i) => {
    const x = a.get(p.from);
    const y = b.get(p.to);
    if (!x)
      out.push(problem(['pairs', i, 'from'], 'unknown_ref', `no item "${p.from}" in ${m.from}`));
    if (!y) out.push(problem(['pairs', i, 'to'], 'unknown_ref', `no item "${p.to}" in ${m.to}`));
    if (targets.has(p.to))
      out.push(
        problem(
          ['pairs', i, 'to'],
          'duplicate_id',
          `"${p.to}" is already the target of another pair`,
        ),
      );
    targets.add(p.to);
    const why = x && y ? incompatibility(x, y, { from, to }) : null;
    if (why) out.push(problem(['pairs', i], 'incompatible_pair', `${p.from} → ${p.to}: ${why}`));
  });
  return out;
}

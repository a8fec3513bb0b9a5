import { type Answers, isNotApplicable } from '../schema/answers.ts';
import type { Compiled } from './compile.ts';
import { evaluate } from './conditions.ts';
import { evaluateExpr } from './expr.ts';
import type { Value } from './values.ts';

/** What the answers mean once visibility and derived values are worked out. */
export interface State {
  /** Values of visible, applicable, well-formed answers and of derived values, by id. */
  values: Map<string, Value>;
  get: (ref: string) => Value | undefined;
  sectionVisible: boolean[];
  visible: boolean[];
  notApplicable: boolean[];
}

/**
 * Walks the definition in dependency order, so a condition only ever sees
 * answers that are themselves visible: a hidden item cannot influence anything.
 */
export function evaluateState(c: Compiled, answers: Answers, asOf: string | undefined): State {
  const values = new Map<string, Value>();
  const get = (ref: string) => values.get(ref);
  const sectionVisible: boolean[] = new Array(c.sections.length).fill(false);
  const visible: boolean[] = new Array(c.items.length).fill(false);
  const notApplicable: boolean[] = new Array(c.items.length).fill(false);
  const ctx = { get, asOf };
  for (const step of c.order) {
    if (step.kind === 'section') {
      const cs = c.sections[step.index];
      if (!cs) continue;
      const cond = cs.section.visibleWhen;
      sectionVisible[step.index] =
        (cs.parent < 0 || sectionVisible[cs.parent] === true) && (!cond || evaluate(cond, get));
    } else if (step.kind === 'item') {
      const ci = c.items[step.index];
      if (!ci) continue;
      const { item } = ci;
      const vis =
        sectionVisible[ci.section] === true &&
        (!item.visibleWhen || evaluate(item.visibleWhen, get));
      visible[step.index] = vis;
      if (!vis) continue;
      const raw = answers[item.id];
      if (item.allowNotApplicable && isNotApplicable(raw)) {
        notApplicable[step.index] = true;
        continue;
      }
      const v = item.kind === 'computed' ? values.get(item.value) : ci.read(raw);
      if (v !== undefined) values.set(item.id, v);
    } else {
      const d = c.derived[step.index];
      if (!d) continue;
      const v = evaluateExpr(d.expr, ctx);
      if (v !== undefined) values.set(d.id, v);
    }
  }
  return { values, get, sectionVisible, visible, notApplicable };
}

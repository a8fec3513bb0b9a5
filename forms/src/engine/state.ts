import type { Answers } from '../schema/answers.ts';
import { isNotApplicable } from '../schema/not-applicable.ts';
import type { Compiled } from './compile.ts';
import { evaluate } from './conditions.ts';
import { evaluateExpr } from './expr.ts';
import type { Value } from './values.ts';

/** What the answers mean once visibility and derived values are worked out. */
export interface State {
  /**
   * Values by slot (`Compiled.slot`): visible, applicable, well-formed
   * answers, then derived values. A plain array: scoring runs per keystroke.
   */
  vals: (Value | undefined)[];
  get: (ref: string) => Value | undefined;
  sectionVisible: boolean[];
  visible: boolean[];
  notApplicable: boolean[];
  /** The assessment date, for `elapsed` conditions. */
  asOf: string | undefined;
}

/**
 * Walks the definition in dependency order, so a condition only ever sees
 * answers that are themselves visible: a hidden item cannot influence anything.
 */
export function evaluateState(c: Compiled, answers: Answers, asOf: string | undefined): State {
  const n = c.items.length;
  const vals: (Value | undefined)[] = new Array(n + c.derived.length).fill(undefined);
  const slot = c.slot;
  const get = (ref: string) => {
    const i = slot.get(ref);
    return i === undefined ? undefined : vals[i];
  };
  const sectionVisible: boolean[] = new Array(c.sections.length).fill(false);
  const visible: boolean[] = new Array(n).fill(false);
  const notApplicable: boolean[] = new Array(n).fill(false);
  const ctx = { get, asOf };
  for (const step of c.order) {
    if (step.kind === 'section') {
      const cs = c.sections[step.index];
      if (!cs) continue;
      const cond = cs.section.visibleWhen;
      sectionVisible[step.index] =
        (cs.parent < 0 || sectionVisible[cs.parent] === true) &&
        (!cond || evaluate(cond, get, asOf));
    } else if (step.kind === 'item') {
      const ci = c.items[step.index];
      if (!ci) continue;
      const { item } = ci;
      const vis =
        sectionVisible[ci.section] === true &&
        (!item.visibleWhen || evaluate(item.visibleWhen, get, asOf));
      visible[step.index] = vis;
      if (!vis) continue;
      const raw = answers[item.id];
      if (item.allowNotApplicable && isNotApplicable(raw)) {
        notApplicable[step.index] = true;
        continue;
      }
      vals[step.index] = item.kind === 'computed' ? get(item.value) : ci.read(raw);
    } else {
      const d = c.derived[step.index];
      if (d) vals[n + step.index] = evaluateExpr(d.expr, ctx);
    }
  }
  return { vals, get, sectionVisible, visible, notApplicable, asOf };
}

export interface Progress {
  answered: number;
  applicable: number;
  requiredMissing: string[];
}

/** Answered and required-but-missing among the items that are asked (shown, applicable, not computed). */
export function progressOf(c: Compiled, s: State): Progress {
  let answered = 0;
  let applicable = 0;
  const requiredMissing: string[] = [];
  for (const { item, index } of c.items) {
    if (!s.visible[index] || s.notApplicable[index] || item.kind === 'computed') continue;
    applicable++;
    if (s.vals[index] !== undefined) answered++;
    else if (item.requiredWhen ? evaluate(item.requiredWhen, s.get, s.asOf) : item.required) {
      requiredMissing.push(item.id);
    }
  }
  return { answered, applicable, requiredMissing };
}

import type { Answers } from '../schema/answers.ts';
import type { Definition } from '../schema/definition.ts';
import type { AnswerIssue } from './answer-check.ts';
import { type Compiled, compile } from './compile.ts';
import { conditionRefs, evaluate3 } from './conditions.ts';
import { evaluateState, type State } from './state.ts';

/**
 * The answers that contradict each other under the definition's declared
 * consistency rules: one `answer.inconsistent` issue per flagged item that
 * is shown, with the rule's id. A rule fires only when `when` holds and
 * `expect` definitely fails (both three-valued), so an unanswered or hidden
 * question never raises one.
 *
 * @example consistencyIssues(def, { 'pre.management-review': false, 'c9.4.held': 3 })
 * // [{ path: ['c9.4.held'], code: 'answer.inconsistent', params: { rule: 'k.review', … } }, …]
 */
export function consistencyIssues(
  def: Definition | Compiled,
  answers: Answers,
  asOf?: string,
  state?: State,
): AnswerIssue[] {
  const c = 'order' in def ? def : compile(def);
  const rules = c.definition.consistency ?? [];
  if (rules.length === 0) return [];
  const s = state ?? evaluateState(c, answers, asOf);
  const out: AnswerIssue[] = [];
  for (const r of rules) {
    if (evaluate3(r.when, s.get, s.asOf) !== true) continue;
    if (evaluate3(r.expect, s.get, s.asOf) !== false) continue;
    const shown = r.items.filter((id) => {
      const i = c.itemIndex.get(id);
      return i !== undefined && s.visible[i] === true;
    });
    const read = [...conditionRefs(r.expect, conditionRefs(r.when))].filter((id) =>
      c.itemIndex.has(id),
    );
    for (const id of shown)
      out.push({
        path: [id],
        code: 'answer.inconsistent',
        // The rule's own message is definition text: `issueText(issue, locale, definition)` finds it.
        params: { rule: r.id, with: read.filter((o) => o !== id).join('、') },
      });
  }
  return out;
}

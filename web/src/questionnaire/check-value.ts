import { type AnswerIssue, type AnswerPatch, type Compiled, checkValue } from '@zhiping/forms';

/**
 * The engine's first issue with one answer, or null when it is valid — the
 * same check `validateAnswers` makes in draft mode (`checkValue`), for just
 * the item that changed, so a keystroke stays cheap. Whole-answer rules
 * (required items, unknown ids) stay with `validateAnswers`.
 */
export function issueOf(c: Compiled, id: string, value: unknown): AnswerIssue | null {
  const i = c.itemIndex.get(id);
  const item = i === undefined ? undefined : c.items[i]?.item;
  if (!item) return { path: [], code: 'answer.unknown_items', params: { ids: id } };
  return checkValue(item, value, c.definition.scales);
}

/** Ids among the changed answers (null = cleared, always fine) whose value the server would refuse. */
export function invalidIds(c: Compiled, changed: AnswerPatch): Set<string> {
  const out = new Set<string>();
  for (const [id, v] of Object.entries(changed)) {
    if (v !== null && issueOf(c, id, v) !== null) out.add(id);
  }
  return out;
}

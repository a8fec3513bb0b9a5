import type { AnswerIssue } from '../engine/answer-check.ts';
import type { Definition } from '../schema/definition.ts';
import type { Locale } from '../schema/enums.ts';
import { textOf, translate } from './translate.ts';

/**
 * An answer issue in words a respondent can act on. With the definition at
 * hand, a contradiction is told in its rule's own message; without it, by
 * the questions it contradicts.
 *
 * @example issueText({ path: ['a'], code: 'answer.too_big', params: { max: 100 } }) // "不能大于 100"
 */
export function issueText(
  issue: Pick<AnswerIssue, 'code' | 'params'>,
  locale: Locale = 'zh',
  definition?: Pick<Definition, 'consistency'>,
) {
  if (issue.code === 'answer.inconsistent' && definition) {
    const rule = definition.consistency?.find((r) => r.id === issue.params?.rule);
    if (rule)
      return translate(locale, 'answer.inconsistentWhy', { message: textOf(rule.message, locale) });
  }
  return translate(locale, issue.code, issue.params);
}

import type { AnswerIssue } from '../engine/answer-check.ts';
import type { Locale } from '../schema/enums.ts';
import { translate } from './translate.ts';

/**
 * An answer issue in words a respondent can act on.
 *
 * @example issueText({ path: ['a'], code: 'answer.too_big', params: { max: 100 } }) // "不能大于 100"
 */
export function issueText(issue: Pick<AnswerIssue, 'code' | 'params'>, locale: Locale = 'zh') {
  return translate(locale, issue.code, issue.params);
}

import type { FieldError } from '@zhiping/api/contract';
import {
  ANSWER_ISSUE_CODES,
  type AnswerIssue,
  type AnswerIssueCode,
  issueText,
  type Locale,
} from '@zhiping/forms';

const isIssueCode = (c: unknown): c is AnswerIssueCode =>
  (ANSWER_ISSUE_CODES as readonly unknown[]).includes(c);

/** A field error's code as an answer issue, when it is one the catalogue words. */
export function issueOfField(f: FieldError): Pick<AnswerIssue, 'code' | 'params'> | null {
  return isIssueCode(f.code) ? { code: f.code, ...(f.params ? { params: f.params } : {}) } : null;
}

/** A field error in the reader's language when its code is known; else the server's words. */
export function fieldErrorText(f: FieldError, locale: Locale): string {
  const issue = issueOfField(f);
  return issue ? issueText(issue, locale) : f.message;
}

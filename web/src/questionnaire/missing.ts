import {
  ANSWER_ISSUE_CODES,
  type AnswerIssue,
  type AnswerIssueCode,
  issueText,
  type Locale,
} from '@zhiping/forms';
import type { ApiError } from '../api/client.ts';

/** One thing to fix before submitting: which item, and what is wrong as the engine's code. */
export interface Missing {
  item: string;
  issue: Pick<AnswerIssue, 'code' | 'params'> | null;
  /** The server's own words, for an error without a code we know. */
  message?: string | undefined;
}

const isIssueCode = (c: unknown): c is AnswerIssueCode =>
  (ANSWER_ISSUE_CODES as readonly unknown[]).includes(c);

/** The engine's issues (submit-mode validation) as the check step lists them. */
export const missingOf = (issues: readonly AnswerIssue[]): Missing[] =>
  issues.map((i) => ({
    item: String(i.path[0] ?? ''),
    issue: { code: i.code, ...(i.params ? { params: i.params } : {}) },
  }));

/** What a 422 from the server lists, with its codes where it gave them. */
export function missingFromProblem(e: ApiError): Missing[] {
  return (e.problem.errors ?? []).map((x) => ({
    item: x.path,
    issue: isIssueCode(x.code) ? { code: x.code, ...(x.params ? { params: x.params } : {}) } : null,
    message: x.message,
  }));
}

/** The issue in the reader's language (the catalogue's words), else the server's message. */
export const missingText = (m: Missing, locale: Locale): string =>
  m.issue ? issueText(m.issue, locale) : (m.message ?? '');

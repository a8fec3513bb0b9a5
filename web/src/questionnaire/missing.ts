import { type AnswerIssue, type Definition, issueText, type Locale } from '@zhiping/forms';
import type { ApiError } from '../api/client.ts';
import { issueOfField } from '../shared/field-error.ts';

/** One thing to fix before submitting: which item, and what is wrong as the engine's code. */
export interface Missing {
  item: string;
  issue: Pick<AnswerIssue, 'code' | 'params'> | null;
  /** The server's own words, for an error without a code we know. */
  message?: string | undefined;
}

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
    issue: issueOfField(x),
    message: x.message,
  }));
}

/**
 * The issue in the reader's language (the catalogue's words; a contradiction
 * in its rule's own message), else the server's message.
 */
export const missingText = (m: Missing, locale: Locale, definition?: Definition): string =>
  m.issue ? issueText(m.issue, locale, definition) : (m.message ?? '');

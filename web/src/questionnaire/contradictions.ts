import {
  type Answers,
  type Compiled,
  consistencyIssues,
  issueText,
  type Locale,
} from '@zhiping/forms';
import { createContext, useMemo } from 'react';

/** Item id → the contradiction to show on it, worded by the definition's rule. */
export type Contradictions = ReadonlyMap<string, string>;

const NONE: Contradictions = new Map();

/** What the step's questions read to flag answers that contradict each other (declared rules). */
export const ContradictionsContext = createContext<Contradictions>(NONE);

/**
 * The declared consistency rules, evaluated by the engine on the answers the
 * view shows: flagged on the questions as soon as they contradict each other,
 * not only at the check step (submitting refuses them). The same map object
 * is kept while nothing is flagged, so no question re-renders for it.
 */
export function useContradictions(
  c: Compiled,
  answers: Answers,
  asOf: string,
  locale: Locale,
): Contradictions {
  return useMemo(() => {
    const issues = consistencyIssues(c, answers, asOf);
    if (issues.length === 0) return NONE;
    const out = new Map<string, string>();
    for (const i of issues) {
      const id = String(i.path[0]);
      const text = issueText(i, locale, c.definition);
      out.set(id, out.has(id) ? `${out.get(id)}\n${text}` : text);
    }
    return out;
  }, [c, answers, asOf, locale]);
}

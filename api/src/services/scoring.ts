import { type Answers, type ScoreResult, score, validateAnswers } from '@zhiping/forms';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { defaultAsOf } from './dates.ts';

/**
 * Stateless scoring (integrations, previews): draft rules for the answers,
 * at the given date or today in the service's time zone.
 */
export async function scoreAnswers(
  deps: Deps,
  ref: string,
  input: { answers: Answers; asOf?: string | undefined },
): Promise<ScoreResult> {
  const { compiled } = await deps.definitions.get(ref);
  const asOf = input.asOf ?? defaultAsOf(deps.now(), deps.config.TIME_ZONE);
  const issues = validateAnswers(compiled, input.answers, { mode: 'draft', asOf });
  if (issues.length > 0) throw new DomainError('invalid_answers', { issues, stage: 'score' });
  return score(compiled, input.answers, { asOf });
}

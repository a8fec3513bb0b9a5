import type { AssessmentDetail, Saved } from '@zhiping/api/contract';
import { type Answers, compile, type Definition, refOf, score } from '@zhiping/forms';
import { useMemo } from 'react';
import { Questionnaire, type QuestionnaireClient } from '../questionnaire/questionnaire.tsx';

const TODAY = () => new Date().toISOString().slice(0, 10);

/** A draft that exists only in this page, so the questionnaire can render the definition. */
function previewDraft(definition: Definition): AssessmentDetail {
  const asOf = TODAY();
  const result = score(compile(definition), {}, { asOf });
  const now = new Date().toISOString();
  return {
    id: `preview-${definition.id}-${definition.version}`,
    title: '预览',
    status: 'draft',
    revision: 0,
    definition: {
      id: definition.id,
      version: definition.version,
      ref: refOf(definition),
      title: definition.title,
    },
    organisation: { id: 'preview', name: '预览' },
    asOf,
    score: result.total.score,
    verdict: result.verdict.label,
    progress: { answered: 0, applicable: result.progress.applicable },
    submittedAt: null,
    updatedAt: now,
    definitionHash: 'preview',
    answers: {},
    position: null,
    result,
    reviewedResult: null,
    submissionHash: null,
    round: 0,
    reviewed: null,
    reviewers: [],
    reviews: [],
    decision: null,
    can: { edit: true, submit: false, assign: false, judge: false, decide: false, reopen: false },
  };
}

/**
 * The questionnaire as a respondent would see it, before the definition is
 * published: saves stay in memory (scored by the same engine), nothing is sent.
 */
export function DefinitionPreview({ definition }: { definition: Definition }) {
  const draft = useMemo(() => previewDraft(definition), [definition]);
  const client = useMemo<QuestionnaireClient>(() => {
    const compiled = compile(definition);
    let answers: Answers = {};
    let revision = 0;
    return {
      save: async (_id, body) => {
        answers = { ...answers, ...body.answers };
        revision += 1;
        const r = score(compiled, answers, { asOf: draft.asOf });
        const saved: Saved = {
          revision,
          updatedAt: new Date().toISOString(),
          status: 'draft',
          score: r.total.score,
          verdict: r.verdict.label,
          progress: { answered: r.progress.answered, applicable: r.progress.applicable },
          statuses: [],
        };
        return saved;
      },
      submit: async () => undefined,
      assessment: async () => ({ ...draft, answers, revision }),
    };
  }, [definition, draft]);
  return (
    <Questionnaire
      definition={definition}
      assessment={draft}
      client={client}
      onSubmitted={() => {}}
      autosaveDelay={400}
    />
  );
}

import {
  type AnswerPatch,
  type Answers,
  applyPatch,
  compile,
  type Definition,
  textOf,
  validateAnswers,
} from '@zhiping/forms';
import {
  type ComponentType,
  type FocusEvent,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { fileUrl } from '../api/endpoints.ts';
import type { AssessmentDetail } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { afterPaint } from './after-paint.ts';
import { invalidIds } from './check-value.ts';
import { ContradictionsContext, useContradictions } from './contradictions.ts';
import { readStep, startingAnswers, writeDraft, writeStep } from './draft-store.ts';
import { EvidenceFilesContext } from './evidence-context.tsx';
import { flushTyping } from './inputs/use-typed.ts';
import { KeptSteps } from './kept-steps.tsx';
import {
  ConflictBanner,
  LockedBanner,
  MergeConflicts,
  preloadParts,
  StyleKeeper,
  SubmitCheck,
} from './lazy-parts.tsx';
import { missingOf } from './missing.ts';
import type { QuestionnaireClient } from './questionnaire-client.ts';
import { QuestionnaireHeader } from './questionnaire-header.tsx';
import { ScorePanel } from './score-panel.tsx';
import { StepActions } from './step-actions.tsx';
import { StepNav } from './step-nav.tsx';
import { stepOfItem, stepsOf } from './steps.ts';
import { useAutosave } from './use-autosave.ts';
import { useLiveAnswers } from './use-live-answers.ts';
import { useStepFocus } from './use-step-focus.ts';
import { useSubmit } from './use-submit.ts';

export type { QuestionnaireClient };

export interface QuestionnaireProps {
  definition: Definition;
  assessment: AssessmentDetail;
  client: QuestionnaireClient;
  onSubmitted: () => void;
  /** Told when a conflict reload fetched a newer server copy. */
  onReloaded?: (fresh: AssessmentDetail) => void;
  autosaveDelay?: number;
  /** The step to show (e.g. from the URL); with `onStep` the caller owns it. */
  step?: string | null;
  /** A move to another step (the caller records it, e.g. in the URL). */
  onStep?: (id: string) => void;
  /** The question to bring back into view on opening (e.g. from the URL). */
  item?: string | null;
  /** The question the respondent is on changed (focus moved into it); for the URL, not state. */
  onItem?: (itemId: string) => void;
  /** Rendered with `blocking` while leaving would strand changes (offline, conflict, invalid). */
  LeaveGuard?: ComponentType<{ blocking: boolean }>;
}

/** The pseudo-step after the last section: check what is missing, then submit. */
export const REVIEW_STEP = '#submit';

const isSectionStep = (id: string) => id !== REVIEW_STEP;

/** Section id → index in the compiled definition (for visibility lookups in the result). */
function useSectionIndex(definition: Definition) {
  return useMemo(
    () => new Map(compile(definition).sections.map((s) => [s.section.id, s.index])),
    [definition],
  );
}

/**
 * The guided questionnaire: one top-level section per step, only the items
 * that apply (live, from the engine), autosave of changed answers with the
 * revision, a conflict recovery, the live score and a checked submit.
 */
export function Questionnaire(p: QuestionnaireProps) {
  const { definition, assessment, client } = p;
  const { locale, t } = useLocale();
  const sectionIndex = useSectionIndex(definition);
  const editable = assessment.can.edit;
  const [submitMode, setSubmitMode] = useState(false);
  // Changes this browser kept but the server never acknowledged come back first.
  const [start] = useState(() =>
    editable ? startingAnswers(assessment) : { answers: assessment.answers, conflicts: [] },
  );
  // Every change reaches autosave straight from the form, even one the view ignores (free text).
  const report = useRef<((answers: Answers) => void) | null>(null);
  const { compiled, codec, form, answers, result } = useLiveAnswers(
    definition,
    start.answers,
    assessment.asOf,
    submitMode ? 'submit' : 'draft',
    locale,
    (a) => report.current?.(a),
  );
  const steps = useMemo(() => stepsOf(compiled, result), [compiled, result]);
  const contradictions = useContradictions(compiled, answers, assessment.asOf, locale);
  const evidenceFiles = useMemo(() => {
    const up = client.uploadFile;
    return up
      ? {
          upload: (file: File, onProgress?: (fraction: number) => void) =>
            up(assessment.id, file, onProgress),
          url: (fileId: string) => fileUrl(assessment.id, fileId),
        }
      : null;
  }, [client, assessment.id]);

  // The step moved to here, shown at once; the caller (the URL) hears of it after the paint,
  // and from then on the caller's step (Back, Forward, a deep link) is the one shown.
  const [moved, setMoved] = useState<string | null>(null);
  const callerStep = p.step;
  const callerStepNow = useRef(callerStep);
  callerStepNow.current = callerStep;
  useEffect(() => setMoved((m) => (m !== null && m === callerStep ? null : m)), [callerStep]);
  // Back or Forward right after a move: the router may render the URL's way there and back in
  // one go (a transition), so the step above never looks different and the move would stay
  // shown over the URL's step. History's own event says the URL decides again.
  useEffect(() => {
    const follow = () => setMoved(null);
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  // Without a step asked for, resume where this browser was, else where the server says.
  const [lastStep] = useState(() => readStep(assessment.id));
  const asked = moved ?? (p.onStep ? p.step : null) ?? lastStep ?? assessment.position;
  const stepId =
    asked === REVIEW_STEP
      ? REVIEW_STEP
      : (steps.find((s) => s.id === asked)?.id ?? steps[0]?.id ?? REVIEW_STEP);
  const onReview = stepId === REVIEW_STEP;
  // A step that stops applying (an earlier answer hid it) falls back to the first.
  const index = steps.findIndex((s) => s.id === stepId);
  const step = steps[index] ?? (onReview ? undefined : steps[0]);
  const position = step?.id ?? steps[steps.length - 1]?.id ?? null;
  const holdBack = useCallback((changed: AnswerPatch) => invalidIds(compiled, changed), [compiled]);
  const autosave = useAutosave({
    answers,
    position,
    initial: {
      answers: assessment.answers,
      revision: assessment.revision,
      position: assessment.position,
    },
    save: (body) => client.save(assessment.id, body),
    holdBack,
    delay: p.autosaveDelay,
    enabled: editable,
    // Text typed a moment ago goes to the form first (use-typed.ts): nothing is left behind.
    read: () => {
      flushTyping();
      return { answers: codec.toAnswers(form.getValues()), position };
    },
    fetchLatest: async () => {
      const fresh = await client.assessment(assessment.id);
      return { answers: fresh.answers, revision: fresh.revision };
    },
    // A merge took answers from elsewhere: show them (the form reports them back, unchanged).
    onRemote: (patch) => {
      for (const [id, v] of Object.entries(patch)) {
        const name = codec.name(id);
        if (name) form.setValue(name, v === null ? undefined : v, { shouldValidate: true });
      }
    },
    persist: (draft) => writeDraft(assessment.id, draft),
    conflicts: start.conflicts,
  });
  report.current = autosave.report;
  // Saving is in trouble from a failure (offline) until a save succeeds: leaving then asks.
  const { trouble, troubled } = autosave;
  const { flush, flushNow } = autosave;
  const retrySave = useCallback(() => void flush(), [flush]);

  // Every move to another step sends what was typed at once.
  const { onStep } = p;
  const setStepId = useCallback(
    (id: string) => {
      // Back at the caller's own step (no URL change will come): it is shown as it is.
      setMoved(onStep && id === callerStepNow.current ? null : id);
      // The new step paints first; saving, remembering it and the URL follow at once after.
      afterPaint(() => {
        void flushNow();
        writeStep(assessment.id, id);
        onStep?.(id);
      });
    },
    [flushNow, onStep, assessment.id],
  );
  const itemStep = useCallback((id: string) => stepOfItem(compiled, id), [compiled]);
  const { headingRef, goTo, goToItem } = useStepFocus(setStepId, itemStep, isSectionStep);
  const submit = useSubmit({
    autosave,
    submit: (revision) => client.submit(assessment.id, revision),
    onDone: p.onSubmitted,
    t,
  });

  // The question being answered, for a reload to come back to (told, never rendered).
  const { onItem } = p;
  const onFocusItem = useCallback(
    (e: FocusEvent<HTMLFormElement>) => {
      const id = (e.target as Element).closest?.('[data-item]')?.getAttribute('data-item');
      if (id && onItem) onItem(id);
    },
    [onItem],
  );
  // Opening with a question asked for (a reload): bring it into view once.
  const [openItem] = useState(() => p.item ?? null);
  useEffect(() => {
    if (!openItem) return;
    const el = document.querySelector(`[data-item="${CSS.escape(openItem)}"]`);
    el?.scrollIntoView?.({ block: 'center' });
    el?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true });
  }, [openItem]);

  // The parts kept out of the first paint (lazy-parts.tsx) are fetched once it is done.
  useEffect(() => afterPaint(preloadParts), []);

  // Entering the check step turns on "required" messages everywhere, the server's rule.
  useEffect(() => {
    if (onReview) setSubmitMode(true);
  }, [onReview]);
  useEffect(() => {
    if (submitMode) void form.trigger();
  }, [submitMode, form]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `answers` stands for a change of the form.
  const missing = useMemo(
    () =>
      onReview
        ? [
            ...missingOf(
              // The form's values: `answers` skips renders while only free text changes.
              validateAnswers(compiled, codec.toAnswers(form.getValues()), {
                mode: 'submit',
                asOf: assessment.asOf,
              }),
            ),
            ...submit.serverMissing,
          ]
        : [],
    [onReview, compiled, codec, form, answers, assessment.asOf, submit.serverMissing],
  );

  const resolveConflict = async (reapply: boolean) => {
    const local = autosave.unsaved();
    const fresh = await client.assessment(assessment.id);
    if (reapply && !fresh.can.edit) throw new Error(t('conflict.locked'));
    autosave.rebase(fresh.answers, fresh.revision, fresh.position ?? position);
    form.reset(codec.toValues(reapply ? applyPatch(fresh.answers, local) : fresh.answers));
    p.onReloaded?.(fresh);
  };
  const reload = async () => p.onReloaded?.(await client.assessment(assessment.id));

  const { answered, applicable } = result.progress;
  const next = onReview ? undefined : steps[index + 1]?.id;
  const prev = onReview ? steps[steps.length - 1]?.id : steps[index - 1]?.id;
  const review = useMemo(
    () => (editable ? { id: REVIEW_STEP, label: t('q.review') } : undefined),
    [editable, t],
  );
  return (
    <EvidenceFilesContext.Provider value={evidenceFiles}>
      <ContradictionsContext.Provider value={contradictions}>
        <div className="zp-q">
          <Suspense fallback={null}>
            <StyleKeeper />
          </Suspense>
          <QuestionnaireHeader
            title={assessment.title}
            subtitle={textOf(definition.title, locale)}
            answered={answered}
            applicable={applicable}
            save={editable ? autosave.source : null}
            onRetry={retrySave}
            t={t}
          />
          {p.LeaveGuard ? (
            <p.LeaveGuard blocking={editable && (troubled || autosave.heldBack > 0)} />
          ) : null}
          <Suspense fallback={null}>
            {trouble?.kind === 'conflict' && trouble.conflicts.length > 0 ? (
              <MergeConflicts
                key={trouble.currentRevision}
                conflicts={trouble.conflicts}
                compiled={compiled}
                onResolve={autosave.resolve}
                locale={locale}
                t={t}
              />
            ) : trouble?.kind === 'conflict' ? (
              <ConflictBanner
                revision={trouble.currentRevision}
                unsaved={autosave.unsaved()}
                compiled={compiled}
                onResolve={resolveConflict}
                locale={locale}
                t={t}
              />
            ) : null}
            {trouble?.kind === 'locked' ? (
              <LockedBanner
                status={trouble.status}
                unsaved={Object.keys(autosave.unsaved()).length}
                onReload={reload}
                t={t}
              />
            ) : null}
          </Suspense>
          <div className="zp-q-body">
            <div className="zp-q-nav">
              <StepNav
                steps={steps}
                current={onReview ? REVIEW_STEP : (step?.id ?? '')}
                onSelect={goTo}
                review={review}
                locale={locale}
                t={t}
              />
            </div>
            <form
              className="zp-q-main"
              noValidate
              onFocus={onFocusItem}
              // Enter in a field must never submit the assessment: submitting is a deliberate step.
              onSubmit={(e) => e.preventDefault()}
            >
              {onReview || !step ? (
                <Suspense fallback={<Loading />}>
                  <SubmitCheck
                    missing={missing}
                    compiled={compiled}
                    onGoTo={goToItem}
                    onSubmit={() => void submit.run()}
                    submitting={submit.submitting}
                    error={submit.error}
                    headingRef={headingRef}
                    locale={locale}
                    t={t}
                  />
                </Suspense>
              ) : (
                <KeptSteps
                  steps={steps}
                  current={step}
                  total={steps.length}
                  headingRef={headingRef}
                  compiled={compiled}
                  sectionIndex={sectionIndex}
                  result={result}
                  control={form.control}
                  codec={codec}
                  asOf={assessment.asOf}
                  locale={locale}
                  t={t}
                  disabled={!editable}
                />
              )}
              <StepActions
                prev={prev}
                next={next}
                review={!onReview && editable ? REVIEW_STEP : undefined}
                onGo={goTo}
                t={t}
              />
            </form>
            <div className="zp-q-side">
              <ScorePanel
                result={result}
                compiled={compiled}
                onGoTo={goToItem}
                locale={locale}
                t={t}
              />
            </div>
          </div>
        </div>
      </ContradictionsContext.Provider>
    </EvidenceFilesContext.Provider>
  );
}

/**
 * @zhiping/forms — the definition language and its engine. Pure: callers
 * pass definitions, answers and the assessment date in; nothing here reads
 * files, the clock, the network or a database (see `node/` for the adapter).
 *
 * Folders: `schema/` the language and every shared enum (zod, the one source
 * of types); `engine/` scoring and answer validation (codes, not words);
 * `present/` codes, answers and labels in zh-CN or English; `draft/` what
 * "answered" means, answer patches and the autosave state machine;
 * `lifecycle/` the assessment's states and who may do what; `checker/` what
 * an author's definition must satisfy; `agreement/` how far reviewers agree
 * (percent, Cohen's, Fleiss' and weighted kappa); `cohort/` how a programme's
 * applicants rank against each other (pass lines, quotas, the 优秀 share).
 */
export * from './agreement/index.ts';
export * from './checker/check.ts';
export { checkMapping } from './checker/mapping.ts';
export { normaliseForQuote, verifyQuotes } from './checker/quotes.ts';
export * from './cohort/index.ts';
export * from './diff/definition-diff.ts';
export * from './draft/answered.ts';
export * from './draft/autosave.ts';
export * from './draft/patch.ts';
export {
  ANSWER_ISSUE_CODES,
  type AnswerIssue,
  type AnswerIssueCode,
  type AnswersMode,
  checkValue,
  type ValidateOptions,
  validateAnswers,
} from './engine/answer-check.ts';
export { type Compiled, CycleError, compile, itemById } from './engine/compile.ts';
export { evaluate } from './engine/conditions.ts';
export { consistencyIssues } from './engine/consistency.ts';
export { evaluateExpr } from './engine/expr.ts';
export { canonicalJson, contentHash } from './engine/hash.ts';
export { applyMapping, type CarriedAnswers, confirmPending } from './engine/mapping.ts';
export { type Resolved, resolveOverlay } from './engine/overlay.ts';
export { type ItemOverride, type ScoreOptions, score } from './engine/score.ts';
export * from './history/index.ts';
export * from './lifecycle/lifecycle.ts';
export * from './present/definition-problems.ts';
export * from './present/index.ts';
export { fromZod, type Problem } from './problem.ts';
export * from './schema/index.ts';
export * from './start/guide.ts';

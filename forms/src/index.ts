/**
 * @zhiping/forms — the definition language and its engine. Pure: callers
 * pass definitions, answers and the assessment date in; nothing here reads
 * files, the clock, the network or a database (see `node/` for the adapter).
 */
export * from './checker/check.ts';
export { checkMapping } from './checker/mapping.ts';
export { normaliseForQuote, verifyQuotes } from './checker/quotes.ts';
export { answersSchema, validateAnswers, valueSchema } from './engine/answers-schema.ts';
export { type Compiled, CycleError, compile } from './engine/compile.ts';
export { evaluate } from './engine/conditions.ts';
export { evaluateExpr } from './engine/expr.ts';
export { canonicalJson, contentHash } from './engine/hash.ts';
export { applyMapping, type CarriedAnswers } from './engine/mapping.ts';
export { type Resolved, resolveOverlay } from './engine/overlay.ts';
export { type ItemOverride, type ScoreOptions, score } from './engine/score.ts';
export { fromZod, type Problem } from './problem.ts';
export * from './schema/index.ts';

import type { Answers } from '../schema/answers.ts';
import type { Definition } from '../schema/definition.ts';
import type { Item } from '../schema/item.ts';
import { isNotApplicable } from '../schema/not-applicable.ts';
import { evidenceIssue, notApplicableIssue } from './answer-shape.ts';
import { type Compiled, compile } from './compile.ts';
import { consistencyIssues } from './consistency.ts';
import { evaluateState, progressOf } from './state.ts';
import { isIsoDate } from './values.ts';

/**
 * What is wrong with an answer, as a code and the parameters its message
 * needs. The words are in the catalogues (`present/`): `issueText(issue, locale)`.
 */
export interface AnswerIssue {
  /** `[itemId]`, `[itemId, …nested]` inside an evidence answer, or `[]` for the whole set. */
  path: (string | number)[];
  code: AnswerIssueCode;
  params?: Record<string, string | number>;
}

export const ANSWER_ISSUE_CODES = [
  'answer.not_object',
  'answer.unknown_items',
  'answer.required',
  'answer.yesno',
  'answer.choose_one',
  'answer.choose_some',
  'answer.not_option',
  'answer.duplicate_option',
  'answer.choose_level',
  'answer.not_level',
  'answer.number',
  'answer.not_finite',
  'answer.not_integer',
  'answer.too_small',
  'answer.too_big',
  'answer.date',
  'answer.bad_date',
  'answer.text',
  'answer.too_long',
  'answer.computed',
  'answer.evidence_empty',
  'answer.unknown_fields',
  'answer.malformed',
  'answer.inconsistent',
  'answer.na_reason',
] as const;
export type AnswerIssueCode = (typeof ANSWER_ISSUE_CODES)[number];

type Check = Omit<AnswerIssue, 'path'> & { path?: (string | number)[] };

function checkKind(item: Item, v: unknown, scales: Definition['scales']): Check | null {
  switch (item.kind) {
    case 'yesno':
      return typeof v === 'boolean' ? null : { code: 'answer.yesno' };
    case 'single':
      if (typeof v !== 'string') return { code: 'answer.choose_one' };
      return item.options.some((o) => o.id === v) ? null : { code: 'answer.not_option' };
    case 'multi': {
      if (!Array.isArray(v)) return { code: 'answer.choose_some' };
      for (const [k, x] of v.entries())
        if (typeof x !== 'string' || !item.options.some((o) => o.id === x))
          return { code: 'answer.not_option', path: [k] };
      return new Set(v).size === v.length ? null : { code: 'answer.duplicate_option' };
    }
    case 'scale': {
      if (typeof v !== 'number') return { code: 'answer.choose_level' };
      const levels = (scales[item.scale] ?? []).map((l) => l.value);
      return levels.includes(v)
        ? null
        : { code: 'answer.not_level', params: { levels: levels.join('、') } };
    }
    case 'number':
      if (typeof v !== 'number') return { code: 'answer.number' };
      if (!Number.isFinite(v)) return { code: 'answer.not_finite' };
      if (item.integer && !Number.isInteger(v)) return { code: 'answer.not_integer' };
      if (item.min !== undefined && v < item.min)
        return { code: 'answer.too_small', params: { min: item.min } };
      if (item.max !== undefined && v > item.max)
        return { code: 'answer.too_big', params: { max: item.max } };
      return null;
    case 'date':
      if (typeof v !== 'string') return { code: 'answer.date' };
      return isIsoDate(v) ? null : { code: 'answer.bad_date' };
    case 'text':
      if (typeof v !== 'string') return { code: 'answer.text' };
      return v.length <= item.maxLength
        ? null
        : { code: 'answer.too_long', params: { max: item.maxLength } };
    case 'evidence':
      return evidenceIssue(v);
    case 'computed':
      return { code: 'answer.computed' };
  }
}

/**
 * The first thing wrong with one item's answer, or null when it is valid.
 * Draft rules only: whether the item is required is `validateAnswers`'s
 * business in submit mode.
 *
 * @example checkValue(yesNoItem, 'yes', def.scales) // { path: ['a.policy'], code: 'answer.yesno' }
 */
export function checkValue(
  item: Item,
  value: unknown,
  scales: Definition['scales'],
): AnswerIssue | null {
  const c =
    item.allowNotApplicable && isNotApplicable(value)
      ? notApplicableIssue(value)
      : checkKind(item, value, scales);
  return c ? { ...c, path: [item.id, ...(c.path ?? [])] } : null;
}

/** The reason given for a not-applicable answer, trimmed ('' when none). */
function reasonOf(answers: object, id: string): string {
  const v = (answers as Record<string, unknown>)[id];
  const reason = isNotApplicable(v) ? v.reason : undefined;
  return typeof reason === 'string' ? reason.trim() : '';
}

export type AnswersMode = 'draft' | 'submit';

export interface ValidateOptions {
  /**
   * `submit` also requires every visible required item, and a reason for
   * every visible item answered "does not apply". Default `draft`.
   */
  mode?: AnswersMode;
  /**
   * The assessment date: a requirement may depend on a date-derived value,
   * so submit validation must see the same date as scoring.
   */
  asOf?: string | undefined;
}

/**
 * Every problem with an answer set, each at its item's path; never throws.
 * Submit mode uses the scoring engine's own state, so whatever `score`
 * counts as required-and-missing, validation reports — at the same date —
 * and adds the declared consistency rules' contradictions.
 *
 * @example validateAnswers(def, answers, { mode: 'submit', asOf: '2026-11-29' })
 */
export function validateAnswers(
  def: Definition | Compiled,
  answers: unknown,
  opts: ValidateOptions = {},
): AnswerIssue[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
    return [{ path: [], code: 'answer.not_object' }];
  const c = 'order' in def ? def : compile(def);
  const out: AnswerIssue[] = [];
  const unknown: string[] = [];
  for (const [id, v] of Object.entries(answers)) {
    const i = c.itemIndex.get(id);
    const item = i === undefined ? undefined : c.items[i]?.item;
    if (!item) {
      unknown.push(id);
      continue;
    }
    if (v === undefined) continue;
    const issue = checkValue(item, v, c.definition.scales);
    if (issue) out.push(issue);
  }
  if (unknown.length > 0)
    out.unshift({ path: [], code: 'answer.unknown_items', params: { ids: unknown.join('、') } });
  if (opts.mode === 'submit') {
    // An answer already reported as malformed is not also "missing".
    const reported = new Set(out.map((i) => i.path[0]));
    const s = evaluateState(c, answers as Answers, opts.asOf);
    for (const id of progressOf(c, s).requiredMissing)
      if (!reported.has(id)) out.push({ path: [id], code: 'answer.required' });
    // "Does not apply" takes an item out of the score: a reviewer must be told why.
    for (const { item, index } of c.items)
      if (s.notApplicable[index] && !reported.has(item.id) && !reasonOf(answers, item.id))
        out.push({ path: [item.id], code: 'answer.na_reason' });
    // Contradictions block a submission, not a draft: a draft may pass
    // through one while the respondent is still changing either answer.
    for (const i of consistencyIssues(c, answers as Answers, opts.asOf, s))
      if (!reported.has(i.path[0])) out.push(i);
  }
  return out;
}

import type { AssessmentStatus, DecisionOutcome, Role } from '../schema/enums.ts';

/*
 * The assessment lifecycle in one place: its states, the actions that move
 * between them, and who may take each action in which state. Services call
 * `guard` before they write (and write conditionally on the state they
 * read); the API derives what a user may do (`allowedActions`) from here
 * too, so the buttons on a page and the rules behind them cannot disagree.
 *
 *   draft ──submit──▶ submitted ──assign──▶ in_review ──approve──▶ decided
 *     ▲                                  │ ▲   │
 *     └──────reopen────── returned ◀─return┘ └assign (another reviewer)
 */

export const ACTIONS = ['edit', 'submit', 'assign', 'judge', 'decide', 'reopen'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Steps of a review with several reviewers, and the respondent's reply to
 * a comment. Kept apart from `ACTIONS` (which `can` lists) because they
 * depend on more than the state: whether the caller has finished, whether
 * every reviewer has, whether the draft came back from a review.
 */
export const REVIEW_STEPS = ['finish', 'settle', 'reply'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

/** How the caller relates to the assessment: it decides who may act. */
export interface Relation {
  role: Role;
  /** The caller belongs to the organisation that owns the assessment. */
  owner: boolean;
  /** The caller is one of its assigned reviewers. */
  assigned: boolean;
  /**
   * The caller is the lead reviewer, who settles and decides. Absent means
   * the caller is the only reviewer, who leads by being alone.
   */
  lead?: boolean | undefined;
}

interface Rule {
  /** States in which the action is possible at all. */
  from: readonly AssessmentStatus[];
  /** Who may take it. */
  who: (r: Relation) => boolean;
}

const respondent = (r: Relation) => r.role === 'respondent' && r.owner;
const reviewer = (r: Relation) => r.role === 'reviewer' && r.assigned;
const lead = (r: Relation) => reviewer(r) && r.lead !== false;

const RULES: Record<Action | ReviewStep, Rule> = {
  edit: { from: ['draft'], who: respondent },
  submit: { from: ['draft'], who: respondent },
  assign: { from: ['submitted', 'in_review'], who: (r) => r.role === 'admin' },
  judge: { from: ['in_review'], who: reviewer },
  // Several reviewers judge independently; only the lead decides.
  decide: { from: ['in_review'], who: lead },
  reopen: { from: ['returned'], who: respondent },
  finish: { from: ['in_review'], who: reviewer },
  settle: { from: ['in_review'], who: lead },
  // A reply to a reviewer's comment, while the assessment is back with the
  // respondent (returned, or reopened as a draft after a return).
  reply: { from: ['returned', 'draft'], who: respondent },
};

/**
 * Where an action leads. `submit` goes straight to review when reviewers
 * are already assigned (a resubmission after a return keeps its reviewers).
 */
export function nextStatus(
  action: Action,
  opts: { hasReviewers?: boolean; outcome?: DecisionOutcome } = {},
): AssessmentStatus | null {
  switch (action) {
    case 'submit':
      return opts.hasReviewers ? 'in_review' : 'submitted';
    case 'assign':
      return 'in_review';
    case 'decide':
      return opts.outcome === 'return' ? 'returned' : 'decided';
    case 'reopen':
      return 'draft';
    case 'edit':
    case 'judge':
      return null; // no change of state
  }
}

/** The states from which an action may start: what a conditional write checks. */
export const statesFor = (action: Action | ReviewStep): readonly AssessmentStatus[] =>
  RULES[action].from;

export type Refusal =
  /** The caller may never take this action on this assessment. */
  | 'not_permitted'
  /** The caller may, but not in the assessment's current state. */
  | 'wrong_state';

/**
 * Whether `relation` may take `action` on an assessment in `status`: null
 * when allowed, else why not.
 *
 * @example guard('edit', 'returned', { role: 'respondent', owner: true, assigned: false }) // 'wrong_state'
 */
export function guard(
  action: Action | ReviewStep,
  status: AssessmentStatus,
  relation: Relation,
): Refusal | null {
  const rule = RULES[action];
  if (!rule.who(relation)) return 'not_permitted';
  return rule.from.includes(status) ? null : 'wrong_state';
}

/** Every action the caller may take now. */
export function allowedActions(
  status: AssessmentStatus,
  relation: Relation,
): Record<Action, boolean> {
  const out = {} as Record<Action, boolean>;
  for (const a of ACTIONS) out[a] = guard(a, status, relation) === null;
  return out;
}

/** Whether the respondent may see reviewers' item judgements and the decision yet. */
export const reviewVisibleTo = (status: AssessmentStatus, r: Relation): boolean =>
  reviewer(r) || status === 'returned' || status === 'decided';

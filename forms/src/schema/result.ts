import { z } from 'zod';
import { Citation } from './citation.ts';
import { Text } from './common.ts';
import { GateKind, GateOutcome, ItemStatus } from './enums.ts';

export const ItemResult = z.object({
  id: z.string(),
  section: z.string(),
  status: ItemStatus,
  points: z.number(),
  max: z.number(),
  visible: z.boolean(),
  required: z.boolean(),
  /** What the item is worth on the 0–100 total, given its section weights. */
  weight: z.number(),
  /** Set when a reviewer's judgement replaced the self-assessed status. */
  overridden: z.boolean().optional(),
  /**
   * Set when a reviewer judged the item 观察项: it counts as met (status `met`,
   * full points) and is listed as something to watch.
   */
  observation: z.boolean().optional(),
});
export type ItemResult = z.infer<typeof ItemResult>;

export const SectionResult = z.object({
  id: z.string(),
  title: Text,
  parent: z.string().nullable(),
  visible: z.boolean(),
  points: z.number(),
  max: z.number(),
  /** Share of the section's maximum earned, 0–1; null when nothing in it applies. */
  ratio: z.number().nullable(),
  weight: z.number(),
});
export type SectionResult = z.infer<typeof SectionResult>;

export const GateResult = z.object({
  id: z.string(),
  title: Text,
  kind: GateKind,
  outcome: GateOutcome,
  message: Text.nullable(),
  citations: z.array(Citation),
  /**
   * Set on a failed gate that waiting alone will pass (a rule on elapsed
   * time): the first date on which it holds, e.g. "可于 2026-12-01 起申请".
   */
  eligibleFrom: z.string().optional(),
  /** Decided by the gate's `whenNotApplicable` because an input it reads does not apply. */
  notApplicable: z.boolean().optional(),
});
export type GateResult = z.infer<typeof GateResult>;

const step = {
  rule: z.string().describe('e.g. "gate:system-running", "tier:ready.minScore"'),
  outcome: GateOutcome,
};

/**
 * One rule the verdict checked, as a code with its parameters: the words
 * come from the message catalogues (`present/`), so a stored result reads
 * in any language the catalogues have.
 */
export const TraceStep = z.discriminatedUnion('code', [
  z.object({
    ...step,
    code: z.literal('gate'),
    gate: z.string(),
    eligibleFrom: z.string().optional(),
  }),
  z.object({
    ...step,
    code: z.literal('tier.score'),
    tier: z.string(),
    score: z.number(),
    min: z.number(),
  }),
  z.object({ ...step, code: z.literal('tier.gate'), tier: z.string(), gate: z.string() }),
  z.object({ ...step, code: z.literal('tier.requires'), tier: z.string() }),
]);
export type TraceStep = z.infer<typeof TraceStep>;
export type TraceCode = TraceStep['code'];

/** What keeps a tier out of reach. Gate ids point into `ScoreResult.gates`. */
export const Blocker = z.discriminatedUnion('code', [
  z.object({ code: z.literal('score.below'), score: z.number(), min: z.number() }),
  z.object({ code: z.literal('gate.failed'), gate: z.string() }),
  z.object({ code: z.literal('gate.unknown'), gate: z.string() }),
  /** A failed gate that passes from `from` on if nothing else changes (time-bound). */
  z.object({ code: z.literal('gate.waiting'), gate: z.string(), from: z.string() }),
  z.object({ code: z.literal('requires.failed'), tier: z.string(), label: Text }),
  z.object({ code: z.literal('requires.unknown'), tier: z.string(), label: Text }),
  /** A tier with `allTargets`: targets (item ids) not met, of the applicable ones. */
  z.object({
    code: z.literal('targets.missed'),
    attained: z.number(),
    total: z.number(),
    missed: z.array(z.string()),
  }),
]);
export type Blocker = z.infer<typeof Blocker>;

/** Why the verdict is what it is: the tier reached, and what blocks the one above. */
export const Reason = z.discriminatedUnion('code', [
  /** How many targets are attained, and which are not (definitions with an allTargets tier). */
  z.object({
    code: z.literal('targets.summary'),
    attained: z.number(),
    total: z.number(),
    missed: z.array(z.string()),
  }),
  /**
   * The assessment date is after the definition's `validUntil`: no tier is
   * given; `message` (the definition's `expiredMessage`) says what that means.
   */
  z.object({
    code: z.literal('definition.expired'),
    validUntil: z.string(),
    supersededBy: z.string().optional(),
    message: Text.optional(),
  }),
  z.object({ code: z.literal('tier.reached'), tier: z.string(), label: Text, score: z.number() }),
  z.object({
    code: z.literal('tier.missed'),
    tier: z.string(),
    label: Text,
    blockers: z.array(Blocker),
  }),
]);
export type Reason = z.infer<typeof Reason>;

/**
 * An item that costs points. Figures and codes only: the item's prompt,
 * recommendation and citations are the definition's (look them up by
 * `item`), so a result does not carry the definition's text again — it was
 * half of an assessment read's bytes (issue 15).
 */
export const Gap = z.object({
  item: z.string(),
  section: z.string(),
  status: ItemStatus,
  /** Points of the 0–100 total this item costs now. */
  cost: z.number(),
});
export type Gap = z.infer<typeof Gap>;

export const NextTier = z.object({
  tier: z.string(),
  label: Text,
  minScore: z.number(),
  scoreGap: z.number().describe('points still missing on the total, 0 when the score is enough'),
  /** The fewest items whose meeting closes the score gap, largest gain first. */
  items: z.array(z.object({ item: z.string(), gain: z.number() })),
  /** Gates of this tier (and those below) that are not yet passed. */
  gates: z.array(z.string()),
  /** Tiers (up to this one) whose extra condition does not yet hold. */
  conditions: z.array(z.string()),
  /** False when even meeting every item would not reach the threshold. */
  reachable: z.boolean(),
});
export type NextTier = z.infer<typeof NextTier>;

/** Whether the definition applies on the assessment date (set when it declares dates). */
export const Edition = z.object({
  status: z.enum(['current', 'expired', 'notYetInForce']),
  validFrom: z.string().optional(),
  validUntil: z.string().optional(),
  supersededBy: z.string().optional(),
});
export type Edition = z.infer<typeof Edition>;

export const ScoreResult = z.object({
  definition: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
  /**
   * Target-scored items (scoring type target) that apply: how many are met and which are not
   * (unmet, partly met or unanswered). Set when the definition has any.
   */
  targets: z
    .object({ attained: z.number(), total: z.number(), missed: z.array(z.string()) })
    .optional(),
  /** Set when the definition declares validFrom/validUntil and an assessment date is given. */
  edition: Edition.optional(),
  total: z.object({ score: z.number(), points: z.number(), max: z.number() }),
  progress: z.object({
    answered: z.number(),
    applicable: z.number(),
    requiredMissing: z.array(z.string()),
  }),
  sections: z.array(SectionResult),
  items: z.array(ItemResult),
  derived: z.record(z.string(), z.number().nullable()),
  gates: z.array(GateResult),
  verdict: z.object({
    tier: z.string().nullable(),
    /** The reached tier's label; null when no tier is reached. */
    label: Text.nullable(),
    reasons: z.array(Reason),
  }),
  trace: z.array(TraceStep),
  gaps: z.array(Gap),
  next: NextTier.nullable(),
});
export type ScoreResult = z.infer<typeof ScoreResult>;

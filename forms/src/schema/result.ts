import { z } from 'zod';
import { Citation } from './citation.ts';
import { Text } from './common.ts';

export const ItemStatus = z.enum([
  'met',
  'partial',
  'unmet',
  'not_applicable',
  'unanswered',
  'info',
]);
export type ItemStatus = z.infer<typeof ItemStatus>;

/** The auditor's verdict each status mirrors on a checklist line. */
export const AUDITOR_LABEL: Record<ItemStatus, string> = {
  met: '符合',
  partial: '一般不符合',
  unmet: '严重不符合',
  not_applicable: '不适用',
  unanswered: '未作答',
  info: '信息',
};

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

export const GateOutcome = z.enum(['passed', 'failed', 'unknown']);
export type GateOutcome = z.infer<typeof GateOutcome>;

export const GateResult = z.object({
  id: z.string(),
  title: Text,
  kind: z.enum(['veto', 'eligibility']),
  outcome: GateOutcome,
  message: Text.nullable(),
  citations: z.array(Citation),
});
export type GateResult = z.infer<typeof GateResult>;

export const TraceStep = z.object({
  rule: z.string().describe('e.g. "gate:system-running", "tier:ready.minScore"'),
  outcome: z.enum(['passed', 'failed', 'unknown']),
  detail: z.string(),
});
export type TraceStep = z.infer<typeof TraceStep>;

export const Gap = z.object({
  item: z.string(),
  section: z.string(),
  prompt: Text,
  status: ItemStatus,
  /** Points of the 0–100 total this item costs now. */
  cost: z.number(),
  recommendation: Text.nullable(),
  citations: z.array(Citation),
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

export const ScoreResult = z.object({
  definition: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
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
    label: Text,
    reasons: z.array(z.string()),
  }),
  trace: z.array(TraceStep),
  gaps: z.array(Gap),
  next: NextTier.nullable(),
});
export type ScoreResult = z.infer<typeof ScoreResult>;

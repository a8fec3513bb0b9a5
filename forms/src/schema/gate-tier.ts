import { z } from 'zod';
import { Citation } from './citation.ts';
import { Id, Text } from './common.ts';
import { Condition } from './condition.ts';
import { GateKind } from './enums.ts';

/**
 * A gate (一票否决 / eligibility) must hold whatever the score. It is
 * unknown, not failed, while the answers it reads are missing.
 */
export const Gate = z.strictObject({
  id: Id,
  title: Text,
  kind: GateKind.default('eligibility'),
  condition: Condition,
  failMessage: Text.describe('shown when the gate fails: what blocks and what to do'),
  whenNotApplicable: z
    .enum(['pass', 'fail'])
    .optional()
    .describe(
      'what the gate is when an input it reads does not apply (hidden by a profile answer, or answered not applicable) and every other input is answered; required when an input can be hidden',
    ),
  notApplicableMessage: Text.optional().describe(
    'shown instead of failMessage when the gate fails because an input does not apply',
  ),
  citations: z.array(Citation).default([]),
});
export type Gate = z.infer<typeof Gate>;

/**
 * Verdict tiers, lowest first. Tiers are cumulative: reaching a tier means
 * meeting its own threshold, gates and condition and those of every tier
 * below it (示范 implies 优势 implies 试点).
 */
export const Tier = z.strictObject({
  id: Id,
  label: Text,
  description: Text.optional(),
  minScore: z.number().min(0).default(0).describe('total score out of 100'),
  gates: z.array(Id).default([]),
  requires: Condition.optional(),
  allTargets: z
    .boolean()
    .optional()
    .describe(
      'reached only when every applicable target-scored item (scoring type target) is met: "全面达标" never with a target unmet',
    ),
});
export type Tier = z.infer<typeof Tier>;

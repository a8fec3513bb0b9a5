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
});
export type Tier = z.infer<typeof Tier>;

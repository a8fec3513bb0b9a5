import { z } from 'zod';
import { Id, Text } from './common.ts';
import { Condition } from './condition.ts';
import { Item } from './item.ts';

/**
 * A section holds either items or sub-sections, never both, so that its
 * score is always well defined: points over maximum for items, the
 * weight-averaged ratio of its children otherwise.
 */
export const Section = z.strictObject({
  id: Id,
  title: Text,
  clause: z.string().optional(),
  description: Text.optional(),
  weight: z.number().positive().default(1),
  bonus: z
    .number()
    .positive()
    .optional()
    .describe(
      'top-level only: a bonus section outside the 100-point total; the share of its points earned × bonus is added on top (e.g. 100 + 5 bonus points); its weight is ignored',
    ),
  visibleWhen: Condition.optional(),
  unverified: z.boolean().optional().describe('title or numbering not confirmed: shown as 待确认'),
  items: z.array(Item).default([]),
  get sections() {
    return z.array(Section).default([]);
  },
});
export type Section = z.infer<typeof Section>;
export type SectionInput = z.input<typeof Section>;

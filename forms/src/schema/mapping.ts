import { z } from 'zod';
import { DefinitionRef, Id, Text } from './common.ts';

/**
 * A mapping carries answers given under one definition over to another
 * (2013 ↔ 2023 clauses; 贯标 answers reused in a programme application), so
 * that a question answered once is not asked again.
 */
export const Mapping = z.strictObject({
  id: Id,
  title: Text,
  from: DefinitionRef,
  to: DefinitionRef,
  pairs: z
    .array(
      z.strictObject({
        from: Id,
        to: Id,
        note: Text.optional().describe('why the two items ask the same thing'),
        confirm: z
          .boolean()
          .default(false)
          .describe(
            'carry the answer as "to be confirmed": shown pre-filled, counted as unanswered until confirmed (audits, management reviews and their dates must be redone under the new edition)',
          ),
      }),
    )
    .min(1),
});
export type Mapping = z.infer<typeof Mapping>;

import { z } from 'zod';
import { Id, Text } from './common.ts';
import { Condition } from './condition.ts';

/**
 * A declared consistency rule: when `when` holds, `expect` must hold too —
 * e.g. "if the prerequisite says no management review was held, clause 9.4
 * cannot say reviews are held". Both read answers three-valued, so a rule
 * only fires on answers that actually contradict each other, never on
 * questions still unanswered or hidden.
 */
export const ConsistencyRule = z.strictObject({
  id: Id,
  when: Condition.describe('the answer(s) that make the other side impossible'),
  expect: Condition.describe('what must then hold; a contradiction when it is definitely false'),
  items: z
    .array(Id)
    .min(1)
    .describe('the questions to flag (each is shown the message and may be changed to resolve it)'),
  message: Text.describe('what contradicts what, and which answer to reconsider'),
});
export type ConsistencyRule = z.infer<typeof ConsistencyRule>;

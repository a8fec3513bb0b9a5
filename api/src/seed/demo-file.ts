import { IsoDate, JudgedStatus, OrgKind, Role } from '@zhiping/forms';
import { z } from 'zod';

/*
 * seeds/demo.yaml: organisations, their users, and their assessments as a
 * sample's answers (with some changed to fit the organisation) plus what
 * happened to each, step by step and dated — so every state a real
 * assessment passes through is reached the way a user reaches it.
 */

const Answers = z.record(z.string(), z.unknown());
const At = z.iso.datetime({ offset: true });

export const Step = z.discriminatedUnion('do', [
  z.object({ at: At, do: z.literal('submit') }),
  /** The admin assigns the demo reviewer. */
  z.object({ at: At, do: z.literal('assign') }),
  /** The reviewer overrides one item. */
  z.object({
    at: At,
    do: z.literal('judge'),
    item: z.string(),
    status: JudgedStatus,
    points: z.number().optional(),
    reason: z.string(),
  }),
  z.object({ at: At, do: z.literal('approve'), comment: z.string() }),
  z.object({ at: At, do: z.literal('return'), comment: z.string() }),
  z.object({ at: At, do: z.literal('reopen') }),
  /** The respondent changes answers (and the assessment date). */
  z.object({ at: At, do: z.literal('save'), set: Answers, asOf: IsoDate.optional() }),
]);
export type Step = z.infer<typeof Step>;

export const DemoFile = z.object({
  password: z.string().min(10),
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shortName: z.string().optional(),
      kind: OrgKind,
      region: z.string().optional(),
      users: z.array(z.object({ email: z.email(), name: z.string(), role: Role })),
      assessments: z
        .array(
          z.object({
            sample: z.string(),
            asOf: IsoDate.optional(),
            /** Answers that differ from the sample's, to fit this organisation. */
            set: Answers.default({}),
            steps: z.array(Step).default([]),
          }),
        )
        .default([]),
    }),
  ),
  otherSamples: z.enum(['submitted', 'skip']),
});
export type DemoFile = z.infer<typeof DemoFile>;

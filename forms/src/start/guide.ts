import { z } from 'zod';
import { Answers } from '../schema/answers.ts';
import { Id, Text } from '../schema/common.ts';
import { Audience } from '../schema/enums.ts';

/*
 * The guided start's own rules, as data (forms/start/guide.yaml): questions
 * no single questionnaire asks in the first section but which decide what to
 * start with (a 2013 certificate), profile answers carried into items of
 * another id in another questionnaire (own R&D → the programme's p.own-rd),
 * and when a related questionnaire becomes a main one (an R&D firm and the
 * 优势/示范 programme). The web's recommend.ts reads it; nothing there names
 * a definition or an item.
 */

const DefinitionId = z.string().regex(/^[a-z][a-z0-9_.-]*$/);

export const StartGuide = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        id: Id,
        audience: Audience,
        prompt: Text,
        /** Answers this yes/no pre-fills, per definition id. */
        prefill: z
          .strictObject({
            yes: z.record(DefinitionId, Answers).default({}),
            no: z.record(DefinitionId, Answers).default({}),
          })
          .default({ yes: {}, no: {} }),
        /** On yes: these questionnaires become main ones, for `because`. */
        promote: z.array(DefinitionId).default([]),
        because: Text.optional(),
      }),
    )
    .default([]),
  /** A profile answer carried into another questionnaire's item of another id. */
  carry: z
    .array(z.strictObject({ from: Id, into: z.record(DefinitionId, Id), note: Text.optional() }))
    .default([]),
  /** When every listed profile answer is given as stated, `definition` is a main questionnaire. */
  primary: z
    .array(
      z.strictObject({
        when: z.record(Id, z.boolean()),
        definition: DefinitionId,
        because: Text,
      }),
    )
    .default([]),
});
export type StartGuide = z.infer<typeof StartGuide>;

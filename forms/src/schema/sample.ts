import { z } from 'zod';
import { Answers } from './answers.ts';
import { DefinitionRef, Id } from './common.ts';
import { IsoDate } from './iso-date.ts';

/**
 * A sample assessment (seeds/samples/<definition id>/<name>.json): demo data
 * for a fresh install and a fixture for the criteria tests.
 */
export const SampleAssessment = z.strictObject({
  id: Id,
  title: z.string().min(1).describe('what this sample shows, e.g. "可以申请认证的制造企业"'),
  organisation: z.strictObject({
    name: z.string().min(1).describe('a fictitious organisation'),
    kind: z.enum(['enterprise', 'city']),
    region: z.string().optional(),
  }),
  definition: DefinitionRef,
  asOf: IsoDate,
  answers: Answers,
});
export type SampleAssessment = z.infer<typeof SampleAssessment>;

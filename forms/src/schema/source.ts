import { z } from 'zod';
import { Id, Text } from './common.ts';

/** An entry of the source catalogue (seeds/sources.yaml) that citations name. */
export const Source = z.strictObject({
  id: Id,
  kind: z.enum(['document', 'standard']),
  title: z.string().min(1),
  docNumber: z.string().optional().describe('文号, e.g. 国知发管字〔2016〕86号'),
  issuer: z.string().min(1),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  script: z.enum(['simplified', 'traditional']).optional(),
  file: z
    .string()
    .optional()
    .describe('file name of the plain-text copy among the source documents'),
  note: Text.optional(),
  certainty: z
    .enum(['doc', 'read', 'unverified'])
    .optional()
    .describe(
      'how sure the facts we take from it are (domain.md): doc = read in a file of the source documents; read = read in public material; unverified = widely repeated, not confirmed from a primary text',
    ),
  confidence: z
    .enum(['high', 'medium-high', 'medium', 'low'])
    .optional()
    .describe('for read: how reliable the public material was'),
  says: z
    .array(Text)
    .optional()
    .describe('for a source without a text file: what we take from it, in our words (facts only)'),
  passages: z
    .array(
      z.strictObject({
        article: z.string(),
        quotes: z.array(z.string()).default([]).describe('the short phrases definitions quote'),
        gist: Text.optional().describe('our summary, not the text'),
      }),
    )
    .default([])
    .describe('what the definitions cite of this source: kept in sync by `pnpm forms catalogue`'),
});
export type Source = z.infer<typeof Source>;

export const SourceCatalogue = z.strictObject({ sources: z.array(Source).min(1) });
export type SourceCatalogue = z.infer<typeof SourceCatalogue>;

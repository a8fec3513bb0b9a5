import { z } from 'zod';
import { Id } from './common.ts';

/**
 * Where a criterion comes from. Either a policy document of the source
 * catalogue (with its article path and a short verbatim quote that the
 * author's check proves is in the document), or a clause of a standard
 * (whose text is copyrighted: we carry the clause number, never its words).
 */
export const DocumentCitation = z.strictObject({
  source: Id.describe('catalogue id of the source document, e.g. "src-001"'),
  article: z.string().min(1).describe('article path in the document, e.g. "三(二)"'),
  quote: z
    .string()
    .min(2)
    .max(80)
    .optional()
    .describe('a short phrase that appears verbatim in the document'),
  unverified: z.boolean().optional(),
});

export const StandardCitation = z.strictObject({
  standard: Id.describe('catalogue id of the standard, e.g. "gbt29490-2023"'),
  clause: z
    .string()
    .regex(/^([A-Z]|[A-Z]?\d+)(\.\d+)*$/, 'a clause number such as "7.5", "B" or "B.1"'),
  title: z.string().min(1).optional().describe('the clause title (a fact, not the clause text)'),
  unverified: z
    .boolean()
    .optional()
    .describe('the clause number or title is not confirmed from a primary text: shown as 待确认'),
});

export const Citation = z.union([DocumentCitation, StandardCitation]);
export type Citation = z.infer<typeof Citation>;
export type DocumentCitation = z.infer<typeof DocumentCitation>;
export type StandardCitation = z.infer<typeof StandardCitation>;

export { isDocumentCitation } from './citation-kind.ts';

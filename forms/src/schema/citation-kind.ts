import type { Citation, DocumentCitation } from './citation.ts';

/** Whether a citation names a source document (not a standard's clause). Plain code: no zod. */
export function isDocumentCitation(c: Citation): c is DocumentCitation {
  return 'source' in c;
}

import { type Citation, isDocumentCitation, standardName, translate } from '@zhiping/forms';
import { UNVERIFIED } from './labels.ts';
import type { SourceInfo } from './types.ts';

/**
 * One citation as a reader wants it: the document (its 文号, or its title
 * when it has none, if the catalogue is at hand) and article with the short
 * quote, or the standard and clause. Unconfirmed ones say so.
 */
export function citationText(c: Citation, sources?: ReadonlyMap<string, SourceInfo>): string {
  const mark = c.unverified ? `（${UNVERIFIED}）` : '';
  if (isDocumentCitation(c)) {
    // The 文号 alone identifies a document and keeps table cells short; the
    // report lists every cited document with its title at the end.
    const s = sources?.get(c.source);
    const doc = s ? (s.docNumber ?? `《${s.title}》`) : c.source;
    const quote = c.quote ? `：“${c.quote}”` : '';
    return `${doc} ${c.article}${quote}${mark}`;
  }
  const title = c.title ? ` ${c.title}` : '';
  return `${standardName(c.standard)} ${translate('zh', 'citation.clause', { clause: c.clause })}${title}${mark}`;
}

export const citationsText = (
  cs: readonly Citation[],
  sources?: ReadonlyMap<string, SourceInfo>,
): string[] => cs.map((c) => citationText(c, sources));

/** Catalogue ids of the documents cited, in order of first citation, each once. */
export function citedDocuments(lists: Iterable<readonly Citation[]>): string[] {
  const seen = new Set<string>();
  for (const cs of lists) for (const c of cs) if (isDocumentCitation(c)) seen.add(c.source);
  return [...seen];
}

import { type Citation, isDocumentCitation } from '@zhiping/forms';
import { standardName, UNVERIFIED } from './labels.ts';
import type { SourceInfo } from './types.ts';

/**
 * One citation as a reader wants it: the document (its title and 文号 when
 * the catalogue is at hand) and article with the short quote, or the
 * standard and clause. Unconfirmed ones say so.
 */
export function citationText(c: Citation, sources?: ReadonlyMap<string, SourceInfo>): string {
  const mark = c.unverified ? `（${UNVERIFIED}）` : '';
  if (isDocumentCitation(c)) {
    const s = sources?.get(c.source);
    const doc = s ? `《${s.title}》${s.docNumber ? `（${s.docNumber}）` : ''}` : c.source;
    const quote = c.quote ? `：“${c.quote}”` : '';
    return `${doc} ${c.article}${quote}${mark}`;
  }
  const title = c.title ? ` ${c.title}` : '';
  return `${standardName(c.standard)} 第 ${c.clause} 条${title}${mark}`;
}

export const citationsText = (
  cs: readonly Citation[],
  sources?: ReadonlyMap<string, SourceInfo>,
): string[] => cs.map((c) => citationText(c, sources));

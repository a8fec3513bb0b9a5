import { type Problem, problem } from '../problem.ts';
import { isDocumentCitation } from '../schema/citation.ts';
import type { Definition } from '../schema/definition.ts';
import type { Source } from '../schema/source.ts';
import { citationsWithPaths } from './walk.ts';

/**
 * Makes text comparable across scripts and widths: the caller's fold (e.g.
 * traditional → simplified), NFKC (full-width ↔ half-width punctuation),
 * and no white space.
 */
export function normaliseForQuote(text: string, fold: (s: string) => string): string {
  return fold(text.normalize('NFKC')).replace(/\s+/g, '');
}

/**
 * Proves every citation quote appears in its document. Pure: the caller
 * reads the documents (`readDocument` by catalogue file name) and supplies
 * the script fold.
 */
export function verifyQuotes(
  def: Definition,
  catalogue: ReadonlyMap<string, Source>,
  readDocument: (file: string) => string | undefined,
  fold: (s: string) => string,
): Problem[] {
  const out: Problem[] = [];
  const texts = new Map<string, string | undefined>();
  for (const { value: c, path } of citationsWithPaths(def)) {
    if (!isDocumentCitation(c) || c.quote === undefined) continue;
    const source = catalogue.get(c.source);
    if (!source?.file) {
      out.push(
        problem(
          [...path, 'quote'],
          'unprovable_quote',
          `"${c.source}" has no text file to prove the quote against`,
        ),
      );
      continue;
    }
    if (!texts.has(source.file)) {
      const raw = readDocument(source.file);
      texts.set(source.file, raw === undefined ? undefined : normaliseForQuote(raw, fold));
    }
    const text = texts.get(source.file);
    if (text === undefined) {
      out.push(problem([...path, 'quote'], 'missing_document', `cannot read ${source.file}`));
    } else if (!text.includes(normaliseForQuote(c.quote, fold))) {
      out.push(
        problem(
          [...path, 'quote'],
          'quote_not_found',
          `quote not found verbatim in ${source.file}: "${c.quote}"`,
        ),
      );
    }
  }
  return out;
}

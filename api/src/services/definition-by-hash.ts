import type { DefinitionDetail } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';

/**
 * One published version, named by its content hash as well as its ref: a
 * published version never changes, so the URL names one body for ever and
 * the browser may cache it as immutable. A hash that is not this version's
 * is a 404, never another body under the same URL.
 */
export async function definitionByHash(
  deps: Deps,
  ref: string,
  hash: string,
): Promise<DefinitionDetail> {
  const { definition, row } = await deps.definitions.get(ref);
  if (row.hash !== hash || !ref.includes('@'))
    throw new DomainError('not_found', { what: 'definition', id: `${ref} ${hash}` });
  return { summary: await deps.definitions.summary(ref), definition };
}

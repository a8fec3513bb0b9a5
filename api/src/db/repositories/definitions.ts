import { Definition, type Family } from '@zhiping/forms';
import type { Kysely, Selectable } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../faults.ts';
import type { Database, DefinitionTable } from '../schema.ts';
import { parseColumn, toColumn } from './json.ts';

/* Published definitions: immutable rows, the body parsed with the engine's schema. */

export type DefinitionMeta = Omit<Selectable<DefinitionTable>, 'body' | 'source'>;

export interface StoredDefinitionRow {
  meta: DefinitionMeta;
  definition: Definition;
}

/** `id` and `version` of every published definition (of one family). */
export async function definitionVersions(
  db: Kysely<Database>,
  filter: { id?: string; family?: Family } = {},
): Promise<{ id: string; version: string }[]> {
  let q = db.selectFrom('definitions').select(['id', 'version']);
  if (filter.id !== undefined) q = q.where('id', '=', filter.id);
  if (filter.family !== undefined) q = q.where('family', '=', filter.family);
  return q.execute();
}

export async function findDefinition(
  db: Kysely<Database>,
  id: string,
  version: string,
): Promise<StoredDefinitionRow | undefined> {
  const row = await db
    .selectFrom('definitions')
    .selectAll()
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  const { body, source: _source, ...meta } = row;
  return {
    meta,
    definition: parseColumn(Definition, body, `definitions.body of ${id}@${version}`),
  };
}

/** The content hash of a published version, or undefined when it is not published. */
export async function publishedHash(
  db: Kysely<Database>,
  id: string,
  version: string,
): Promise<string | undefined> {
  const r = await db
    .selectFrom('definitions')
    .select('hash')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r?.hash;
}

export async function insertDefinition(
  db: Kysely<Database>,
  d: {
    definition: Definition;
    title: string;
    hash: string;
    source: unknown;
    builtin: boolean;
    at: string;
    by: string | null;
  },
): Promise<void> {
  await db
    .insertInto('definitions')
    .values({
      id: d.definition.id,
      version: d.definition.version,
      family: d.definition.family,
      title: d.title,
      hash: d.hash,
      body: toColumn(d.definition),
      source: toColumn(d.source),
      builtin: d.builtin ? 1 : 0,
      published_at: d.at,
      published_by: d.by,
    })
    .execute()
    .catch((err: unknown) => {
      // Two publications of one version at once: the check before passed for both.
      if (isUniqueViolation(err))
        throw new DomainError('version_exists', {
          ref: `${d.definition.id}@${d.definition.version}`,
        });
      throw err;
    });
}

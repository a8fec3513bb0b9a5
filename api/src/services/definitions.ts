import {
  type Compiled,
  checkDefinition,
  compareVersions,
  compile,
  contentHash,
  Definition,
  type DefinitionFile,
  type Family,
  type Problem as FormProblem,
  fromZod,
  isOverlay,
  parseDefinitionFile,
  refOf,
  resolveOverlay,
  textOf,
} from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { DefinitionSummary } from '../contract/index.ts';
import {
  type DefinitionMeta,
  definitionVersions,
  findDefinition,
  insertDefinition,
  publishedHash,
} from '../db/repositories/definitions.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';

export interface StoredDefinition {
  row: DefinitionMeta;
  definition: Definition;
  /** Compiled once per version: validation and scoring take it directly. */
  compiled: Compiled;
}

const newestFirst = (vs: string[]) => vs.sort((a, b) => compareVersions(b, a));

/**
 * Published definitions. A version, once stored, never changes, so parsed
 * definitions are cached forever by `id@version` (which is also what makes
 * several API processes safe without coordination).
 */
export class DefinitionStore {
  private readonly cache = new Map<string, StoredDefinition>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The newest version of every definition (or of one family), each with its version list. */
  async list(family?: Family): Promise<DefinitionSummary[]> {
    const versions = new Map<string, string[]>();
    for (const r of await definitionVersions(this.db, family ? { family } : {}))
      versions.set(r.id, [...(versions.get(r.id) ?? []), r.version]);
    const out: DefinitionSummary[] = [];
    for (const [id, vs] of versions) {
      newestFirst(vs);
      out.push(describe(await this.get(`${id}@${vs[0]}`), vs));
    }
    return out.sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id));
  }

  /** The summary of one version (`id@version`, or the newest for `id`). */
  async summary(ref: string): Promise<DefinitionSummary> {
    const stored = await this.get(ref);
    return describe(stored, await this.versions(stored.row.id));
  }

  /** `id@version`, or `id` for its newest version; 404 when absent. */
  async get(ref: string): Promise<StoredDefinition> {
    const hit = this.cache.get(ref);
    if (hit) return hit;
    const [id, version] = ref.split('@') as [string, string | undefined];
    if (!version) {
      const newest = (await this.versions(id))[0];
      if (!newest) throw new DomainError('not_found', { what: 'definition', id: ref });
      return this.get(`${id}@${newest}`);
    }
    const found = await findDefinition(this.db, id, version);
    if (!found) throw new DomainError('not_found', { what: 'definition', id: ref });
    const stored = {
      row: found.meta,
      definition: found.definition,
      compiled: compile(found.definition),
    };
    this.cache.set(ref, stored);
    return stored;
  }

  /** Every published version of `id`, newest first. */
  private async versions(id: string): Promise<string[]> {
    return newestFirst((await definitionVersions(this.db, { id })).map((r) => r.version));
  }

  /** The content hash of a published version; undefined when not published. */
  hashOf(id: string, version: string): Promise<string | undefined> {
    return publishedHash(this.db, id, version);
  }

  /**
   * Checks a definition file (a definition or an overlay on a published
   * one) and stores it as a new immutable version.
   */
  async publish(
    input: unknown,
    by: string | null,
    now: Date,
    builtin = false,
  ): Promise<StoredDefinition> {
    // A definition resolved from an overlay keeps `extends` but has its own sections:
    // it is a plain definition, not an overlay to resolve again.
    const resolved = typeof input === 'object' && input !== null && 'sections' in input;
    const { file, problems: parseProblems } = resolved
      ? parsedDefinition(input)
      : parseDefinitionFile(input);
    if (!file) throw invalid(parseProblems);
    const definition = await this.resolve(file);
    const errors = checkDefinition(definition).filter((p) => p.severity === 'error');
    if (errors.length > 0) throw invalid(errors);
    const ref = refOf(definition);
    if ((await this.hashOf(definition.id, definition.version)) !== undefined)
      throw new DomainError('version_exists', { ref });
    await insertDefinition(this.db, {
      definition,
      title: textOf(definition.title),
      hash: contentHash(definition),
      source: input,
      builtin,
      at: now.toISOString(),
      by,
    });
    return this.get(ref);
  }

  private async resolve(file: DefinitionFile): Promise<Definition> {
    if (!isOverlay(file)) return file;
    const base = await this.get(file.extends).catch(() => {
      throw invalid([
        {
          path: ['extends'],
          code: 'unknown_base',
          message: `所扩展的评估表 ${file.extends} 尚未发布`,
          severity: 'error',
        },
      ]);
    });
    const r = resolveOverlay(file, base.definition);
    if (!r.definition) throw invalid(r.problems);
    return r.definition;
  }
}

function parsedDefinition(input: unknown): { file: Definition | null; problems: FormProblem[] } {
  const r = Definition.safeParse(input);
  return r.success ? { file: r.data, problems: [] } : { file: null, problems: fromZod(r.error) };
}

const invalid = (problems: FormProblem[]) => new DomainError('invalid_definition', { problems });

function describe(
  { row, definition, compiled }: StoredDefinition,
  versions: string[],
): DefinitionSummary {
  return {
    id: row.id,
    version: row.version,
    ref: refOf(row),
    family: row.family,
    title: definition.title,
    summary: definition.summary ?? null,
    audience: definition.audience,
    hash: row.hash,
    items: compiled.items.length,
    builtin: row.builtin === 1,
    publishedAt: row.published_at,
    versions,
  };
}

import {
  checkDefinition,
  compareVersions,
  compile,
  contentHash,
  Definition,
  type DefinitionFile,
  type Problem as FormProblem,
  fromZod,
  isOverlay,
  parseDefinitionFile,
  refOf,
  resolveOverlay,
  zh,
} from '@zhiping/forms';
import type { Kysely, Selectable } from 'kysely';
import type { Database, DefinitionTable } from '../db/schema.ts';
import { problems } from '../http/problem.ts';
import type { DefinitionSummary } from '../http/schemas.ts';

type Row = Selectable<DefinitionTable>;

export interface StoredDefinition {
  row: Omit<Row, 'body' | 'source'>;
  definition: Definition;
}

/**
 * Published definitions. A version, once stored, never changes, so parsed
 * definitions are cached forever by `id@version` (which is also what makes
 * several API processes safe without coordination).
 */
export class DefinitionStore {
  private readonly cache = new Map<string, StoredDefinition>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The newest version of every definition (or of one family), each with its version list. */
  async list(family?: string): Promise<DefinitionSummary[]> {
    let q = this.db.selectFrom('definitions').select(['id', 'version']);
    if (family) q = q.where('family', '=', family);
    const versions = new Map<string, string[]>();
    for (const r of await q.execute())
      versions.set(r.id, [...(versions.get(r.id) ?? []), r.version]);
    const out: DefinitionSummary[] = [];
    for (const [id, vs] of versions) {
      vs.sort((a, b) => compareVersions(b, a));
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
      if (!newest) throw problems.notFound(`评估表 ${ref} `);
      return this.get(`${id}@${newest}`);
    }
    const row = await this.db
      .selectFrom('definitions')
      .selectAll()
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) throw problems.notFound(`评估表 ${ref} `);
    const { body, source: _source, ...meta } = row;
    const stored = { row: meta, definition: Definition.parse(JSON.parse(body)) };
    this.cache.set(ref, stored);
    return stored;
  }

  /** Every published version of `id`, newest first. */
  private async versions(id: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('definitions')
      .select('version')
      .where('id', '=', id)
      .execute();
    return rows.map((r) => r.version).sort((a, b) => compareVersions(b, a));
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
    const exists = await this.db
      .selectFrom('definitions')
      .select('hash')
      .where('id', '=', definition.id)
      .where('version', '=', definition.version)
      .executeTakeFirst();
    if (exists)
      throw problems.conflict(
        'version-exists',
        '该版本已发布',
        `${ref} 已经发布，已发布的版本不可修改；请提高版本号后再发布。`,
      );
    await this.db
      .insertInto('definitions')
      .values({
        id: definition.id,
        version: definition.version,
        family: definition.family,
        title: zh(definition.title),
        hash: contentHash(definition),
        body: JSON.stringify(definition),
        source: JSON.stringify(input),
        builtin: builtin ? 1 : 0,
        published_at: now.toISOString(),
        published_by: by,
      })
      .execute();
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

function invalid(ps: FormProblem[]) {
  return problems.unprocessable(
    '评估表定义未通过检查，请按列出的问题修改。',
    ps.map((p) => ({ path: p.path.join('.'), message: p.message, code: p.code })),
  );
}

function describe({ row, definition }: StoredDefinition, versions: string[]): DefinitionSummary {
  return {
    id: row.id,
    version: row.version,
    ref: refOf(row),
    family: row.family,
    title: row.title,
    summary: definition.summary ? zh(definition.summary) : null,
    audience: definition.audience,
    hash: row.hash,
    items: compile(definition).items.length,
    builtin: row.builtin === 1,
    publishedAt: row.published_at,
    versions,
  };
}

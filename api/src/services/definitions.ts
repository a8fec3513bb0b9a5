import {
  checkDefinition,
  contentHash,
  Definition,
  type DefinitionFile,
  type Problem as FormProblem,
  fromZod,
  isOverlay,
  parseDefinitionFile,
  refOf,
  resolveOverlay,
} from '@zhiping/forms';
import type { Kysely, Selectable } from 'kysely';
import type { Database, DefinitionTable } from '../db/schema.ts';
import { problems } from '../http/problem.ts';

type Row = Selectable<DefinitionTable>;

export interface StoredDefinition {
  row: Omit<Row, 'body' | 'source'>;
  definition: Definition;
}

const zhOf = (t: Definition['title']) => (typeof t === 'string' ? t : t.zh);

const semverKey = (v: string) =>
  v
    .split('.')
    .map((n) => n.padStart(6, '0'))
    .join('.');

const countItems = (d: Definition): number => {
  let n = 0;
  const walk = (ss: Definition['sections']) => {
    for (const s of ss) {
      n += s.items?.length ?? 0;
      if (s.sections) walk(s.sections);
    }
  };
  walk(d.sections);
  return n;
};

/**
 * Published definitions. A version, once stored, never changes, so parsed
 * definitions are cached forever by `id@version` (which is also what makes
 * several API processes safe without coordination).
 */
export class DefinitionStore {
  private readonly cache = new Map<string, StoredDefinition>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Every version of every definition (or of one family), newest version first. */
  async list(family?: string) {
    let q = this.db
      .selectFrom('definitions')
      .select(['id', 'version', 'family', 'title', 'hash', 'body', 'builtin', 'published_at']);
    if (family) q = q.where('family', '=', family);
    const rows = await q.execute();
    const byId = new Map<string, typeof rows>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    return [...byId.values()]
      .map((vs) => vs.sort((a, b) => semverKey(b.version).localeCompare(semverKey(a.version))))
      .map((vs) => {
        const latest = vs[0] as (typeof vs)[number];
        const def = this.parse(latest.id, latest.version, latest.body);
        return {
          id: latest.id,
          version: latest.version,
          ref: refOf(latest),
          family: latest.family,
          title: latest.title,
          summary: def.summary ? zhOf(def.summary) : null,
          audience: def.audience,
          hash: latest.hash,
          items: countItems(def),
          builtin: latest.builtin === 1,
          publishedAt: latest.published_at,
          versions: vs.map((v) => v.version),
        };
      })
      .sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id));
  }

  /** `id@version`, or `id` for its newest version; 404 when absent. */
  async get(ref: string): Promise<StoredDefinition> {
    const hit = this.cache.get(ref);
    if (hit) return hit;
    const [id, version] = ref.split('@') as [string, string | undefined];
    let q = this.db.selectFrom('definitions').selectAll().where('id', '=', id);
    if (version) q = q.where('version', '=', version);
    const rows = await q.execute();
    rows.sort((a, b) => semverKey(b.version).localeCompare(semverKey(a.version)));
    const row = rows[0];
    if (!row) throw problems.notFound(`评估表 ${ref} `);
    const stored = this.remember(row);
    return stored;
  }

  private remember(row: Row): StoredDefinition {
    const ref = refOf(row);
    const cached = this.cache.get(ref);
    if (cached) return cached;
    const { body, source: _source, ...meta } = row;
    const stored = { row: meta, definition: this.parse(row.id, row.version, body) };
    this.cache.set(ref, stored);
    return stored;
  }

  private parse(id: string, version: string, body: string): Definition {
    const cached = this.cache.get(`${id}@${version}`);
    if (cached) return cached.definition;
    return Definition.parse(JSON.parse(body));
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
        title: zhOf(definition.title),
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

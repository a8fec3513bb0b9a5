import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDefinition, parseDefinitionFile } from '../checker/check.ts';
import { checkMapping } from '../checker/mapping.ts';
import { citedPassages, stalePassages } from '../checker/passages.ts';
import { resolveOverlay } from '../engine/overlay.ts';
import { fromZod, type Problem } from '../problem.ts';
import { compareVersions } from '../schema/common.ts';
import { type Definition, isOverlay, type Overlay, refOf } from '../schema/definition.ts';
import { Mapping } from '../schema/mapping.ts';
import { SampleAssessment } from '../schema/sample.ts';
import { type Source, SourceCatalogue } from '../schema/source.ts';
import { readYaml, type YamlFile } from './yaml.ts';

const formsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = dirname(createRequire(import.meta.url).resolve('@zhiping/seeds/package.json'));

export const paths = {
  definitions: join(formsDir, 'definitions'),
  mappings: join(formsDir, 'mappings'),
  schema: join(formsDir, 'schema', 'definition.schema.json'),
  seeds: seedsDir,
  samples: join(seedsDir, 'samples'),
  catalogue: join(seedsDir, 'sources.yaml'),
};

export const yamlFilesIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));

/** The definitions, mappings and source catalogue, checked, with every problem located. */
export interface Library {
  definitions: Definition[];
  mappings: Mapping[];
  catalogue: Map<string, Source>;
  /** Which file each definition or mapping came from (by `id@version` or mapping id). */
  files: Map<string, string>;
  problems: Problem[];
  /** A definition by `id@version`, or the newest version of `id`; throws if absent. */
  get(ref: string): Definition;
}

const located = (y: YamlFile, ps: Problem[], mapPath = true): Problem[] =>
  ps.map((p) => ({ ...p, file: y.file, line: mapPath ? y.lineOf(p.path) : y.lineOf([]) }));

export function loadCatalogue(file = paths.catalogue): {
  catalogue: Map<string, Source>;
  problems: Problem[];
} {
  const y = readYaml(file);
  const r = SourceCatalogue.safeParse(y.data);
  if (!r.success) return { catalogue: new Map(), problems: located(y, fromZod(r.error)) };
  return { catalogue: new Map(r.data.sources.map((s) => [s.id, s])), problems: y.problems };
}

/**
 * Loads and checks definition and mapping files: overlays are resolved
 * against whatever they extend (in any order), then everything is checked.
 */
export function loadLibrary(
  definitionFiles: string[],
  mappingFiles: string[],
  catalogueFile = paths.catalogue,
): Library {
  const { catalogue, problems } = loadCatalogue(catalogueFile);
  const defs = new Map<string, Definition>();
  const files = new Map<string, string>();
  const overlays: { y: YamlFile; o: Overlay }[] = [];
  const add = (y: YamlFile, d: Definition) => {
    const ref = refOf(d);
    if (defs.has(ref)) {
      problems.push(
        ...located(y, [
          {
            path: ['id'],
            code: 'duplicate_definition',
            message: `${ref} is defined twice (also in ${files.get(ref)})`,
            severity: 'error',
          },
        ]),
      );
      return;
    }
    defs.set(ref, d);
    files.set(ref, y.file);
  };
  for (const f of definitionFiles) {
    const y = readYaml(f);
    problems.push(...y.problems);
    if (y.problems.length > 0) continue;
    const { file, problems: ps } = parseDefinitionFile(y.data);
    problems.push(...located(y, ps));
    if (!file) continue;
    if (isOverlay(file)) overlays.push({ y, o: file });
    else {
      problems.push(...located(y, checkDefinition(file, { sources: catalogue })));
      add(y, file);
    }
  }
  // Resolve overlays whose base is known, until no more can be.
  let pending = overlays;
  while (pending.length > 0) {
    const next = pending.filter(({ o }) => !defs.has(o.extends));
    if (next.length === pending.length) break;
    for (const { y, o } of pending.filter(({ o }) => defs.has(o.extends))) {
      const base = defs.get(o.extends) as Definition;
      const r = resolveOverlay(o, base);
      problems.push(...located(y, r.problems));
      if (!r.definition) continue;
      // Problems of the resolved definition point into it, not the overlay file.
      problems.push(
        ...located(y, checkDefinition(r.definition, { sources: catalogue }), false).map((p) => ({
          ...p,
          message: `${p.message} (in the resolved definition at ${p.path.join('.')})`,
        })),
      );
      add(y, r.definition);
    }
    pending = next;
  }
  for (const { y, o } of pending) {
    problems.push(
      ...located(y, [
        {
          path: ['extends'],
          code: 'unknown_base',
          message: `extends ${o.extends}, which is not loaded`,
          severity: 'error',
        },
      ]),
    );
  }

  const mappings: Mapping[] = [];
  for (const f of mappingFiles) {
    const y = readYaml(f);
    problems.push(...y.problems);
    const r = Mapping.safeParse(y.data);
    if (!r.success) {
      problems.push(...located(y, fromZod(r.error)));
      continue;
    }
    const m = r.data;
    const from = defs.get(m.from);
    const to = defs.get(m.to);
    if (!from || !to) {
      problems.push(
        ...located(y, [
          {
            path: [from ? 'to' : 'from'],
            code: 'unknown_definition',
            message: `${from ? m.to : m.from} is not loaded`,
            severity: 'error',
          },
        ]),
      );
      continue;
    }
    problems.push(...located(y, checkMapping(m, from, to)));
    mappings.push(m);
    files.set(m.id, y.file);
  }

  for (const id of stalePassages(citedPassages([...defs.values()]), catalogue)) {
    problems.push({
      path: ['sources', id, 'passages'],
      code: 'stale_passages',
      message: `the passages listed for "${id}" differ from what the definitions cite: run \`pnpm forms catalogue\``,
      severity: 'warning',
      file: catalogueFile,
    });
  }

  const get = (ref: string): Definition => {
    if (ref.includes('@')) {
      const d = defs.get(ref);
      if (!d) throw new Error(`no definition ${ref}`);
      return d;
    }
    let best: Definition | undefined;
    for (const d of defs.values())
      if (d.id === ref && (!best || compareVersions(d.version, best.version) > 0)) best = d;
    if (!best) throw new Error(`no definition "${ref}"`);
    return best;
  };
  return { definitions: [...defs.values()], mappings, catalogue, files, problems, get };
}

export function formatProblem(p: Problem, cwd = process.cwd()): string {
  const where = p.file ? `${relative(cwd, p.file)}${p.line ? `:${p.line}` : ''}` : '';
  const path = p.path.length > 0 ? p.path.join('.') : '(root)';
  return `${p.severity === 'error' ? 'error' : 'warn '}  ${where}  ${path}  ${p.message}`;
}

let builtins: Library | undefined;

/**
 * The built-in definitions and mappings, loaded once. Throws, listing every
 * error, if any is invalid: the built-ins must always be sound.
 */
export function loadBuiltins(): Library {
  if (builtins) return builtins;
  const lib = loadLibrary(yamlFilesIn(paths.definitions), yamlFilesIn(paths.mappings));
  const errors = lib.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new Error(
      `built-in definitions are invalid:\n${errors.map((p) => formatProblem(p)).join('\n')}`,
    );
  builtins = lib;
  return lib;
}

/** A sample assessment from seeds/samples, e.g. `loadSample('gbt29490-2023/ready.json')`. */
export function loadSample(rel: string): SampleAssessment {
  const file = join(paths.samples, rel);
  const y = readYaml(file); // JSON is YAML
  const r = SampleAssessment.safeParse(y.data);
  if (!r.success)
    throw new Error(
      `${rel}: ${fromZod(r.error)
        .map((p) => `${p.path.join('.')}: ${p.message}`)
        .join('; ')}`,
    );
  return r.data;
}

/** Every sample file, as paths relative to seeds/samples. */
export function listSamples(): string[] {
  return readdirSync(paths.samples, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort();
}

#!/usr/bin/env node
/**
 * The authors' command line: `pnpm forms check|score|schema|list`.
 * An adapter like the API: it reads files and prints; the engine does the rest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { z } from 'zod';
import { citedPassages, passagesFor } from '../checker/passages.ts';
import { verifyQuotes } from '../checker/quotes.ts';
import { validateAnswers } from '../engine/answer-check.ts';
import { score } from '../engine/score.ts';
import {
  formatProblem,
  type Library,
  loadLibrary,
  paths,
  readYaml,
  yamlFilesIn,
} from '../node/index.ts';
import { issueText } from '../present/issue-text.ts';
import { Definition, Overlay, refOf } from '../schema/definition.ts';
import { pretty } from './pretty.ts';

const USAGE = `usage:
  pnpm forms check [files…] [--sources DIR] [--strict]
  pnpm forms score <definition id[@version] | file.yaml> <answers.json> [--as-of YYYY-MM-DD] [--pretty]
  pnpm forms list
  pnpm forms catalogue   (list in seeds/sources.yaml what the definitions cite)
  pnpm forms schema`;

// pnpm runs scripts in the package folder; paths on the command line are the caller's.
const cwd = process.env.INIT_CWD ?? process.cwd();
const abs = (p: string) => resolve(cwd, p);

function library(extra: string[] = []): Library {
  const extraAbs = extra.map(abs);
  const defs = [
    ...new Set([
      ...yamlFilesIn(paths.definitions),
      ...extraAbs.filter((f) => !f.includes('/mappings/')),
    ]),
  ];
  const maps = [
    ...new Set([
      ...yamlFilesIn(paths.mappings),
      ...extraAbs.filter((f) => f.includes('/mappings/')),
    ]),
  ];
  return loadLibrary(defs, maps);
}

function check(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { sources: { type: 'string' }, strict: { type: 'boolean', default: false } },
  });
  const lib = library(positionals);
  const only = positionals.length > 0 ? new Set(positionals.map(abs)) : null;
  const problems = [...lib.problems];
  if (values.sources) {
    const dir = abs(values.sources);
    const fold = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const read = (file: string) => {
      try {
        return readFileSync(join(dir, file), 'utf8');
      } catch {
        return undefined;
      }
    };
    for (const d of lib.definitions) {
      const file = lib.files.get(refOf(d));
      // Overlays are checked through the definitions they resolve to; map paths only for plain files.
      const y = file ? readYaml(file) : undefined;
      const plain = y && !('extends' in (y.data as object));
      for (const p of verifyQuotes(d, lib.catalogue, read, fold)) {
        problems.push({ ...p, file, line: plain ? y?.lineOf(p.path) : undefined });
      }
    }
  }
  const shown = problems.filter((p) => !only || (p.file && only.has(p.file)));
  for (const p of shown) console.log(formatProblem(p, cwd));
  const errors = shown.filter((p) => p.severity === 'error').length;
  const warnings = shown.length - errors;
  const n = only ? only.size : lib.definitions.length + lib.mappings.length;
  console.log(
    `checked ${n} file(s)${values.sources ? ', quotes proven against the source texts' : ''}: ${errors} error(s), ${warnings} warning(s)`,
  );
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
}

function scoreCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'as-of': { type: 'string' }, pretty: { type: 'boolean', default: false } },
  });
  const [defArg, answersArg] = positionals;
  if (!defArg || !answersArg) {
    console.error(USAGE);
    return 2;
  }
  const isFile = /\.ya?ml$/.test(defArg);
  const lib = library(isFile ? [defArg] : []);
  const errors = lib.problems.filter((p) => p.severity === 'error');
  let def: Definition;
  try {
    if (isFile) {
      const data = readYaml(abs(defArg)).data as { id?: string; version?: string };
      def = lib.get(`${data.id}@${data.version}`);
    } else def = lib.get(defArg);
  } catch (e) {
    for (const p of errors) console.error(formatProblem(p, cwd));
    console.error((e as Error).message);
    return 2;
  }
  const raw = JSON.parse(readFileSync(abs(answersArg), 'utf8')) as Record<string, unknown>;
  // A sample file carries its answers and date; a plain file is the answers.
  const isSample = typeof raw.answers === 'object' && raw.answers !== null && 'definition' in raw;
  const answers = (isSample ? raw.answers : raw) as Record<string, unknown>;
  const asOf = values['as-of'] ?? (isSample ? (raw.asOf as string) : undefined);
  const invalid = validateAnswers(def, answers).map((i) => ({ ...i, message: issueText(i) }));
  if (invalid.length > 0) {
    console.error(JSON.stringify({ error: 'invalid answers', problems: invalid }, null, 2));
    return 2;
  }
  const result = score(def, answers, { asOf });
  console.log(values.pretty ? pretty(def, result) : JSON.stringify(result, null, 2));
  return 0;
}

function list(): number {
  const lib = library();
  for (const d of lib.definitions) {
    const count = (ss: Definition['sections']): [number, number] =>
      ss.reduce<[number, number]>(
        ([s, i], x) => {
          const [cs, ci] = count(x.sections);
          return [s + 1 + cs, i + x.items.length + ci];
        },
        [0, 0],
      );
    const [sections, items] = count(d.sections);
    const title = typeof d.title === 'string' ? d.title : d.title.zh;
    console.log(
      `${refOf(d).padEnd(34)} ${String(sections).padStart(3)} sections ${String(items).padStart(4)} items ${String(d.gates.length).padStart(2)} gates ${String(d.tiers.length).padStart(2)} tiers  ${title}`,
    );
  }
  for (const m of lib.mappings)
    console.log(`${m.id.padEnd(34)} ${m.pairs.length} pairs  ${m.from} → ${m.to}`);
  return 0;
}

/** Rewrites the passages of seeds/sources.yaml from the definitions' citations, keeping comments. */
function catalogue(): number {
  const lib = library();
  const cited = citedPassages(lib.definitions);
  const doc = parseDocument(readFileSync(paths.catalogue, 'utf8'));
  const sources = doc.get('sources') as YAMLSeq<YAMLMap>;
  for (const node of sources.items) {
    const id = String(node.get('id'));
    const passages = passagesFor(cited, id);
    if (passages.length > 0) node.set('passages', doc.createNode(passages, { flow: false }));
    else node.delete('passages');
  }
  writeFileSync(paths.catalogue, doc.toString({ lineWidth: 0 }));
  console.log(`wrote ${paths.catalogue}`);
  return 0;
}

function schema(): number {
  const json = z.toJSONSchema(z.union([Definition, Overlay]), {
    io: 'input',
    unrepresentable: 'any',
  });
  writeFileSync(
    paths.schema,
    `${JSON.stringify({ title: 'Zhiping form definition', ...json }, null, 2)}\n`,
  );
  console.log(`wrote ${paths.schema}`);
  return 0;
}

const commands: Record<string, (args: string[]) => number> = {
  check,
  score: scoreCommand,
  list,
  schema,
  catalogue,
};

const [command = '', ...rest] = process.argv.slice(2);
try {
  const run = commands[command];
  if (run) process.exitCode = run(rest);
  else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (e) {
  // An author's mistake (unreadable file, bad JSON) is told plainly, without a stack trace.
  console.error(`forms: ${(e as Error).message}`);
  process.exitCode = 2;
}

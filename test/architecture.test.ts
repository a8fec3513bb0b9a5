import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The seams, as tests: what the lint rules (biome.json `overrides`) cannot
 * see because no import is involved — a route calling `deps.db.kysely`, a
 * cast that carries a type across a layer — fails here.
 */
const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'testing' && e.name !== 'test')
        out.push(...sources(p));
    } else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const offending = (files: string[], pattern: RegExp) =>
  files
    .filter((f) => pattern.test(readFileSync(join(root, f), 'utf8')))
    .map((f) => relative('.', f));

describe('architecture', () => {
  it('carries no type across a seam with a cast through unknown (api and web sources)', () => {
    expect(offending([...sources('api/src'), ...sources('web/src')], /as unknown as/)).toEqual([]);
  });

  it('keeps routes thin: no query builder in api/src/routes', () => {
    expect(
      offending(
        sources('api/src/routes'),
        /\.(kysely|selectFrom|insertInto|updateTable|deleteFrom)\b/,
      ),
    ).toEqual([]);
  });

  it('keeps services below HTTP: nothing in services imports http/', () => {
    expect(offending(sources('api/src/services'), /from '\.\.\/http\//)).toEqual([]);
  });

  it('declares each shared enum once: no restated lists of statuses or outcomes', () => {
    const restated =
      /\[\s*'draft',\s*'submitted'|\[\s*'agree',\s*'override'\]|\[\s*'approve',\s*'return'\]|\[\s*'gbt29490',\s*'strong-city'|\[\s*'met',\s*'partial',\s*'unmet'/;
    const files = [...sources('api/src'), ...sources('web/src'), ...sources('forms/src')].filter(
      (f) => !f.endsWith('schema/enums.ts'),
    );
    expect(offending(files, restated)).toEqual([]);
  });
});

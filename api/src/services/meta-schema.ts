import { readFileSync } from 'node:fs';
import { paths } from '@zhiping/forms/node';

let cached: Record<string, unknown> | undefined;

/** The definition language as JSON Schema (forms/schema/definition.schema.json), read once. */
export function metaSchema(): Record<string, unknown> {
  cached ??= JSON.parse(readFileSync(paths.schema, 'utf8'));
  return cached ?? {};
}

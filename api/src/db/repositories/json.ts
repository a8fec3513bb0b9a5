import type { z } from 'zod';

/** A JSON column that does not parse as its schema: the database is not what the code wrote. */
export class CorruptColumn extends Error {
  constructor(where: string, cause: unknown) {
    super(`stored JSON in ${where} does not match its schema`, { cause });
    this.name = 'CorruptColumn';
  }
}

/**
 * A JSON text column as its schema's type: parsed once, here, with zod —
 * never cast. `where` names the table and column for the log.
 */
export function parseColumn<S extends z.ZodType>(
  schema: S,
  text: string,
  where: string,
): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CorruptColumn(where, err);
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw new CorruptColumn(where, r.error);
  return r.data;
}

/** A value as the JSON text its column stores. */
export const toColumn = (value: unknown): string => JSON.stringify(value);

import { z } from 'zod';

/**
 * Stable identifier of a section, item, derived value, gate, tier or option.
 * Lower-case so that ids typed by hand in YAML never differ only by case.
 */
export const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]*$/, 'ids are lower-case letters, digits, "_", "-" or "."');
export type Id = z.infer<typeof Id>;

/** Text shown to people: plain Chinese, or Chinese with an English rendering. */
export const Text = z.union([
  z.string().min(1),
  z.strictObject({ zh: z.string().min(1), en: z.string().min(1).optional() }),
]);
export type Text = z.infer<typeof Text>;

/** `id@version`, the pinned reference to a published definition. */
export const DefinitionRef = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]*@\d+\.\d+\.\d+$/, 'expected "id@major.minor.patch"');
export type DefinitionRef = z.infer<typeof DefinitionRef>;

export const Version = z
  .string()
  .regex(/^\d+\.\d+\.\d+$/, 'expected a version "major.minor.patch"');

/**
 * Orders two `major.minor.patch` versions: negative when `a` is older.
 *
 * @example ['1.10.0', '1.2.0'].sort(compareVersions) // ['1.2.0', '1.10.0']
 */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** A scalar that an answer can be compared with. */
export const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

/** The Chinese text of a `Text`, the form the engine uses in messages. */
export function zh(text: Text): string {
  return typeof text === 'string' ? text : text.zh;
}

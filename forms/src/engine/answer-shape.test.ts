import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { EvidenceValue, NotApplicable } from '../schema/answers.ts';
import { asEvidence, evidenceIssue, notApplicableIssue } from './answer-shape.ts';

/** The first zod issue as the engine's code, as answer-check read it before the plain check. */
function byZod(schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const i = r.error.issues[0];
  if (!i) return { code: 'answer.malformed', path: [] };
  const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (i.code === 'unrecognized_keys')
    return { code: 'answer.unknown_fields', params: { keys: i.keys.join('、') }, path };
  if (i.code === 'too_big' && typeof i.maximum === 'number')
    return { code: 'answer.too_long', params: { max: i.maximum }, path };
  if (i.code === 'custom') return { code: 'answer.evidence_empty', path };
  return { code: 'answer.malformed', path };
}

// Texts around every bound (0, 1, 100, 255, 500, 2000 characters), blanks and non-texts.
const text = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.constantFrom(
    '',
    ' ',
    '\t',
    ...[100, 101, 255, 256, 500, 501, 2000, 2001].map((n) => 'x'.repeat(n)),
  ),
  fc.constantFrom(undefined, null, 3, true, [], {}),
);
const key = fc.constantFrom('id', 'name', 'files', 'ref', 'note', 'reason', 'zz', 'notApplicable');
const file = fc.oneof(
  fc.record({ id: text, name: text }, { requiredKeys: [] }),
  fc.dictionary(key, text, { maxKeys: 3 }),
  text,
);
const files = fc.oneof(
  fc.array(file, { maxLength: 3 }),
  fc.array(fc.constant({ id: 'f', name: 'a.pdf' }), { minLength: 19, maxLength: 22 }),
  fc
    .tuple(
      fc.array(fc.constant({ id: 'f', name: 'a.pdf' }), { minLength: 20, maxLength: 21 }),
      file,
    )
    .map(([ok, bad]) => [...ok, bad]),
  text,
);
const evidence = fc.oneof(
  fc.record({ files, ref: text, note: text }, { requiredKeys: [] }),
  fc
    .tuple(
      fc.record({ files, ref: text, note: text }, { requiredKeys: [] }),
      fc.dictionary(key, text, { maxKeys: 2 }),
    )
    .map(([a, b]) => ({ ...b, ...a })),
  text,
);

describe('the plain shape check of object answers', () => {
  it('gives the first issue zod gives for an evidence answer, on generated answers', () => {
    fc.assert(
      fc.property(evidence, (v) => {
        expect(evidenceIssue(v)).toEqual(byZod(EvidenceValue, v));
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);

  it('gives the first issue zod gives for a "does not apply" answer', () => {
    const na = fc.dictionary(key, text, { maxKeys: 3 }).map((o) => ({ ...o, notApplicable: true }));
    fc.assert(
      fc.property(na, (v) => {
        expect(notApplicableIssue(v)).toEqual(byZod(NotApplicable, v));
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('reads a valid evidence answer as zod parses it (files defaulted), and nothing else', () => {
    fc.assert(
      fc.property(evidence, (v) => {
        const r = EvidenceValue.safeParse(v);
        expect(asEvidence(v)).toEqual(r.success ? r.data : null);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);
});

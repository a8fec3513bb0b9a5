import type { EvidenceValue, NotApplicable } from '../schema/answers.ts';

/*
 * The shape of the two object answers — evidence and "does not apply" —
 * checked without zod. The schemas in schema/answers.ts stay the contract
 * (the API's JSON Schema, the types); this is the same rule as plain code,
 * because every keystroke in the browser runs it and the questionnaire's
 * first paint should not have to load zod for it. answer-shape.test.ts
 * proves both give the same first issue on thousands of generated answers.
 */

type Path = (string | number)[];
export interface ShapeIssue {
  code: 'answer.unknown_fields' | 'answer.too_long' | 'answer.evidence_empty' | 'answer.malformed';
  path: Path;
  params?: Record<string, string | number>;
}

const FILE_KEYS = ['id', 'name'];
const EVIDENCE_KEYS = ['files', 'ref', 'note'];
const NA_KEYS = ['notApplicable', 'reason'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const malformed = (path: Path): ShapeIssue => ({ code: 'answer.malformed', path });

/** A string of min..max characters; an optional one may also be absent (undefined). */
function text(v: unknown, path: Path, max: number, min = 0, optional = false): ShapeIssue | null {
  if (v === undefined && optional) return null;
  if (typeof v !== 'string' || v.length < min) return malformed(path);
  return v.length > max ? { code: 'answer.too_long', params: { max }, path } : null;
}

function unknownKeys(o: Record<string, unknown>, known: string[], path: Path): ShapeIssue | null {
  const extra = Object.keys(o).filter((k) => !known.includes(k));
  return extra.length > 0
    ? { code: 'answer.unknown_fields', params: { keys: extra.join('、') }, path }
    : null;
}

/**
 * The first thing wrong with an evidence answer, or null: at least a file or
 * a reference, at most 20 files, bounded texts, no other fields.
 *
 * @example evidenceIssue({ ref: ' ' }) // { code: 'answer.evidence_empty', path: [] }
 */
export function evidenceIssue(v: unknown): ShapeIssue | null {
  if (!isRecord(v)) return malformed([]);
  const { files } = v;
  if (files !== undefined) {
    if (!Array.isArray(files)) return malformed(['files']);
    // Too many files is said before anything wrong with one of them (as zod does).
    if (files.length > 20) return { code: 'answer.too_long', params: { max: 20 }, path: ['files'] };
    for (const [k, f] of files.entries()) {
      if (!isRecord(f)) return malformed(['files', k]);
      const bad =
        text(f.id, ['files', k, 'id'], 100, 1) ??
        text(f.name, ['files', k, 'name'], 255, 1) ??
        unknownKeys(f, FILE_KEYS, ['files', k]);
      if (bad) return bad;
    }
  }
  const bad =
    text(v.ref, ['ref'], 500, 0, true) ??
    text(v.note, ['note'], 2000, 0, true) ??
    unknownKeys(v, EVIDENCE_KEYS, []);
  if (bad) return bad;
  const hasFile = Array.isArray(files) && files.length > 0;
  const hasRef = typeof v.ref === 'string' && v.ref.trim() !== '';
  return hasFile || hasRef ? null : { code: 'answer.evidence_empty', path: [] };
}

/**
 * The first thing wrong with a "does not apply" answer (`notApplicable: true`
 * already holds), or null: an optional reason of at most 500 characters.
 *
 * @example notApplicableIssue({ notApplicable: true, why: 'x' }) // unknown_fields
 */
export function notApplicableIssue(v: NotApplicable | Record<string, unknown>): ShapeIssue | null {
  return text(v.reason, ['reason'], 500, 0, true) ?? unknownKeys(v, NA_KEYS, []);
}

/** An evidence answer in its normal form (files defaulted), or null when it is not one. */
export function asEvidence(v: unknown): EvidenceValue | null {
  if (evidenceIssue(v) !== null || !isRecord(v)) return null;
  return { ...(v as EvidenceValue), files: (v.files as EvidenceValue['files']) ?? [] };
}

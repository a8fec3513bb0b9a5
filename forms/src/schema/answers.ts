import { z } from 'zod';

/** Respondents read these messages: name unknown fields in Chinese, not zod's English. */
const strict = {
  error: (iss: { code?: string; keys?: string[] }) =>
    iss.code === 'unrecognized_keys' ? `不认识的字段：${(iss.keys ?? []).join('、')}` : undefined,
};

/** The answer that says an item does not apply to this organisation. */
export const NotApplicable = z.strictObject(
  {
    notApplicable: z.literal(true),
    reason: z.string().max(500).optional(),
  },
  strict,
);
export type NotApplicable = z.infer<typeof NotApplicable>;

export const EvidenceFile = z.strictObject(
  {
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(255),
  },
  strict,
);

/** An evidence answer: at least a file or a reference, with an optional note. */
export const EvidenceValue = z
  .strictObject(
    {
      files: z.array(EvidenceFile).max(20).default([]),
      ref: z.string().max(500).optional(),
      note: z.string().max(2000).optional(),
    },
    strict,
  )
  .refine((v) => v.files.length > 0 || (v.ref ?? '').trim() !== '', {
    message: '请上传文件或填写证据出处',
  });
export type EvidenceValue = z.infer<typeof EvidenceValue>;

/**
 * Answers keyed by item id. Values are checked against the definition by
 * `answersSchema`; the engine itself treats anything malformed as unanswered.
 */
export const Answers = z.record(z.string(), z.unknown());
export type Answers = Record<string, unknown>;

export { isNotApplicable } from './not-applicable.ts';

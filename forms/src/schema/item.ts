import { z } from 'zod';
import { Citation } from './citation.ts';
import { Id, Text } from './common.ts';
import { Condition } from './condition.ts';

/** A choice of a single- or multiple-choice item. */
export const Option = z.strictObject({
  id: Id,
  label: Text,
  points: z.number().min(0).default(0),
});
export type Option = z.infer<typeof Option>;

/** A level of a maturity scale; `fraction` of the item's points it earns. */
export const ScaleLevel = z.strictObject({
  value: z.int().min(0),
  label: Text,
  fraction: z.number().min(0).max(1),
  description: Text.optional(),
});
export type ScaleLevel = z.infer<typeof ScaleLevel>;

/** Numeric scoring: the first band containing the value gives its points. */
export const Band = z.strictObject({
  min: z.number().optional().describe('inclusive lower bound'),
  max: z.number().optional().describe('exclusive upper bound'),
  points: z.number().min(0),
});
export const NumericScoring = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bands'), bands: z.array(Band).min(1) }),
  z.strictObject({
    type: z.literal('target'),
    target: z.number().positive(),
    points: z.number().positive(),
    direction: z
      .enum(['atLeast', 'atMost'])
      .default('atLeast')
      .describe('atLeast: points × min(value/target, 1); atMost: full points at or below target'),
  }),
]);
export type NumericScoring = z.infer<typeof NumericScoring>;

const base = {
  id: Id,
  prompt: Text.describe('the question, in our own words'),
  label: Text.optional().describe(
    'a short name for lists (e.g. the targets missed: "示范企业20家"); the prompt otherwise',
  ),
  help: Text.optional().describe('why it matters'),
  evidenceHint: Text.optional().describe('what an auditor or reviewer asks to see'),
  recommendation: Text.optional().describe('what to do when the item is not met'),
  clause: z.string().optional().describe('the clause or article label shown beside the item'),
  required: z.boolean().default(true),
  requiredWhen: Condition.optional().describe(
    'when present, the item is required exactly when it holds',
  ),
  visibleWhen: Condition.optional().describe('the item is asked only when it holds'),
  allowNotApplicable: z.boolean().default(false),
  citations: z.array(Citation).default([]),
  unverified: z
    .boolean()
    .optional()
    .describe('the criterion itself is not confirmed: shown as 待确认'),
};

const YesNo = z.strictObject({
  ...base,
  kind: z.literal('yesno'),
  points: z
    .union([z.number().min(0), z.strictObject({ yes: z.number().min(0), no: z.number().min(0) })])
    .optional()
    .describe('points for "yes", or points for each answer'),
});
const Single = z.strictObject({
  ...base,
  kind: z.literal('single'),
  options: z.array(Option).min(2),
});
const Multi = z.strictObject({
  ...base,
  kind: z.literal('multi'),
  options: z.array(Option).min(2),
  maxPoints: z.number().positive().optional().describe('cap on the sum of the chosen options'),
});
const Scale = z.strictObject({
  ...base,
  kind: z.literal('scale'),
  scale: Id.describe('name of a scale in the definition\'s "scales"'),
  points: z.number().min(0).default(0),
});
const NumberItem = z.strictObject({
  ...base,
  kind: z.literal('number'),
  unit: z.string().optional(),
  period: z.string().optional().describe('the reporting period, e.g. "2025年" or "近三年"'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(false),
  scoring: NumericScoring.optional(),
});
const DateItem = z.strictObject({ ...base, kind: z.literal('date') });
const TextItem = z.strictObject({
  ...base,
  kind: z.literal('text'),
  maxLength: z.int().positive().default(2000),
});
const Evidence = z.strictObject({
  ...base,
  kind: z.literal('evidence'),
  points: z.number().min(0).default(0).describe('earned when a file or reference is given'),
});
/** Shows a derived value (target versus actual) and scores it; never answered by hand. */
const Computed = z.strictObject({
  ...base,
  kind: z.literal('computed'),
  value: Id.describe('id of a derived value'),
  unit: z.string().optional(),
  scoring: NumericScoring.optional(),
});

export const Item = z.discriminatedUnion('kind', [
  YesNo,
  Single,
  Multi,
  Scale,
  NumberItem,
  DateItem,
  TextItem,
  Evidence,
  Computed,
]);
export type Item = z.infer<typeof Item>;
export type ItemInput = z.input<typeof Item>;
export type ItemKind = Item['kind'];
export type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>;

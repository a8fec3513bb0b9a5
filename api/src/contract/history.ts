import { z } from '@hono/zod-openapi';
import * as forms from '@zhiping/forms';
import {
  AssessmentStatus,
  DecisionOutcome,
  DefinitionRefParam,
  fromEngine,
  Id,
  IsoDate,
  orNull,
  Text,
  Timestamp,
} from './common.ts';
import { AnswerValue } from './definitions.ts';

/*
 * Carry-over (start an assessment from an earlier one), renaming, and an
 * organisation's history per definition. Item ids are the engine's; the
 * labels come with them so a report reads without the definition at hand.
 */

const Title = z.string().trim().min(1, '标题不能为空').max(200, '标题最多 200 个字');

export const RenameBody = z.object({ title: Title }).openapi('RenameBody');
export const Renamed = z.object({ id: Id, title: z.string() }).openapi('Renamed');
export type Renamed = z.infer<typeof Renamed>;

export const CarryOverKind = z.enum(['previous', 'mapping']).openapi('CarryOverKind');

/** A questionnaire an assessment can start: the same one again, or one a mapping leads to. */
export const CarryOverTarget = z
  .object({
    definition: z.string(),
    title: Text,
    kind: CarryOverKind,
    /** The mapping used; null for the same questionnaire again. */
    mapping: z.string().nullable(),
  })
  .openapi('CarryOverTarget');
export type CarryOverTarget = z.infer<typeof CarryOverTarget>;

export const CarryOverBody = z
  .object({ definition: DefinitionRefParam, title: Title.optional() })
  .openapi('CarryOverBody');
export type CarryOverBody = z.infer<typeof CarryOverBody>;

const ItemLabel = z.object({ item: z.string(), section: z.string(), label: Text });

export const SkipReason = z
  .enum(['unanswered', 'unknown_item', 'incompatible', 'evidence_files'])
  .openapi('SkipReason');

/** What a carry-over does: carried at once, to be confirmed, not carried (and why), new questions. */
export const CarryOverReport = z
  .object({
    source: z.object({ id: Id, title: z.string(), definition: z.string(), definitionTitle: Text }),
    target: z.object({ definition: z.string(), title: Text }),
    kind: CarryOverKind,
    mapping: z.string().nullable(),
    carried: z.array(ItemLabel),
    pending: z.array(ItemLabel),
    skipped: z.array(ItemLabel.extend({ from: z.string(), reason: SkipReason })),
    fresh: z.array(ItemLabel),
  })
  .openapi('CarryOverReport');
export type CarryOverReport = z.infer<typeof CarryOverReport>;

export const CarriedOver = z
  .object({ assessment: Id, report: CarryOverReport })
  .openapi('CarriedOver');
export type CarriedOver = z.infer<typeof CarriedOver>;

/** Carried answers still to be confirmed, by item; answered items have left it. */
export const PendingAnswers = z
  .object({
    source: orNull(z.object({ id: Id, title: z.string() })),
    mapping: z.string().nullable(),
    items: z.record(z.string(), AnswerValue),
  })
  .openapi('PendingAnswers');
export type PendingAnswers = z.infer<typeof PendingAnswers>;

export const ConfirmBody = z
  .object({
    revision: z.number().int().min(0),
    items: z.array(z.string().min(1).max(100)).min(1).max(1000),
  })
  .openapi('ConfirmBody');
export type ConfirmBody = z.infer<typeof ConfirmBody>;

export const HistoryRound = z
  .object({
    number: z.number().int(),
    submittedAt: Timestamp,
    score: z.number(),
    /** The tier's label: the decided one once decided, else the self-assessed one. */
    tier: orNull(Text),
    decision: orNull(DecisionOutcome),
    decidedAt: orNull(Timestamp),
    /** True when the figures are the reviewed (decided) ones. */
    reviewed: z.boolean(),
  })
  .openapi('HistoryRound');

export const HistoryEntry = z
  .object({
    id: Id,
    title: z.string(),
    status: AssessmentStatus,
    asOf: IsoDate,
    version: z.string(),
    /** The current figures: the last round's, or the live ones of a draft. */
    score: z.number(),
    tier: orNull(Text),
    rounds: z.array(HistoryRound),
  })
  .openapi('HistoryEntry');
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** One round on the trend chart: the total and each top-level section's share earned (0–1). */
export const TrendPoint = z
  .object({
    assessment: Id,
    title: z.string(),
    round: z.number().int(),
    date: IsoDate,
    score: z.number(),
    tier: orNull(Text),
    sections: z.record(z.string(), z.number().nullable()),
  })
  .openapi('TrendPoint');
export type TrendPoint = z.infer<typeof TrendPoint>;

const ItemChange = z.object({
  item: z.string(),
  section: z.string(),
  label: Text,
  before: z.object({ status: z.string(), points: z.number() }),
  after: z.object({ status: z.string(), points: z.number() }),
  delta: z.number(),
});
const GateChange = z.object({
  gate: z.string(),
  title: Text,
  before: z.string(),
  after: z.string(),
});

/** What changed from one round (or the draft) to the next. */
export const Changes = z
  .object({
    from: z.object({ assessment: Id, title: z.string(), round: z.number().int().nullable() }),
    to: z.object({ assessment: Id, title: z.string(), round: z.number().int().nullable() }),
    score: z.object({ before: z.number(), after: z.number(), delta: z.number() }),
    tier: z.object({ before: orNull(Text), after: orNull(Text) }),
    improved: z.array(ItemChange),
    fellBack: z.array(ItemChange),
    gatesPassed: z.array(GateChange),
    gatesFailed: z.array(GateChange),
    /** When `to` is a draft: items answered last time and not yet in the draft. */
    unanswered: z.number().int(),
  })
  .openapi('Changes');
export type Changes = z.infer<typeof Changes>;

export const History = z
  .object({
    organisation: z.object({ id: Id, name: z.string() }),
    definition: z.object({ id: z.string(), title: Text }),
    sections: z.array(z.object({ id: z.string(), title: Text })),
    entries: z.array(HistoryEntry),
    points: z.array(TrendPoint),
    changes: orNull(Changes),
  })
  .openapi('History');
export type History = z.infer<typeof History>;

export const HistoryLine = z
  .object({ definition: z.string(), title: Text, assessments: z.number().int() })
  .openapi('HistoryLine');
export type HistoryLine = z.infer<typeof HistoryLine>;

export const HistoryQuery = z.object({
  definition: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]*$/, '应为定义编号，如 gbt29490-2023')
    .max(100)
    .optional()
    .openapi({ param: { name: 'definition', in: 'query' } }),
  organisation: Id.optional().openapi({ param: { name: 'organisation', in: 'query' } }),
});

/** The guided start's own rules (forms/start/guide.yaml): extra questions, carried answers, main questionnaires. */
export const StartGuide = fromEngine(forms.StartGuide).openapi('StartGuide');
export type StartGuide = z.infer<typeof StartGuide>;

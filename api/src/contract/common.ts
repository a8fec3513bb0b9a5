import { z } from '@hono/zod-openapi';
import * as forms from '@zhiping/forms';

/*
 * Scalars and enums shared by every part of the contract. The enums are the
 * engine's own (`@zhiping/forms`), given a name in the OpenAPI document;
 * nothing here restates a value list.
 */

/**
 * An engine schema, ready for `.openapi()`. zod 4 gives a schema the
 * methods on its prototypes when it is built; the engine's may be built
 * before @hono/zod-openapi adds `.openapi`, so a clone made now carries it.
 * Same definition, same type, same validation.
 */
export const fromEngine = <T extends z.ZodType>(schema: T): T => schema.clone();

/**
 * `schema | null` for a schema registered under a name: the generator drops
 * the null of `.nullable()` on a named schema's reference (it writes the bare
 * `$ref`), while a union keeps it (`anyOf: [$ref, null]`).
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const Id = z.string().min(1).max(100).openapi({ example: 'b3f5c2d4-…' });
export const Timestamp = z.string().openapi({ example: '2026-11-21T08:00:00.000Z' });
/** The one ISO calendar date (a real day): the engine's schema. */
export const IsoDate = fromEngine(forms.IsoDate).openapi({ example: '2026-11-21', format: 'date' });

export const DefinitionRefParam = z
  .string()
  .regex(
    /^[a-z][a-z0-9_.-]*(@\d+\.\d+\.\d+)?$/,
    '应为定义编号，或 编号@版本，如 gbt29490-2023@2.0.0',
  )
  .openapi({ example: 'gbt29490-2023' });

/** Definition text: plain Chinese, or Chinese with an English rendering. */
export const Text = fromEngine(forms.Text).openapi('Text');

export const Role = fromEngine(forms.Role).openapi('Role');
export type Role = z.infer<typeof Role>;
export const OrgKind = fromEngine(forms.OrgKind).openapi('OrgKind');
export type OrgKind = z.infer<typeof OrgKind>;
export const Family = fromEngine(forms.Family).openapi('Family');
export type Family = z.infer<typeof Family>;
export const Audience = fromEngine(forms.Audience).openapi('Audience');
export const AssessmentStatus = fromEngine(forms.AssessmentStatus).openapi('AssessmentStatus');
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;
export const ReviewVerdict = fromEngine(forms.ReviewVerdict).openapi('ReviewVerdict');
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;
export const JudgedStatus = fromEngine(forms.JudgedStatus).openapi('JudgedStatus');
export type JudgedStatus = z.infer<typeof JudgedStatus>;
export const DecisionOutcome = fromEngine(forms.DecisionOutcome).openapi('DecisionOutcome');
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** What a user may do to an assessment: the lifecycle's actions. */
export const Action = z.enum(forms.ACTIONS).openapi('Action');
export type Action = z.infer<typeof Action>;

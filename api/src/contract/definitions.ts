import { z } from '@hono/zod-openapi';
import * as forms from '@zhiping/forms';
import { Audience, Family, fromEngine, IsoDate, orNull, Text, Timestamp } from './common.ts';

/*
 * Definitions, answers and results are the engine's own schemas: the HTTP
 * contract adds names and words for the OpenAPI document, never a shape.
 */

/** An engine schema as a JSON Schema fragment for the document (without its `$schema`). */
function jsonSchema(s: z.ZodType) {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input' });
  return rest;
}

/**
 * One answer. Its shape depends on the item (the definition says which);
 * the server checks it against the item and answers 422 with
 * `answer.*` codes, so it is not narrowed here.
 */
export const AnswerValue = z.unknown().openapi('AnswerValue', {
  description:
    '一题的答案，形状由题型决定：是否题 boolean；单选 选项编号；多选 选项编号数组；等级 数值；数字 number；日期 YYYY-MM-DD；文字 string；证据 {files, ref, note}；不适用 {notApplicable: true, reason}',
  anyOf: [
    { type: 'boolean' },
    { type: 'number' },
    { type: 'string' },
    { type: 'array', items: { type: 'string' } },
    jsonSchema(forms.EvidenceValue),
    jsonSchema(forms.NotApplicable),
  ] as never[],
});

/** Answers by item id (the engine's `Answers`). */
export const Answers = z
  .record(z.string().max(100), AnswerValue)
  .openapi('Answers', { description: '按题目编号给出的答案' });
export type Answers = forms.Answers;

/**
 * A resolved definition, as the engine reads it. Its language is recursive
 * (conditions and expressions nest), which the OpenAPI generator cannot
 * follow: the document points to GET /api/meta-schema for its structure.
 */
export const Definition = fromEngine(forms.Definition).openapi('Definition', {
  type: 'object',
  description: '已解析的评估表定义（不含覆盖层）；结构见 GET /api/meta-schema（JSON Schema）',
});
export type Definition = forms.Definition;

/** What an admin publishes: a definition or an overlay on a published one, checked on arrival. */
export const DefinitionFileBody = z.record(z.string(), z.unknown()).openapi('DefinitionFile', {
  description: '评估表定义或覆盖层（extends 一个已发布的版本）；结构见 GET /api/meta-schema',
});

/** A scoring result, field by field: the engine's `ScoreResult`, codes and parameters included. */
export const ScoreResult = fromEngine(forms.ScoreResult).openapi('ScoreResult', {
  description:
    '评分结果：总分、分节得分、条目状态、派生值、门槛、结论（等级与原因代码）、判断轨迹、差距和下一档。原因与轨迹是代码加参数，文字由客户端按语言生成。',
});
export type ScoreResult = forms.ScoreResult;

export const DefinitionSummary = z
  .object({
    id: z.string(),
    version: z.string(),
    ref: z.string().openapi({ example: 'gbt29490-2023@2.0.0' }),
    family: Family,
    title: Text,
    summary: orNull(Text),
    audience: z.array(Audience),
    hash: z.string(),
    items: z.number().int(),
    builtin: z.boolean(),
    publishedAt: Timestamp,
    /** Every published version, newest first. */
    versions: z.array(z.string()),
  })
  .openapi('DefinitionSummary');
export type DefinitionSummary = z.infer<typeof DefinitionSummary>;

export const DefinitionDetail = z
  .object({ summary: DefinitionSummary, definition: Definition })
  .openapi('DefinitionDetail');
export type DefinitionDetail = z.infer<typeof DefinitionDetail>;

export const ScoreBody = z
  .object({
    answers: Answers,
    /** The assessment date; today in the service's time zone when absent. */
    asOf: IsoDate.optional(),
  })
  .openapi('ScoreBody');
export type ScoreBody = z.infer<typeof ScoreBody>;

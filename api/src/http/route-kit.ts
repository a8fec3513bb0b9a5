import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Env } from './context.ts';
import { type FieldError, problems } from './problem.ts';
import { ProblemBody } from './schemas.ts';

const pathOf = (p: PropertyKey[]) => p.map(String).join('.');

/** zod issues as the field list of a 400 problem. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: pathOf(i.path), message: i.message, code: i.code }));
}

/** A router whose request validation fails with a problem listing every invalid field. */
export function router() {
  return new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success) {
        const target = 'target' in result ? String(result.target) : 'request';
        const where = target === 'json' ? '请求体' : target === 'param' ? '路径参数' : '查询参数';
        throw problems.badRequest(`${where}有误，请按列出的字段修改。`, fieldErrors(result.error));
      }
    },
  });
}

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: ProblemBody } },
  description,
});

/** The error responses a route can give, for the OpenAPI document. */
export const errors = {
  400: problem('请求格式有误（列出无效字段）'),
  401: problem('未登录或会话已过期'),
  403: problem('没有权限'),
  404: problem('不存在或无权查看'),
  409: problem('与当前状态冲突（如版本已过期）'),
  413: problem('请求体过大'),
  415: problem('请求体不是 JSON'),
  422: problem('内容未通过校验（列出问题）'),
  429: problem('请求过于频繁'),
} as const;

/** A JSON request body that must be present (zod-openapi skips absent optional bodies). */
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

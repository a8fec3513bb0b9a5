import { OpenAPIHono, type z } from '@hono/zod-openapi';
import { type FieldError, ProblemBody } from '../contract/index.ts';
import type { Env } from './context.ts';
import { problems } from './problem.ts';

const pathOf = (p: PropertyKey[]) => p.map(String).join('.');

/** zod issues as the field list of a 400 problem. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: pathOf(i.path), message: i.message, code: i.code }));
}

/**
 * A router whose request validation fails with a problem listing every invalid
 * field, and which refuses text no database can store as sent.
 */
export function router() {
  return new OpenAPIHono<Env>({
    defaultHook: (result) => {
      const target = 'target' in result ? String(result.target) : 'request';
      const where = target === 'json' ? '请求体' : target === 'param' ? '路径参数' : '查询参数';
      if (!result.success)
        throw problems.badRequest(`${where}有误，请按列出的字段修改。`, fieldErrors(result.error));
      const at = unstorableAt(result.data);
      if (at !== null)
        throw problems.badRequest(`${where}含有无法保存的字符（U+0000 或不成对的代理项）。`, [
          { path: at, message: '含有无法保存的字符，请删除后重试', code: 'unstorable_text' },
        ]);
    },
  });
}

/**
 * Text that cannot be stored as sent: U+0000 (PostgreSQL refuses it: a 500) and
 * lone UTF-16 surrogates (both databases would silently store U+FFFD instead).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** The path of the first key or string in validated input that cannot be stored, or null. */
export function unstorableAt(value: unknown): string | null {
  // Iterative, with parent links rather than path strings: input may nest thousands deep.
  type Node = { value: unknown; key: string; parent: Node | null };
  const pathOf = (n: Node): string => {
    const keys: string[] = [];
    for (let x: Node | null = n; x?.parent; x = x.parent) keys.push(x.key);
    return keys.reverse().join('.');
  };
  const stack: Node[] = [{ value, key: '', parent: null }];
  for (let n = stack.pop(); n; n = stack.pop()) {
    const v = n.value;
    if (typeof v === 'string') {
      if (unstorable(v)) return pathOf(n);
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        const node = { value: child, key, parent: n };
        if (unstorable(key)) return pathOf(node);
        stack.push(node);
      }
    }
  }
  return null;
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
  409: problem(
    '与当前状态冲突：stale-revision（版本已过期，带 currentRevision）、not-editable（已提交，不能修改，带 assessmentStatus）、wrong-state（当前状态不允许此操作，带 assessmentStatus 和 action）',
  ),
  413: problem('请求体过大，或证据文件超出限额（quota-exceeded）'),
  415: problem('请求体不是 JSON'),
  422: problem('内容未通过校验（列出问题）'),
  429: problem('请求过于频繁'),
  503: problem('数据库暂时不可用（unavailable，带 Retry-After）'),
  507: problem('存储空间已满（storage-full），未保存'),
} as const;

/** A JSON request body that must be present (zod-openapi skips absent optional bodies). */
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One invalid field: where (a JSON path) and what to do about it. */
export interface FieldError {
  path: string;
  message: string;
  code?: string | undefined;
}

/**
 * A domain error that becomes an RFC 9457 problem+json response. Code
 * anywhere below the routes throws these; one handler turns them into HTTP.
 */
export class Problem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export const problems = {
  badRequest: (detail: string, errors: FieldError[] = []) =>
    new Problem(400, 'invalid-request', '请求格式有误', detail, errors.length ? { errors } : {}),
  unauthenticated: (detail = '请先登录。') => new Problem(401, 'unauthenticated', '未登录', detail),
  badCredentials: () =>
    new Problem(401, 'bad-credentials', '账号或密码不正确', '请检查邮箱和密码后重试。'),
  forbidden: (detail: string) => new Problem(403, 'forbidden', '没有权限', detail),
  notFound: (what: string) =>
    new Problem(404, 'not-found', '找不到', `${what}不存在，或您无权查看。`),
  conflict: (slug: string, title: string, detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(409, slug, title, detail, extra),
  unprocessable: (detail: string, errors: FieldError[], extra: Record<string, unknown> = {}) =>
    new Problem(422, 'unprocessable', '内容未通过校验', detail, { errors, ...extra }),
  tooLarge: (limit?: number) =>
    new Problem(
      413,
      'body-too-large',
      '请求体过大',
      limit ? `请求体不能超过 ${Math.round(limit / 1024)} KB。` : '请求体超过了允许的大小。',
    ),
  tooManyRequests: (retryAfter: number) =>
    new Problem(
      429,
      'too-many-requests',
      '尝试次数过多',
      `请在 ${retryAfter} 秒后再试。`,
      { retryAfter },
      { 'Retry-After': String(retryAfter) },
    ),
  unsupportedMedia: () =>
    new Problem(
      415,
      'unsupported-media-type',
      '不支持的内容类型',
      '请求体须为 JSON（Content-Type: application/json）。',
    ),
};

export const PROBLEM_TYPE = (slug: string) => `urn:zhiping:problem:${slug}`;

export function problemResponse(c: Context, p: Problem): Response {
  // Extension members first: one named like a standard member (a conflict's
  // `status: 'returned'`) must not replace the HTTP status in the body.
  const body = {
    ...p.extra,
    type: PROBLEM_TYPE(p.slug),
    title: p.title,
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    instance: new URL(c.req.url).pathname,
  };
  return c.body(JSON.stringify(body), p.status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    // Also for errors raised before the API's no-store middleware (413, 415, 403).
    'Cache-Control': 'no-store',
    ...p.headers,
  });
}

/**
 * The one error boundary: domain problems pass through, Hono's own HTTP
 * errors (malformed JSON, body limits) are translated, and anything else
 * becomes a 500 that names an incident id but never shows a stack.
 */
export function toProblem(err: unknown, log: (msg: string, err: unknown) => void): Problem {
  if (err instanceof Problem) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return problems.tooLarge();
    if (err.status === 415) return problems.unsupportedMedia();
    if (err.status === 400)
      return problems.badRequest('请求体不是合法的 JSON，请检查括号、引号和逗号。');
    if (err.status === 401) return problems.unauthenticated();
    return new Problem(err.status as ContentfulStatusCode, 'http-error', err.message || '请求失败');
  }
  // PostgreSQL refuses U+0000 in text (SQLSTATE 22021, 22P05 in JSON): input no row
  // can hold, wherever it came in (path, query, body), is the client's to fix.
  const code = (err as { code?: unknown } | null)?.code;
  if (code === '22021' || code === '22P05')
    return problems.badRequest('请求中含有无法保存的字符（U+0000），请删除后重试。');

  const incident = crypto.randomUUID();
  log(`incident ${incident}`, err);
  return new Problem(
    500,
    'internal',
    '服务器内部错误',
    `处理请求时出错。如果问题持续，请把事件编号 ${incident} 告诉管理员。`,
    { incident },
  );
}

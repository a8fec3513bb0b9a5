import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type FieldError, type ProblemType, problemUri } from '../contract/index.ts';

export type { FieldError };

/** An RFC 9457 problem+json response, before it is written. */
export class Problem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly type: ProblemType,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

/** Problems the HTTP layer itself raises (request shape, size, media type, origin). */
export const problems = {
  badRequest: (detail: string, errors: FieldError[] = []) =>
    new Problem(400, 'invalid-request', '请求格式有误', detail, errors.length ? { errors } : {}),
  forbidden: (detail: string) => new Problem(403, 'forbidden', '没有权限', detail),
  notFound: (what: string) =>
    new Problem(404, 'not-found', '找不到', `${what}不存在，或您无权查看。`),
  tooLarge: (limit?: number) =>
    new Problem(
      413,
      'body-too-large',
      '请求体过大',
      limit ? `请求体不能超过 ${Math.round(limit / 1024)} KB。` : '请求体超过了允许的大小。',
    ),
  unsupportedMedia: () =>
    new Problem(
      415,
      'unsupported-media-type',
      '不支持的内容类型',
      '请求体须为 JSON（Content-Type: application/json）。',
    ),
};

export function problemResponse(c: Context, p: Problem): Response {
  // Extension members first: one named like a standard member must not
  // replace the HTTP status or the type in the body.
  const body = {
    ...p.extra,
    type: problemUri(p.type),
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

import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Env } from './context.ts';
import { problems } from './problem.ts';

/*
 * The request-size limit for JSON bodies. Hono's `bodyLimit` starts by
 * reading `c.req.raw.body`, which makes @hono/node-server build a full
 * WHATWG Request with a ReadableStream for every request — GETs included
 * (a fifth of a GET's CPU under load, measured with --cpu-prof, issue 15).
 * Here a request that cannot carry a body passes untouched and one that
 * states its length is judged by the header; only a chunked body (no
 * length) is counted as it streams in, by Hono's middleware.
 */

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

export function jsonBodyLimit(maxSize: number): MiddlewareHandler<Env> {
  const tooLarge = () => {
    throw problems.tooLarge(maxSize);
  };
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    if (NO_BODY.has(c.req.method)) return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      // A malformed length is left to Node's parser, which refuses it before we run.
      return Number(length) > maxSize ? tooLarge() : next();
    }
    return streamed(c, next);
  };
}

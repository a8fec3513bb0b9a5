import type { Ctx } from './context.ts';

/*
 * Revalidation for JSON that changes only with a known version (an
 * assessment's revision and definition hash): the response carries the
 * ETag, and a request naming it gets an empty 304. `private, no-cache`
 * lets the browser keep the copy but ask every time, so a change made
 * elsewhere is never missed and an unchanged one costs a few bytes.
 */

/** Whether an If-None-Match header names `etag` (weak comparison; `*` matches anything). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === bare);
}

type Versioned =
  | { etag: string; notModified: true }
  | { etag: string; json: string | Uint8Array<ArrayBuffer> };

/** The JSON (already serialised, or encoded) with its ETag, or 304 when the client has it. */
export function versionedJson(c: Ctx, v: Versioned, status: 200 | 201 = 200): Response {
  c.header('ETag', v.etag);
  c.header('Cache-Control', 'private, no-cache');
  if ('notModified' in v) return c.body(null, 304);
  return c.body(v.json, status, { 'Content-Type': 'application/json' });
}

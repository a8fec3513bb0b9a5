import { parse } from 'hono/utils/cookie';

/*
 * The session token in a Cookie header, remembered per header: a signed-in
 * client sends the same header with every request, and Hono's parser
 * (validation and percent-decoding of every pair) was 3–4 % of a GET's CPU
 * under load (--cpu-prof, issue 15). The answer depends on the header's text
 * alone, so keeping it cannot go stale; the map is emptied when it fills.
 * Only headers of ordinary length are kept: a client sending many long,
 * different headers (up to Node's 16 KB each) must not fill memory with
 * them; a session cookie's header is well under the limit.
 */

const CAPACITY = 10_000;
const LONGEST_KEPT = 1024;
const recent = new Map<string, string | undefined>();

/** The value of cookie `name` in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  if (header.length > LONGEST_KEPT) return parse(header, name)[name];
  const key = `${name}\u0000${header}`;
  if (recent.has(key)) return recent.get(key);
  const value = parse(header, name)[name];
  if (recent.size >= CAPACITY) recent.clear();
  recent.set(key, value);
  return value;
}

/** How many headers are remembered (for tests). */
export const rememberedCookies = (): number => recent.size;

import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Env } from './context.ts';
import { problems } from './problem.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery: the session cookie is SameSite=Lax, and on
 * top of that a write must come from our own origin. Browsers send Origin
 * on every cross-origin write and Sec-Fetch-Site on every request, so a
 * forged form post or fetch is refused; tools without either (curl,
 * integrations) are not browsers and carry no ambient cookie by accident.
 */
export const sameOriginWrites: MiddlewareHandler<Env> = async (c, next) => {
  if (UNSAFE.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site')
      throw problems.forbidden('拒绝来自其他网站的写请求。');
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (!host || originHost !== host) throw problems.forbidden('拒绝来自其他网站的写请求。');
    } else if (origin === 'null') throw problems.forbidden('拒绝来源不明的写请求。');
  }
  await next();
};

/** A write with a body must say it is JSON: no form posts, no text/plain tricks. */
export const jsonBodies: MiddlewareHandler<Env> = async (c, next) => {
  if (UNSAFE.has(c.req.method)) {
    const len = c.req.header('content-length');
    const hasBody = (len !== undefined && len !== '0') || c.req.header('transfer-encoding');
    const type = c.req.header('content-type') ?? '';
    if (hasBody && !/^application\/(?:[\w.+-]*\+)?json\b/i.test(type))
      throw problems.unsupportedMedia();
    if (c.req.raw.body && /^application\/(?:[\w.+-]*\+)?json\b/i.test(type)) {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return next(); // malformed: the route's validator answers with its 400
      }
      const at = unstorableAt(body);
      if (at !== null)
        throw problems.badRequest('文本中含有无法保存的字符（U+0000 或不成对的代理项）。', [
          { path: at, message: '含有无法保存的字符，请删除后重试' },
        ]);
    }
  }
  await next();
};

/**
 * Text that cannot be stored as sent: U+0000 (PostgreSQL refuses it) and lone
 * UTF-16 surrogates, which both databases would silently turn into U+FFFD.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** The path of the first key or string in a JSON value that cannot be stored, or null. */
export function unstorableAt(value: unknown): string | null {
  // Iterative, with parent links rather than path strings: bodies may nest thousands deep.
  type Node = { value: unknown; key: string; parent: Node | null };
  const pathOf = (n: Node | null): string => {
    const keys: string[] = [];
    for (let x = n; x?.parent; x = x.parent) keys.push(x.key);
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

/** Security headers for API and app; the app's CSP allows antd's inline styles. */
export const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
  crossOriginEmbedderPolicy: false,
  referrerPolicy: 'same-origin',
  strictTransportSecurity: false,
  xFrameOptions: 'DENY',
});

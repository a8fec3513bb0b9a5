import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Env } from './context.ts';
import { problems } from './problem.ts';

/** Methods that may change state: guarded against other sites, and made durable before the reply. */
export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery: the session cookie is SameSite=Lax, and on
 * top of that a write must come from our own origin. Browsers send Origin
 * on every cross-origin write and Sec-Fetch-Site on every request, so a
 * forged form post or fetch is refused; tools without either (curl,
 * integrations) are not browsers and carry no ambient cookie by accident.
 */
export const sameOriginWrites =
  (trustProxy: boolean): MiddlewareHandler<Env> =>
  async (c, next) => {
    if (UNSAFE_METHODS.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      if (site === 'cross-site' || site === 'same-site')
        throw problems.forbidden('拒绝来自其他网站的写请求。');
      const origin = c.req.header('origin');
      if (origin && origin !== 'null') {
        // X-Forwarded-Host only from a proxy we were told to trust: anyone else could set it.
        const forwarded = trustProxy
          ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim()
          : undefined;
        const host = forwarded || c.req.header('host');
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

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A write with a body must say it is JSON (no form posts, no text/plain
 * tricks) and be valid UTF-8: a malformed byte is refused (400), never
 * silently replaced by U+FFFD and stored.
 */
export const jsonBodies: MiddlewareHandler<Env> = async (c, next) => {
  if (UNSAFE_METHODS.has(c.req.method)) {
    const len = c.req.header('content-length');
    const hasBody = (len !== undefined && len !== '0') || c.req.header('transfer-encoding');
    const type = c.req.header('content-type') ?? '';
    if (hasBody && !/^application\/(?:[\w.+-]*\+)?json\b/i.test(type))
      throw problems.unsupportedMedia();
    if (hasBody || c.req.raw.body !== null) {
      // Read once here and kept as text for the JSON validator: `c.req.json()`
      // reads the text, and finding only the bytes kept, Hono would build a
      // WHATWG Response around them to decode them again (6.5 % of a save's
      // CPU under load, --cpu-prof, issue 15).
      const bytes = await c.req.arrayBuffer();
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        throw problems.badRequest('请求体不是合法的 UTF-8 文本。');
      }
      // Hono keeps promises in `bodyCache` (its `json()` calls `.then` on the
      // entry) though its type declares the values: hence assign, not `=`.
      Object.assign(c.req.bodyCache, { text: Promise.resolve(text) });
    }
  }
  await next();
};

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

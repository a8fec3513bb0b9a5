import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from './context.ts';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
// A Map, not an object literal: a name like `__proto__` or `constructor` must not
// find an inherited member (which became a file path and a 500).
const ASSETS = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
]);

// Served from our own origin (no CDN): the reference works offline and under our CSP,
// which forbids inline scripts — hence the initialiser as a file of its own.
const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>知评 API 参考</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api', deepLinking: true });`;

/** The OpenAPI document at /api/openapi.json and a browsable reference at /api/docs. */
export function mountDocs(app: OpenAPIHono<Env>) {
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '知评 Zhiping API',
      version: '0.1.0',
      description:
        '知识产权合规自评：评估表目录、评估的填报与自动保存、提交与评审。错误均以 application/problem+json（RFC 9457）返回。登录后以 Cookie 会话访问；写请求须为同源 JSON。',
    },
  });
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get('/api/docs/init.js', (c) =>
    c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  const cache = new Map<string, Buffer>();
  app.get('/api/docs/:asset', (c) => {
    const name = c.req.param('asset');
    const type = ASSETS.get(name);
    if (!type) return c.notFound();
    let buf = cache.get(name);
    if (!buf) {
      buf = readFileSync(join(swaggerDir, name));
      cache.set(name, buf);
    }
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=86400',
    });
  });
}

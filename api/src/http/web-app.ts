import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { Env } from './context.ts';

/*
 * The built single-page app. Vite names every asset by its content hash
 * (assets/<name>-<hash>.js), so an asset never changes under its name: the
 * browser may keep it a year without asking again. index.html names the
 * current assets, so it is revalidated on every visit (`no-cache`) — a new
 * release is seen at once. The build writes brotli and gzip copies beside
 * each compressible asset (web/scripts/precompress.ts); they are sent by
 * Accept-Encoding, so nothing is compressed per request.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Serves `dist`, every non-API path falling back to index.html; a hint when it is not built. */
export function serveWeb(app: Hono<Env>, dist: string | undefined) {
  const root = dist ?? join(import.meta.dirname, '../../../web/dist');
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (c) =>
      c.text(
        '知评 API 正在运行。前端尚未构建：运行 `pnpm --filter @zhiping/web build`，或访问 /api/docs。',
      ),
    );
    return;
  }
  const html = readFileSync(index, 'utf8');
  // Headers go on after serveStatic answered: the response it returns is
  // built before its onFound hook runs, so headers set there are lost.
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      if (!c.res.ok) return;
      c.res.headers.set('Cache-Control', IMMUTABLE);
      // Whether or not a compressed copy went out, the choice depended on it.
      c.res.headers.set('Vary', 'Accept-Encoding');
    },
    serveStatic({ root, precompressed: true }),
  );
  // Files without a hash in their name (index.html, favicon): ask every time.
  app.use(
    '/*',
    async (c, next) => {
      await next();
      if (c.res.ok && !c.res.headers.has('Cache-Control'))
        c.res.headers.set('Cache-Control', REVALIDATE);
    },
    serveStatic({ root }),
  );
  app.get('*', (c) => {
    // A missing asset is a 404, never index.html under a name cached for a year.
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return c.notFound();
    return c.html(html);
  });
}

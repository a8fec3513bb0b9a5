/**
 * Bundle budgets, from the Vite manifest of a fresh build, gzipped (-9):
 *
 * - **route**: the JavaScript a browser must load before the questionnaire
 *   route can render — the entry chunk, the route's own chunk and every chunk
 *   either imports statically (index.html modulepreloads the entry's; Vite
 *   preloads the route's with it). Lazy chunks (the results chart, the review
 *   console, admin, antd and what the questionnaire shows with it, dialogs
 *   loaded on use) are not counted: nothing on the way to the questionnaire's
 *   first paint waits for one — each sits behind its own Suspense, and the
 *   questionnaire paints without it (app/antd-theme.tsx, shared/antd.tsx).
 * - **total**: every JavaScript file the build emits, lazy ones included, so
 *   that splitting never hides growth.
 *
 * It also checks that the build left brotli and gzip copies of every
 * route file of 1 KB or more (web/scripts/precompress.ts): the server sends those.
 *
 *   pnpm --filter @zhiping/web build && pnpm --filter @zhiping/web budget
 *
 * Exits 1 over either budget, or when the build, the manifest or a
 * precompressed copy is missing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// 181.9 KB on 29 November 2026, once antd left the first paint (251.3 before:
// its theme, style engine, Button, Spin, Alert and Space; 301.9 before zod,
// antd's Tag/Tooltip/Alert and the check step left it); a margin for the
// catalogues' growth. All JS: 941.6 KB then.
const ROUTE_BUDGET_KB = Number(process.env.ROUTE_BUDGET_KB ?? 190);
const TOTAL_BUDGET_KB = Number(process.env.TOTAL_BUDGET_KB ?? 950);
const ROUTE = 'src/questionnaire/questionnaire-page.tsx';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

// WEB_DIST measures another build (e.g. one made with --outDir elsewhere).
const dist = process.env.WEB_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
const fail = (msg: string): never => {
  console.error(`bundle-budget: ${msg}`);
  process.exit(1);
};
if (!existsSync(manifestPath)) fail(`${manifestPath} is missing; run the build first`);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;

const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
if (entries.length === 0 || !manifest[ROUTE]) fail(`no entry or no chunk for ${ROUTE}`);

/** Every chunk reachable through static imports from the roots. */
function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) visit(dep);
  };
  for (const r of roots) visit(r);
  return seen;
}

const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const keys = closure([...entries.map(([k]) => k), ROUTE]);
const rows = [...keys]
  .map((k) => manifest[k])
  .filter((c): c is Chunk => Boolean(c?.file.endsWith('.js')))
  .map((c) => ({ file: c.file, gzip: gz(c.file) }))
  .sort((a, b) => b.gzip - a.gzip);
const css = new Set([...keys].flatMap((k) => manifest[k]?.css ?? []));
const route = rows.reduce((s, r) => s + r.gzip, 0);
const cssBytes = [...css].reduce((s, f) => s + gz(f), 0);

// From the manifest, not the directory: a file left by an earlier build is not this build's.
const allJs = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) =>
  f.endsWith('.js'),
);
const total = allJs.reduce((s, f) => s + gz(f), 0);

for (const r of rows) console.log(`${kb(r.gzip).padStart(7)} KB  ${r.file}`);
console.log(
  `questionnaire route, initial JS: ${kb(route)} KB gzip in ${rows.length} chunks ` +
    `(budget ${ROUTE_BUDGET_KB} KB; CSS ${kb(cssBytes)} KB not counted)`,
);
console.log(`all JS: ${kb(total)} KB gzip in ${allJs.length} files (budget ${TOTAL_BUDGET_KB} KB)`);

// Files under 1 KB are sent as they are (see precompress.ts).
const unpacked = rows
  .filter((r) => statSync(join(dist, r.file)).size >= 1024)
  .filter((r) => !existsSync(join(dist, `${r.file}.br`)) || !existsSync(join(dist, `${r.file}.gz`)))
  .map((r) => r.file);
if (unpacked.length > 0) fail(`no .br/.gz copy beside: ${unpacked.join(', ')}`);
const over = [
  route / 1024 > ROUTE_BUDGET_KB ? `route ${kb(route - ROUTE_BUDGET_KB * 1024)} KB` : '',
  total / 1024 > TOTAL_BUDGET_KB ? `total ${kb(total - TOTAL_BUDGET_KB * 1024)} KB` : '',
].filter(Boolean);
if (over.length > 0) fail(`over budget: ${over.join(', ')}`);

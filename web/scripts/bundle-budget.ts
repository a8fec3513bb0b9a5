/**
 * Bundle budget: the JavaScript a browser must load before the questionnaire
 * route can render — the entry chunk, the route's own chunk and everything
 * either imports statically — gzipped, must stay under the budget. Lazy
 * chunks (the results chart, the review console, admin) are not counted.
 *
 *   pnpm --filter @zhiping/web build && pnpm --filter @zhiping/web budget
 *
 * Exits 1 above the budget (or when the build or manifest is missing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.BUDGET_KB ?? 300);
const ROUTE = 'src/questionnaire/questionnaire-page.tsx';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`bundle-budget: ${manifestPath} is missing; run the build first`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;

const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
if (entries.length === 0 || !manifest[ROUTE]) {
  console.error(`bundle-budget: no entry or no chunk for ${ROUTE} in the manifest`);
  process.exit(1);
}

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

const keys = closure([...entries.map(([k]) => k), ROUTE]);
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const rows = [...keys]
  .map((k) => manifest[k])
  .filter((c): c is Chunk => Boolean(c?.file.endsWith('.js')))
  .map((c) => ({ file: c.file, gzip: gz(c.file) }))
  .sort((a, b) => b.gzip - a.gzip);
const css = new Set([...keys].flatMap((k) => manifest[k]?.css ?? []));
const totalKb = rows.reduce((s, r) => s + r.gzip, 0) / 1024;
const cssKb = [...css].reduce((s, f) => s + gz(f), 0) / 1024;

for (const r of rows) console.log(`${(r.gzip / 1024).toFixed(1).padStart(7)} KB  ${r.file}`);
console.log(
  `questionnaire route, initial JS: ${totalKb.toFixed(1)} KB gzip in ${rows.length} chunks ` +
    `(budget ${BUDGET_KB} KB; CSS ${cssKb.toFixed(1)} KB not counted)`,
);
if (totalKb > BUDGET_KB) {
  console.error(`bundle-budget: over budget by ${(totalKb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}

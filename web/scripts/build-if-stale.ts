/**
 * Builds the web app when web/dist is missing or older than any source it is
 * built from (web/src, web/index.html, the Vite config, forms/src), so
 * `npm start` is quick after the first time and never serves a stale app.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(web, 'dist', 'index.html');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = 0;
  for (const e of readdirSync(path))
    if (e !== 'node_modules') m = Math.max(m, newest(join(path, e)));
  return m;
}

const sources = [
  'src',
  'index.html',
  'vite.config.ts',
  'scripts/precompress.ts',
  'package.json',
  '../forms/src',
].map((p) => newest(join(web, p)));
const stale = !existsSync(built) || Math.max(...sources) > statSync(built).mtimeMs;
if (stale) {
  console.log('构建前端（web/dist）…');
  execFileSync(process.execPath, [join(web, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: web,
    stdio: 'inherit',
  });
} else console.log('前端已是最新（web/dist）。');

/**
 * Where the time of a CPU profile went (those `PROFILE=dir` makes the browser
 * bench write): the functions with the most self time, and the most
 * inclusive time, in milliseconds summed over the files given.
 *
 *   npx tsx test/bench/profile-summary.ts /tmp/prof/Zhiping-keystroke-*.cpuprofile [TOP]
 *
 * AFTER=<function name> leaves out every sample up to the last one with that
 * function on its stack: AFTER=boot keeps a server profile's start-up
 * (loading, compiling and seeding the definitions) out of the figures.
 *
 * It also sums self time by where the code lives (our packages' folders,
 * each dependency, Node's internals, native work), which says more than any
 * one function when a request's time is spread thin.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const top = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 30;
const self = new Map<string, number>();
const byPlace = new Map<string, number>();

/** Where a frame's code lives: `api/db`, `forms/engine`, `kysely`, `node:http`, `(native)`… */
function place(f: Node['callFrame']): string {
  const url = f.url;
  if (!url) return f.functionName.startsWith('(') ? f.functionName : '(native)';
  const dep = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (dep) return dep[1] ?? url;
  const ours = url.match(/\/(api|forms|web|test)\/src\/([^/]+)\//);
  if (ours) return `${ours[1]}/${ours[2]}`;
  // node:internal/… as one place; node:_http_server and the like each as its own.
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url.split('/').slice(-2).join('/');
}
const total = new Map<string, number>();
let all = 0;

const label = (n: Node) => {
  const f = n.callFrame;
  const file = f.url.split('/').pop() ?? '';
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
};

for (const file of args) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const onStack = (id: number, fn: string) => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
      if (byId.get(cur)?.callFrame.functionName === fn) return true;
    return false;
  };
  const after = process.env.AFTER;
  const from = after ? p.samples.findLastIndex((id) => onStack(id, after)) + 1 : 0;
  p.samples.forEach((id, i) => {
    if (i < from) return;
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(id);
    if (!n) return;
    const name = label(n);
    if (name.startsWith('(idle)') || name.startsWith('(program)')) return;
    all += ms;
    self.set(name, (self.get(name) ?? 0) + ms);
    const where = place(n.callFrame);
    byPlace.set(where, (byPlace.get(where) ?? 0) + ms);
    // Inclusive: each distinct frame on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (!node) break;
      const l = label(node);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  });
}

const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${v.toFixed(1).padStart(9)} ms  ${k}`);
};
console.log(`${args.length} profile(s), ${all.toFixed(1)} ms busy (idle and (program) left out)`);
print('self time by place', byPlace);
print('self time', self);
print('inclusive time', total);

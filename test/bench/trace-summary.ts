/**
 * The renderer main thread's time by kind of work (script, style, layout,
 * paint…) in Chromium traces the browser bench writes with `PROFILE=dir`:
 * the self time of each trace event (its duration less its children's),
 * summed over the files given, in milliseconds.
 *
 *   npx tsx test/bench/trace-summary.ts /tmp/prof/Zhiping-keystroke-*.trace.json
 */
import { readFileSync } from 'node:fs';

interface Ev {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const totals = new Map<string, number>();
for (const file of process.argv.slice(2)) {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: Ev[] } | Ev[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) continue;
  const xs = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Self time: an event's duration less that of the events nested directly in it.
  const stack: { end: number; name: string; self: number }[] = [];
  const close = (until: number) => {
    while (stack.length && (stack.at(-1)?.end ?? 0) <= until) {
      const top = stack.pop();
      if (top) totals.set(top.name, (totals.get(top.name) ?? 0) + top.self / 1000);
    }
  };
  for (const e of xs) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.self -= e.dur ?? 0;
    stack.push({ end: e.ts + (e.dur ?? 0), name: e.name, self: e.dur ?? 0 });
  }
  close(Number.POSITIVE_INFINITY);
}
const sum = [...totals.values()].reduce((a, b) => a + b, 0);
console.log(`${sum.toFixed(1)} ms on the renderer main thread, by event (self time)`);
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${v.toFixed(1).padStart(9)} ms  ${k}`);

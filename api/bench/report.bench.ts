/**
 * Report rendering time and size, run on demand:
 *
 *   npx tsx api/bench/report.bench.ts [--runs 20] [--warmup 5] [--sample gbt29490-2013/lapsed-gaps.json]
 *
 * Renders the PDF and the workbook of a reviewed sample of the largest
 * built-in definition, after a warm-up, and prints median and p90 wall
 * time, CPU time and file sizes. Targets: < 500 ms per report after
 * warm-up and < 1 MB per file. CPU time is printed beside wall time
 * because on a shared machine the two differ by how busy it is.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadFonts, renderPdf, renderWorkbook } from '../src/reports/index.ts';
import { sampleInput } from '../src/reports/sample-input.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    sample: { type: 'string', default: 'gbt29490-2013/lapsed-gaps.json' },
  },
});
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const TARGET_MS = 500;
const TARGET_BYTES = 1024 * 1024;

const input = sampleInput(values.sample, { reviewed: true });

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

async function measure(name: string, render: () => Promise<Buffer>) {
  let bytes = 0;
  for (let i = 0; i < warmup; i++) bytes = (await render()).length;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    bytes = (await render()).length;
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = quantile(wall, 0.5);
  const ok = median < TARGET_MS && bytes < TARGET_BYTES;
  console.log(
    `${name.padEnd(9)} wall median ${median.toFixed(0).padStart(4)} ms  p90 ${quantile(wall, 0.9).toFixed(0).padStart(4)} ms` +
      `  cpu median ${quantile(cpu, 0.5).toFixed(0).padStart(4)} ms  size ${(bytes / 1024).toFixed(0)} KB  ${ok ? 'ok' : 'OVER TARGET'}`,
  );
  return ok;
}

const t0 = performance.now();
await loadFonts();
console.log(
  `${input.definition.id}@${input.definition.version}: ${input.result.items.length} items, ${input.result.gaps.length} gaps; ` +
    `fonts loaded in ${(performance.now() - t0).toFixed(0)} ms; ${runs} runs after ${warmup} warm-up; ` +
    `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
);
const pdfOk = await measure('PDF', () => renderPdf(input));
const xlsxOk = await measure('workbook', () => renderWorkbook(input));
process.exitCode = pdfOk && xlsxOk ? 0 : 1;

import { renderPdf } from './pdf.ts';
import { sampleInput } from './sample-input.ts';

const input = sampleInput('gbt29490-2013/lapsed-gaps.json');
for (let i = 0; i < 6; i++) await renderPdf(input);
const { Session } = await import('node:inspector/promises');
const s = new Session();
s.connect();
await s.post('Profiler.enable');
await s.post('Profiler.start');
const t = performance.now();
for (let i = 0; i < 5; i++) await renderPdf(input);
console.log('avg', (performance.now() - t) / 5);
const { profile } = await s.post('Profiler.stop');
// aggregate self time by function+url
const self = new Map<string, number>();
const nodes = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas;
const samples = profile.samples;
for (let i = 0; i < samples.length; i++) {
  const n: any = nodes.get(samples[i]);
  const k = `${n.callFrame.functionName} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
}
console.log(
  [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`)
    .join('\n'),
);

import { writeFileSync } from 'node:fs';
import { renderPdf } from './pdf.ts';
import { sampleInput } from './sample-input.ts';

const file = process.argv[2] ?? 'gbt29490-2013/lapsed-gaps.json';
const input = sampleInput(file, { reviewed: process.argv[3] === 'r' });
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  const buf = await renderPdf(input);
  console.log('pdf ms', Math.round(performance.now() - t), 'KB', Math.round(buf.length / 1024));
  writeFileSync('/tmp/report.pdf', buf);
}

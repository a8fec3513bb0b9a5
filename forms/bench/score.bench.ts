/**
 * `pnpm bench`: scoring and validation throughput on one core.
 * Prints assessments per second (and the time of one) for a synthetic
 * 150-item definition, a synthetic 2,406-item one and the largest built-in
 * definition, each over a pool of answer sets.
 */
import { validateAnswers } from '../src/engine/answer-check.ts';
import { compile } from '../src/engine/compile.ts';
import { score } from '../src/engine/score.ts';
import { loadBuiltins } from '../src/node/index.ts';
import type { Definition } from '../src/schema/definition.ts';
import { syntheticAnswers, syntheticDefinition } from './synthetic.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

function rate(label: string, pool: unknown[], fn: (x: unknown) => unknown): number {
  for (let i = 0; i < 2000; i++) fn(pool[i % pool.length]); // warm-up: let the JIT settle
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    let n = 0;
    const start = performance.now();
    const until = start + (SECONDS * 1000) / 5;
    while (performance.now() < until) {
      for (let i = 0; i < 100; i++) fn(pool[n++ % pool.length]);
    }
    samples.push((n / (performance.now() - start)) * 1000);
  }
  samples.sort((a, b) => a - b);
  const median = samples[2] ?? 0;
  console.log(
    `${label.padEnd(58)} ${Math.round(median).toLocaleString('en-US').padStart(9)} /s  ${(1000 / median).toFixed(3).padStart(8)} ms each  (median of 5)`,
  );
  return median;
}

const countItems = (d: Definition) => compile(d).items.length;

function benchDefinition(name: string, def: Definition) {
  const pool = Array.from({ length: 64 }, (_, i) => syntheticAnswersFor(def, i + 1));
  const asOf = '2026-11-21';
  const c = compile(def);
  console.log(`\n${name}: ${countItems(def)} items`);
  rate('score (assessments)', pool, (a) => score(c, a as Record<string, unknown>, { asOf }));
  rate('validate, draft (type checks)', pool, (a) => validateAnswers(c, a));
  rate('validate, submit (types + required-when-visible)', pool, (a) =>
    validateAnswers(c, a, { mode: 'submit', asOf }),
  );
}

/** Realistic answers for any definition: the synthetic generator's grading applied to its items. */
function syntheticAnswersFor(def: Definition, seed: number): Record<string, unknown> {
  if (def.id === 'synthetic') return syntheticAnswers(def, seed);
  let x = seed;
  const rnd = () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
  const answers: Record<string, unknown> = {};
  for (const { item } of compile(def).items) {
    if (rnd() < 0.1) continue;
    switch (item.kind) {
      case 'yesno':
        answers[item.id] = rnd() < 0.7;
        break;
      case 'single':
        answers[item.id] = item.options[Math.floor(rnd() * item.options.length)]?.id;
        break;
      case 'multi':
        answers[item.id] = item.options.filter(() => rnd() < 0.5).map((o) => o.id);
        break;
      case 'scale': {
        const levels = def.scales[item.scale] ?? [];
        answers[item.id] = levels[Math.floor(rnd() * levels.length)]?.value;
        break;
      }
      case 'number':
        answers[item.id] = Math.max(
          item.min ?? 0,
          Math.min(item.max ?? 1e6, Math.floor(rnd() * 100)),
        );
        if (item.integer === false) answers[item.id] = (answers[item.id] as number) + 0.5;
        break;
      case 'date':
        answers[item.id] = '2026-02-01';
        break;
      case 'text':
        answers[item.id] = '说明';
        break;
      case 'evidence':
        answers[item.id] = { files: [{ id: 'f1', name: '记录.pdf' }] };
        break;
      default:
    }
  }
  return answers;
}

console.log(`node ${process.version}, one thread; ${SECONDS}s per measurement`);
benchDefinition('synthetic definition', syntheticDefinition());
// Issue 16: validation of a 2,400-item definition (draft mode is what runs while typing) < 2 ms.
benchDefinition('synthetic definition, 150 sections', syntheticDefinition(150, 16));
try {
  const lib = loadBuiltins();
  const largest = [...lib.definitions].sort((a, b) => countItems(b) - countItems(a))[0];
  if (largest) benchDefinition(`largest built-in (${largest.id}@${largest.version})`, largest);
} catch (e) {
  console.log(`\nbuilt-in definitions not benchmarked: ${(e as Error).message.split('\n')[0]}`);
}

import { type Answers, type Compiled, score, validateAnswers } from '@zhiping/forms';
import type { Deps } from '../deps.ts';

/** One warm-up run: what a save does with answers (check, then score). */
export type WarmRun = (compiled: Compiled, answers: Answers, asOf: string) => void;

const saveLike: WarmRun = (compiled, answers, asOf) => {
  validateAnswers(compiled, answers, { mode: 'draft', asOf });
  score(compiled, answers, { asOf });
};

/**
 * Runs the scoring engine over the newest version of every definition a
 * few dozen times before the process takes requests (the engine's code is
 * one for all versions, so older ones are warm too). Reads are served from the
 * stored read model, so without this the first saves after a start were
 * the engine's first runs: interpreted, not yet optimised, with the saves
 * behind them queueing — the first quarter second of 500 autosaves/s on
 * PostgreSQL held the p99 at up to 24 ms (8.6–24.3 ms in three runs);
 * warmed, 6.3–11.9 ms in four (test/bench/load.ts, issue 15). Empty answers and an answer for every
 * choice item cover the unanswered and the scored paths. Returns the
 * definitions warmed (`id@version`); about 0.2 s of start-up for the
 * eleven built-in definitions (measured on the 2-core machine, issue 15).
 */
export async function warmUp(deps: Deps, rounds = 40, run: WarmRun = saveLike): Promise<string[]> {
  const asOf = deps.now().toISOString().slice(0, 10);
  const warmed: string[] = [];
  for (const summary of await deps.definitions.list()) {
    const { compiled } = await deps.definitions.get(summary.ref);
    const filled: Answers = {};
    for (const { item } of compiled.items) {
      if (item.kind === 'yesno') filled[item.id] = true;
      else if (item.kind === 'single' && item.options[0]) filled[item.id] = item.options[0].id;
      else if (item.kind === 'number') filled[item.id] = item.min ?? 1;
    }
    for (let i = 0; i < rounds; i++) run(compiled, i % 2 ? filled : {}, asOf);
    warmed.push(summary.ref);
  }
  return warmed;
}

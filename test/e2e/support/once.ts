import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Makes `target` (a file or directory) once, however many test workers ask at
 * the same time: the first to take the lock builds it under a temporary name
 * and renames it into place; the others wait for it. When the builder fails,
 * a waiter builds it itself (and sees the error, if it is not a fluke).
 */
export async function once(target: string, make: (tmp: string) => Promise<void>): Promise<string> {
  if (existsSync(target)) return target;
  const lock = `${target}.lock`;
  let locked = false;
  try {
    mkdirSync(lock);
    locked = true;
  } catch {
    while (!existsSync(target) && existsSync(lock)) await sleep(100);
    if (existsSync(target)) return target;
  }
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    await make(tmp);
    try {
      renameSync(tmp, target);
    } catch (err) {
      // A lock-less builder (after a failed one) may have lost the race: theirs is as good.
      if (!existsSync(target)) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    if (locked) rmSync(lock, { recursive: true, force: true });
  }
  return target;
}

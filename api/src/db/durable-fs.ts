import {
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';

export const exists = (path: string) => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};

/** fsync a file or a directory (a new name is durable once its directory is flushed). */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies a directory tree and flushes every file and directory it made, so
 * the copy survives a power cut once this returns. Names starting with a
 * dot are skipped: they are uploads still being written (`.<id>.part`).
 */
export function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const src = join(from, e.name);
    const dst = join(to, e.name);
    if (e.isDirectory()) copyTree(src, dst);
    else if (e.isFile()) {
      copyFileSync(src, dst);
      fsyncPath(dst);
    }
  }
  fsyncPath(to);
}

import { fstatSync, fsync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WalSync } from './wal-sync.ts';

const walFile = () => {
  const f = join(mkdtempSync(join(tmpdir(), 'wal-')), 'db-wal');
  writeFileSync(f, 'x');
  return f;
};

describe('WalSync (group commit)', () => {
  it('shares flushes among concurrent writers and never acknowledges before a flush that began after the call', async () => {
    const log: string[] = [];
    let flushes = 0;
    const sync = new WalSync(walFile(), async () => {
      const n = ++flushes;
      log.push(`start ${n}`);
      await new Promise((r) => setTimeout(r, 20));
      log.push(`end ${n}`);
    });
    const first = sync.sync().then(() => log.push('ack a'));
    // These arrive while flush 1 runs: their commits may postdate it, so they need flush 2.
    const rest = Array.from({ length: 10 }, (_, i) =>
      sync.sync().then(() => log.push(`ack b${i}`)),
    );
    await Promise.all([first, ...rest]);
    expect(flushes).toBe(2);
    expect(log.indexOf('ack a')).toBeGreaterThan(log.indexOf('end 1'));
    for (let i = 0; i < 10; i++)
      expect(log.indexOf(`ack b${i}`)).toBeGreaterThan(log.indexOf('end 2'));
    sync.close();
  });

  it('passes a failed flush on to the writers waiting for it', async () => {
    let calls = 0;
    const sync = new WalSync(walFile(), async () => {
      calls++;
      throw new Error('disk full');
    });
    await expect(sync.sync()).rejects.toThrow('disk full');
    // The next write starts a fresh flush rather than inheriting a stuck one.
    await expect(sync.sync()).rejects.toThrow('disk full');
    expect(calls).toBe(2);
  });

  it('really flushes the WAL file itself, with the operating system’s fsync', async () => {
    const file = walFile();
    const flushed: number[] = [];
    const sync = new WalSync(file, (fd) => {
      // The descriptor flushed is the WAL file's (same inode), and the flush is the real one.
      flushed.push(fstatSync(fd).ino);
      return new Promise((res, rej) => fsync(fd, (e) => (e ? rej(e) : res())));
    });
    await Promise.all([sync.sync(), sync.sync(), sync.sync()]);
    sync.close();
    // Three concurrent writers share at most two flushes, each of the WAL file.
    expect(flushed.length).toBeGreaterThanOrEqual(1);
    expect(flushed.length).toBeLessThanOrEqual(2);
    expect(new Set(flushed)).toEqual(new Set([statSync(file).ino]));
  });

  it('refuses to acknowledge when the WAL file cannot be opened', async () => {
    const sync = new WalSync(join(tmpdir(), 'no-such-dir-zhiping', 'db-wal'));
    await expect(sync.sync()).rejects.toThrow(/ENOENT/);
  });
});

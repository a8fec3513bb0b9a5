/**
 * A full disk under the real server: its data directory (SQLite database,
 * WAL and evidence files) is a small tmpfs that uploads fill while clients
 * stream autosaves. Every answer is a success or a 507 storage-full
 * problem; every acknowledged upload is there byte for byte and every
 * acknowledged save is stored; no partial file is left; once evidence is
 * deleted and space frees, uploads and saves succeed again.
 *
 *   npx vitest run --project cross-package test/fault/disk-full.test.ts
 *
 * Needs permission to mount a tmpfs (root in a container usually has it);
 * otherwise it says it was skipped.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient, DEMO_RESPONDENT } from '../support/api-client.ts';
import { type RunningServer, startServer } from '../support/server.ts';
import { tally, Writer } from './autosave-writer.ts';

const SIZE_MB = 20;

function mountTmpfs(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'zhiping-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE_MB}m`, 'tmpfs', dir], {
      stdio: 'ignore',
    });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
const unmount = (dir: string) => {
  execFileSync('umount', [dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
};
const probe = mountTmpfs();
if (probe) unmount(probe);

const pdf = (i: number, size: number) => {
  const b = Buffer.alloc(size, 0x20 + (i % 90));
  b.write(`%PDF-1.7\n% evidence ${i}\n`);
  return b;
};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function partFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.part')) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

describe.skipIf(!probe)(
  `a full disk (tmpfs of ${SIZE_MB} MB)${probe ? '' : ' — skipped: cannot mount a tmpfs here'}`,
  () => {
    it('answers 507 when full, loses nothing acknowledged, leaves no partial file, and recovers when space frees', async () => {
      const dataDir = mountTmpfs();
      if (!dataDir) throw new Error('mount failed');
      let server: RunningServer | null = null;
      try {
        server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: '1' });
        const api = await ApiClient.login(
          server.url,
          DEMO_RESPONDENT.email,
          DEMO_RESPONDENT.password,
        );
        const writers: Writer[] = [];
        for (let i = 0; i < 3; i++) {
          const a = await api.ok<{ id: string; revision: number }>('POST', '/api/assessments', {
            definition: 'gbt29490-2023',
            title: `磁盘已满 ${i + 1}`,
          });
          writers.push(new Writer(a.id, a.revision, `w${i + 1}`));
        }
        const target = writers[0]?.id ?? '';
        let streaming = true;
        const streams = writers.map((w) => w.streamThroughFaults(api, () => streaming));

        // Fill the disk with uploads until it refuses three in a row.
        const acked = new Map<string, string>();
        const uploadStatuses: Record<string, number> = {};
        const upload = async (i: number) => {
          const bytes = pdf(i, 700 * 1024 + i * 1024);
          const res = await fetch(
            `${server?.url}/api/assessments/${target}/files?name=${encodeURIComponent(`证据${i}.pdf`)}`,
            {
              method: 'POST',
              headers: { cookie: api.cookieHeader, 'content-type': 'application/octet-stream' },
              body: bytes,
            },
          );
          uploadStatuses[res.status] = (uploadStatuses[res.status] ?? 0) + 1;
          const body = (await res.json()) as { id?: string; type?: string };
          if (res.status === 201 && body.id) acked.set(body.id, sha(bytes));
          return { status: res.status, type: body.type };
        };
        let refusedInARow = 0;
        let i = 0;
        const refusals: string[] = [];
        while (refusedInARow < 3 && i < 200) {
          const r = await upload(i++);
          if (r.status === 507) {
            refusedInARow++;
            refusals.push(r.type ?? '');
          } else refusedInARow = 0;
        }
        await new Promise((r) => setTimeout(r, 500));
        const partsWhileFull = partFiles(dataDir);

        // Free space: delete half of the acknowledged files from the draft.
        const ids = [...acked.keys()];
        const gone = ids.slice(0, Math.ceil(ids.length / 2));
        for (const id of gone) {
          const r = await api.call('DELETE', `/api/assessments/${target}/files/${id}`);
          expect(r.status).toBe(204);
          acked.delete(id);
        }
        const after = await upload(1000);
        await new Promise((r) => setTimeout(r, 500));
        streaming = false;
        await Promise.all(streams);

        // Every acknowledged upload, byte for byte.
        const damaged: string[] = [];
        for (const [id, digest] of acked) {
          const got = await api.bytes(`/api/assessments/${target}/files/${id}`);
          if (got.status !== 200 || sha(got.bytes) !== digest) damaged.push(id);
        }
        const { acked: savesAcked, lost, problems, statuses: saves } = await tally(writers, api);
        console.log(
          `disk full: uploads ${JSON.stringify(uploadStatuses)} (${acked.size + gone.length} acknowledged, ${damaged.length} damaged); ` +
            `saves ${JSON.stringify(saves)}, ${savesAcked} acknowledged, ${lost} lost; ` +
            `after deleting ${gone.length} files the next upload got ${after.status}`,
        );
        expect(server.proc.exitCode).toBeNull();
        expect(refusals.every((t) => t === 'urn:zhiping:problem:storage-full')).toBe(true);
        expect(Object.keys(uploadStatuses).sort()).toEqual(['201', '507']);
        expect(partsWhileFull).toEqual([]);
        expect(damaged).toEqual([]);
        expect(after.status).toBe(201);
        expect(writers.flatMap((w) => w.unexpected)).toEqual([]);
        expect(problems).toEqual([]);
        expect(lost).toBe(0);
      } finally {
        await server?.stop();
        unmount(dataDir);
      }
    }, 120_000);
  },
);

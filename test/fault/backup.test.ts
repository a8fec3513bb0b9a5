/**
 * Backup and restore as an operator does them, against the real server
 * process: `pnpm backup` while clients keep autosaving, stop, `pnpm restore`
 * into a fresh data directory, start, and find everything that existed when
 * the backup began, each assessment consistent with its own audit log.
 *
 *   npx vitest run --project cross-package test/fault/backup.test.ts
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, DEMO_RESPONDENT } from '../support/api-client.ts';
import { apiDir, freePort, type RunningServer, startServer } from '../support/server.ts';
import { integrityCheck } from '../support/sqlite.ts';
import { storedViaApi, Writer } from './autosave-writer.ts';

const WRITERS = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// SQLite only: an inherited DATABASE_URL would point the server and the CLIs at PostgreSQL.
const SQLITE = { DATABASE_URL: '' };

/** Runs `pnpm backup` / `pnpm restore` as the scripts do (node + tsx in api/). */
const cli = (script: 'backup' | 'restore', args: string[], env: Record<string, string>) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', `src/${script}.ts`, ...args], {
    cwd: apiDir,
    env: { ...process.env, ...SQLITE, ...env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

/** A small PDF (the server checks content against the extension), different for each n. */
const pdf = (n: number) =>
  Buffer.concat([Buffer.from(`%PDF-1.7\n% evidence ${n}\n`), Buffer.alloc(1000 + n * 100, 0x20)]);

interface Summary {
  id: string;
  status: string;
  revision: number;
}

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe('backup and restore (SQLite)', () => {
  it('backs up online during autosaves; the restore has every assessment as of the backup, consistent', async () => {
    const server = await startServer({ ...SQLITE, SEED_DEMO: '1' });
    servers.push(server);
    const api = await ApiClient.login(server.url, DEMO_RESPONDENT.email, DEMO_RESPONDENT.password);

    // A submitted assessment (frozen answers, a seal) beside the drafts being saved.
    const sample = JSON.parse(
      readFileSync(
        resolve(apiDir, '../seeds/samples/gbt29490-2023/ready-manufacturer.json'),
        'utf8',
      ),
    ) as { asOf: string; answers: Record<string, unknown> };
    const done = await api.ok<Summary>('POST', '/api/assessments', {
      definition: 'gbt29490-2023',
      title: '备份测试（已提交）',
      asOf: sample.asOf,
      answers: sample.answers,
    });
    // Evidence files live beside the database: the backup must carry them too.
    const uploads: { assessment: string; id: string; bytes: Buffer }[] = [];
    const upload = async (assessment: string, n: number) => {
      const bytes = pdf(n);
      uploads.push({ assessment, id: await api.upload(assessment, `证据-${n}.pdf`, bytes), bytes });
    };
    await upload(done.id, 0);
    await api.ok('POST', `/api/assessments/${done.id}/submit`, { revision: done.revision });

    const writers: Writer[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const a = await api.ok<Summary>('POST', '/api/assessments', {
        definition: 'gbt29490-2023',
        title: `备份测试 ${i + 1}`,
      });
      writers.push(new Writer(a.id, a.revision, `b${i + 1}`));
      await upload(a.id, i + 1);
    }

    let streaming = true;
    const streams = writers.map((w) => w.stream(api, () => streaming));
    await sleep(300);
    // What the backup must contain at least: everything acknowledged before it starts.
    const before = (await api.ok<{ items: Summary[] }>('GET', '/api/assessments?pageSize=1000'))
      .items;
    const floors = new Map(writers.map((w) => [w.id, w.highestAcked]));
    const ackedBefore = writers.reduce((n, w) => n + w.ackCount, 0);

    const target = join(mkdtempSync(join(tmpdir(), 'zhiping-backup-')), 'zhiping-backup.db');
    const t0 = performance.now();
    const backup = await cli('backup', [target], { DATA_DIR: server.dataDir });
    const wall = performance.now() - t0;
    const ackedDuring = writers.reduce((n, w) => n + w.ackCount, 0) - ackedBefore;
    await sleep(200);
    streaming = false;
    await Promise.all(streams);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    console.log(
      `${backup.stdout.trim()}\n  (${statSync(target).size} bytes; the CLI took ${wall.toFixed(0)} ms with node start-up; ` +
        `${ackedDuring} autosaves were acknowledged while it ran)`,
    );
    // Online: the server kept answering saves while the backup ran.
    expect(ackedDuring).toBeGreaterThan(0);
    expect(integrityCheck(target)).toBe('ok');

    // Restore refuses while the server has the database: by its port, and by the lock on the file.
    const byPort = await cli('restore', [target], {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'zhiping-restore-')),
      PORT: new URL(server.url).port,
    });
    expect(byPort.code).toBe(2);
    expect(byPort.stderr).toContain('stop it first');
    const byLock = await cli('restore', [target], {
      DATA_DIR: server.dataDir,
      PORT: String(await freePort()),
    });
    expect(byLock.code).toBe(2);
    expect(byLock.stderr).toContain('the database is in use');
    expect((await api.call('GET', `/api/assessments/${done.id}`)).status).toBe(200);

    expect(await server.stop()).toBe(0);
    const dataDir = mkdtempSync(join(tmpdir(), 'zhiping-restored-'));
    const restore = await cli('restore', [target], {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(integrityCheck(join(dataDir, 'zhiping.db'))).toBe('ok');

    const restored = await startServer({ ...SQLITE, SEED_DEMO: '1', DATA_DIR: dataDir });
    servers.push(restored);
    const api2 = await ApiClient.login(
      restored.url,
      DEMO_RESPONDENT.email,
      DEMO_RESPONDENT.password,
    );
    const after = new Map(
      (await api2.ok<{ items: Summary[] }>('GET', '/api/assessments?pageSize=1000')).items.map(
        (a) => [a.id, a],
      ),
    );
    for (const a of before) {
      expect(after.get(a.id), `assessment ${a.id} (${a.status})`).toBeDefined();
      expect(after.get(a.id)?.status).toBe(a.status);
      expect(after.get(a.id)?.revision).toBeGreaterThanOrEqual(a.revision);
    }
    const submitted = await api2.ok<{ status: string; answers: Record<string, unknown> }>(
      'GET',
      `/api/assessments/${done.id}`,
    );
    expect(submitted.status).toBe('submitted');
    expect(submitted.answers).toEqual(sample.answers);
    // Each draft: at least as of the backup's start, exactly one save's answers, audit log in step.
    const problems: string[] = [];
    for (const w of writers)
      problems.push(...w.check(await storedViaApi(api2, w.id), floors.get(w.id)).problems);
    expect(writers.flatMap((w) => w.unexpected)).toEqual([]);
    expect(problems).toEqual([]);
    for (const u of uploads) {
      const got = await api2.bytes(`/api/assessments/${u.assessment}/files/${u.id}`);
      expect(got.status, `evidence file ${u.id}`).toBe(200);
      expect(got.bytes.equals(u.bytes), `evidence file ${u.id} bytes`).toBe(true);
    }

    // A backup missing an evidence file is refused, not half restored.
    const [first] = uploads;
    if (!first) throw new Error('no uploads');
    rmSync(join(target.replace(/\.db$/, '.files'), first.assessment, first.id));
    const incomplete = await cli('restore', [target], {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'zhiping-restore-')),
      PORT: String(await freePort()),
    });
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain('missing evidence file');
  }, 60_000);

  it('refuses on PostgreSQL and says which pg_dump / pg_restore commands to use', async () => {
    const env = { DATABASE_URL: 'postgres://zhiping@127.0.0.1:5432/zhiping' };
    for (const script of ['backup', 'restore'] as const) {
      const r = await cli(script, script === 'restore' ? ['x.db'] : [], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('pg_dump --format=custom "$DATABASE_URL" > zhiping.dump');
      expect(r.stderr).toContain('pg_restore --clean --dbname "$DATABASE_URL" zhiping.dump');
    }
  });
});

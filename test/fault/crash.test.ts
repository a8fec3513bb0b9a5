/**
 * Crash durability: the real server, as its own process, is killed with
 * SIGKILL at a random moment while clients stream autosaves, restarted on
 * the same data directory, and checked: every save it acknowledged is
 * there, in the assessment and in the audit log.
 *
 *   npx vitest run --project cross-package test/fault/crash.test.ts
 *   KILLS=20 SQLITE_DURABILITY=full npx vitest run --project cross-package test/fault/crash.test.ts
 *
 * What this proves, and what not: SIGKILL ends the process without any
 * chance to close, checkpoint or flush, but the operating system keeps the
 * page cache, so whatever the process had written() survives. This proves
 * PROCESS-crash durability: no acknowledged save only lived in the
 * process's memory, and SQLite's WAL recovery yields a whole, consistent
 * database. Durability through a power cut rests on the server fsyncing the
 * WAL before it answers (db/wal-sync.ts, or synchronous=FULL) and is argued
 * from that design, not proven here: that would need a machine whose disk
 * loses what was not flushed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient, DEMO_RESPONDENT } from '../support/api-client.ts';
import { type RunningServer, startServer } from '../support/server.ts';
import { integrityCheck, openReadOnly } from '../support/sqlite.ts';
import { storedInFile, storedViaApi, Writer } from './autosave-writer.ts';

const KILLS = Number(process.env.KILLS ?? 5);
const MODE = process.env.SQLITE_DURABILITY === 'full' ? 'full' : 'group';
const WRITERS = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const login = (server: RunningServer) =>
  ApiClient.login(server.url, DEMO_RESPONDENT.email, DEMO_RESPONDENT.password);

describe(`crash durability (SQLite, SQLITE_DURABILITY=${MODE})`, () => {
  it(
    `keeps every acknowledged autosave through ${KILLS} SIGKILLs of the server`,
    async () => {
      const env = { SEED_DEMO: '1', SQLITE_DURABILITY: MODE };
      let server = await startServer(env);
      const dataDir = server.dataDir;
      const file = join(dataDir, 'zhiping.db');
      const problems: string[] = [];
      let lost = 0;
      let landedUnacked = 0;
      try {
        let api = await login(server);
        const writers: Writer[] = [];
        for (let i = 0; i < WRITERS; i++) {
          const a = await api.ok<{ id: string; revision: number }>('POST', '/api/assessments', {
            definition: 'gbt29490-2023',
            title: `崩溃测试 ${i + 1}`,
          });
          writers.push(new Writer(a.id, a.revision, `w${i + 1}`));
        }

        for (let kill = 1; kill <= KILLS; kill++) {
          let streaming = true;
          const streams = writers.map((w) => w.stream(api, () => streaming));
          // Somewhere mid-stream: saves are in every stage (parsed, committed, fsyncing, answered).
          await sleep(100 + Math.random() * 700);
          await server.stop('SIGKILL');
          streaming = false;
          await Promise.all(streams);

          // The file as the crash left it, read by another process before the server recovers it.
          const integrity = integrityCheck(file);
          if (integrity !== 'ok') problems.push(`kill ${kill}: integrity_check: ${integrity}`);
          const db = openReadOnly(file);
          try {
            for (const w of writers)
              for (const p of w.check(storedInFile(db, w.id)).problems)
                problems.push(`kill ${kill}, file: ${p}`);
          } finally {
            db.close();
          }

          server = await startServer({ ...env, DATA_DIR: dataDir });
          api = await login(server);
          for (const w of writers) {
            const stored = await storedViaApi(api, w.id);
            const verdict = w.check(stored);
            lost += verdict.lost;
            for (const p of verdict.problems) problems.push(`kill ${kill}, API: ${p}`);
            if (stored.revision > w.highestAcked) landedUnacked++;
            w.resync(stored.revision);
          }
        }

        const acked = writers.reduce((n, w) => n + w.ackCount, 0);
        console.log(
          `crash durability (SQLITE_DURABILITY=${MODE}): ${acked} acknowledged saves, ${KILLS} kills, ` +
            `${lost} lost; ${landedUnacked} unacknowledged saves were found stored (allowed)`,
        );
        expect(writers.flatMap((w) => w.unexpected)).toEqual([]);
        expect(problems).toEqual([]);
        expect(lost).toBe(0);
        // A run that acknowledged nothing would prove nothing.
        expect(acked).toBeGreaterThan(KILLS * WRITERS);
      } finally {
        await server.stop();
      }
    },
    30_000 + KILLS * 15_000,
  );
});

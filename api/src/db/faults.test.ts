import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, harness, type Res } from '../testing/harness.ts';
import { storageFault } from './faults.ts';

describe('storageFault', () => {
  const e = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it('tells unreachable, busy and full storage from everything else', () => {
    expect(storageFault(e('57P01'))).toBe('unavailable');
    expect(storageFault(e('ECONNREFUSED'))).toBe('unavailable');
    expect(storageFault(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(storageFault(new AggregateError([e('ECONNREFUSED')]))).toBe('unavailable');
    expect(storageFault(e('SQLITE_BUSY'))).toBe('busy');
    expect(storageFault(e('SQLITE_LOCKED_SHAREDCACHE'))).toBe('busy');
    expect(storageFault(e('SQLITE_FULL'))).toBe('full');
    expect(storageFault(e('ENOSPC'))).toBe('full');
    expect(storageFault(e('53100'))).toBe('full');
    expect(storageFault(e('23505'))).toBeNull();
    expect(storageFault(new Error('boom'))).toBeNull();
  });
});

describe('SQLite full', () => {
  let h: Harness;
  let alice: Client;
  beforeAll(async () => {
    h = await harness('sqlite');
    alice = await h.as('alice');
  });
  afterAll(() => h?.close());

  it('answers 507 storage-full when the database cannot grow, and works again once it can', async () => {
    const db = h.deps.db.kysely;
    // The database may not grow by a page (set below its size, it stops at
    // its size): what a full disk does to it.
    await sql.raw('pragma max_page_count = 1').execute(db);
    let full: Res | undefined;
    for (let i = 0; i < 300 && !full; i++) {
      const r = await alice.req('POST', '/api/assessments', {
        definition: 'gbt29490-2023',
        title: `满 ${i} ${'x'.repeat(150)}`,
      });
      if (r.status !== 201) full = r;
    }
    expect(full?.status).toBe(507);
    expect(full?.body.type).toBe('urn:zhiping:problem:storage-full');
    await sql.raw('pragma max_page_count = 1073741823').execute(db);
    const ok = await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' });
    expect(ok.status).toBe(201);
  });
});

describe('SQLite locked by another process', () => {
  let h: Harness;
  let alice: Client;
  beforeAll(async () => {
    h = await harness('sqlite', { SQLITE_BUSY_TIMEOUT_MS: '200' });
    alice = await h.as('alice');
  });
  afterAll(() => h?.close());

  it('answers a write 503 with Retry-After while the lock is held, and saves once it is released', async () => {
    const a = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' })).body;
    const other = new SQLite(join(h.deps.config.dataDir, 'zhiping.db'));
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: a.revision,
        answers: { 'pre.penalty': false },
      });
      expect(r.status).toBe(503);
      expect(r.body.type).toBe('urn:zhiping:problem:unavailable');
      expect(r.headers.get('retry-after')).toBe('1');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const ok = await alice.req('PATCH', `/api/assessments/${a.id}`, {
      revision: a.revision,
      answers: { 'pre.penalty': false },
    });
    expect(ok.status).toBe(200);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltins } from '@zhiping/forms/node';
import { afterAll, describe, expect, it } from 'vitest';
import { boot } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { createApp } from '../http/app.ts';

const quiet = { info: () => {}, error: () => {} };

describe('a fresh install', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhiping-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates, migrates and seeds a SQLite file the demo accounts can use, once', async () => {
    const config = loadConfig({ DATA_DIR: dir });
    const deps = await boot(config, { log: quiet });
    const app = createApp(deps);
    const login = async (email: string) => {
      const r = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'Demo-2026-zhiping' }),
      });
      expect(r.status, email).toBe(200);
      return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };
    const get = async (path: string, cookie: string) =>
      (await app.request(path, { headers: { cookie } })).json();

    const qiye = await login('qiye@demo.zhiping.cn');
    const mine = await get('/api/assessments', qiye);
    expect(mine.map((a: { status: string }) => a.status).sort()).toEqual([
      'draft',
      'draft',
      'in_review',
    ]);
    const city = await get('/api/assessments', await login('city@demo.zhiping.cn'));
    expect(
      city.every((a: { definition: { id: string } }) => a.definition.id.startsWith('strong-city')),
    ).toBe(true);
    const queue = await get('/api/review/queue', await login('reviewer@demo.zhiping.cn'));
    expect(queue.map((a: { id: string }) => a.id)).toContain(
      mine.find((a: { status: string }) => a.status === 'in_review').id,
    );
    const waiting = await get('/api/admin/assessments', await login('admin@demo.zhiping.cn'));
    expect(waiting.total).toBeGreaterThanOrEqual(15);
    const users = (await deps.db.kysely.selectFrom('users').select('id').execute()).length;
    await deps.db.close();

    // Starting again on the same directory adds nothing.
    const again = await boot(config, { log: quiet });
    expect((await again.db.kysely.selectFrom('users').select('id').execute()).length).toBe(users);
    // Every built-in definition once, however many the library holds.
    expect((await again.db.kysely.selectFrom('definitions').select('id').execute()).length).toBe(
      loadBuiltins().definitions.length,
    );
    await again.db.close();
  });
});

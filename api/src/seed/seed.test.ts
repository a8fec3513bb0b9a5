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
    const items = Array.isArray(mine) ? mine : mine.items;
    expect(items.map((a: { status: string }) => a.status).sort()).toEqual([
      'decided',
      'draft',
      'in_review',
    ]);
    // Titled like real work: who, which form, which day — never a scenario sentence.
    expect(items.map((a: { title: string }) => a.title).sort()).toEqual([
      '青禾精密 · GB/T 29490-2013 · 2025-06-20',
      '青禾精密 · GB/T 29490-2023 · 2026-09-10',
      '青禾精密 · 国家知识产权优势企业、示范企业 · 2026-11-20',
    ]);
    // The 2023 assessment was returned once and resubmitted: two rounds on its trend.
    const trend = await get('/api/history/gbt29490-2023', qiye);
    expect(trend.points.map((p: { round: number; date: string }) => [p.round, p.date])).toEqual([
      [1, '2026-09-10'],
      [2, '2026-11-20'],
    ]);
    expect(trend.entries[0].rounds[0].decision).toBe('return');
    const cityPage = await get('/api/assessments', await login('city@demo.zhiping.cn'));
    const city = Array.isArray(cityPage) ? cityPage : cityPage.items;
    expect(
      city.every((a: { definition: { id: string } }) => a.definition.id.startsWith('strong-city')),
    ).toBe(true);
    expect(city.map((a: { status: string }) => a.status).sort()).toEqual(['draft', 'returned']);
    // The city runs two calls: one closed and ranked, one open with an applicant's draft.
    const cityCookie = await login('city@demo.zhiping.cn');
    const calls = await get('/api/programmes', cityCookie);
    expect(calls.map((c: { as: string; window: string }) => [c.as, c.window]).sort()).toEqual([
      ['office', 'closed'],
      ['office', 'open'],
    ]);
    const closed = calls.find((c: { window: string }) => c.window === 'closed').programme.id;
    const ranked = await get(`/api/programmes/${closed}/applicants`, cityCookie);
    expect(ranked.rows.map((r: { rank: number | null }) => r.rank)).toEqual([1, 2]);
    expect(ranked.rows.every((r: { reviewed: unknown }) => r.reviewed !== null)).toBe(true);
    // An applicant in the city sees the open call it applied to.
    const lanxin = await get('/api/programmes', await login('lanxin@demo.zhiping.cn'));
    expect(
      lanxin.map((c: { window: string; application: unknown }) => [
        c.window,
        c.application !== null,
      ]),
    ).toEqual(expect.arrayContaining([['open', true]]));
    const queue = await get('/api/review/queue', await login('reviewer@demo.zhiping.cn'));
    const queued = JSON.stringify(queue);
    expect(queued).toContain(items.find((a: { status: string }) => a.status === 'in_review').id);
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

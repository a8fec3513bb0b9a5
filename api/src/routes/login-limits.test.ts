import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '../bootstrap.ts';
import { DomainError } from '../domain/errors.ts';
import { login } from '../services/auth.ts';
import { type Harness, harness, PASSWORD, skipReason, targets } from '../testing/harness.ts';

const quiet = { info: () => {}, error: () => {} };
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );
const tally = (xs: string[]) =>
  xs.reduce<Record<string, number>>((m, x) => {
    m[x] = (m[x] ?? 0) + 1;
    return m;
  }, {});

describe.each(targets)('login limits on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`reserved in the database before the hash${skipReason(target)}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness(target, {
        LOGIN_ATTEMPTS_PER_MINUTE: '5',
        LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '10',
        LOGIN_ATTEMPTS_GLOBAL_PER_MINUTE: '20',
      });
    });
    afterAll(() => h?.close());
    const nextWindow = () => {
      h.clock.now = new Date(h.clock.now.getTime() + 61_000);
    };

    it('evaluates at most the limit of 200 parallel wrong passwords for one account', async () => {
      const res = await Promise.all(
        Array.from({ length: 200 }, () =>
          h.anon.req('POST', '/api/auth/login', { email: 'bob@example.cn', password: 'wrong-1' }),
        ),
      );
      const statuses = tally(res.map((r) => String(r.status)));
      expect(statuses).toEqual({ '401': 5, '429': 195 });
      // The right password waits out the window too.
      const right = await h.anon.req('POST', '/api/auth/login', {
        email: 'bob@example.cn',
        password: PASSWORD,
      });
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      nextWindow();
      expect((await h.as('bob')).cookie).toBeTruthy();
    });

    it('limits an address across accounts, and everyone together', async () => {
      nextWindow();
      const byAddress = [];
      for (let i = 0; i < 12; i++)
        byAddress.push(await outcome(login(h.deps, `nobody${i}@example.cn`, 'x', '10.0.0.1')));
      expect(tally(byAddress)).toEqual({ bad_credentials: 10, rate_limited: 2 });
      nextWindow();
      const all = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          outcome(login(h.deps, `someone${i}@example.cn`, 'x', `10.1.${i}.1`)),
        ),
      );
      expect(tally(all)).toEqual({ bad_credentials: 20, rate_limited: 10 });
      nextWindow();
    });

    it('shares the counts between processes on one database', async () => {
      nextWindow();
      for (let i = 0; i < 5; i++)
        expect(await outcome(login(h.deps, 'carol@example.cn', 'x', '10.2.0.1'))).toBe(
          'bad_credentials',
        );
      // A second process: its own connection to the same database.
      const other = await boot(h.deps.config, {
        log: quiet,
        now: () => h.clock.now,
        ...(target === 'postgres' ? { pgSchema: h.schema } : {}),
      });
      try {
        expect(await outcome(login(other, 'carol@example.cn', PASSWORD, '10.2.0.2'))).toBe(
          'rate_limited',
        );
      } finally {
        await other.db.close();
      }
      nextWindow();
    });

    it('refuses weak passwords and answers a creation race with 409', async () => {
      nextWindow();
      const admin = await h.as('admin');
      const user = { name: '王芳', role: 'respondent', organisationId: 'org-a' };
      const weak = async (email: string, password: string) => {
        const r = await admin.req('POST', '/api/admin/users', { ...user, email, password });
        expect(r.status).toBe(422);
        return r.body.errors.map((e: { code: string }) => e.code);
      };
      expect(await weak('wangfang@example.cn', 'password1234')).toContain('password.too_common');
      expect(await weak('wangfang@example.cn', 'wangfang@example.cn')).toContain(
        'password.contains_email',
      );
      expect(await weak('wf@example.cn', '王芳-lantern-orchard-7')).toContain(
        'password.contains_name',
      );
      const short = await admin.req('POST', '/api/admin/users', {
        ...user,
        email: 'wf@example.cn',
        password: 'password12',
      });
      expect(short.status).toBe(400);
      const race = await Promise.all(
        Array.from({ length: 8 }, () =>
          admin.req('POST', '/api/admin/users', {
            ...user,
            email: 'same@example.cn',
            password: 'violet-harbour-tractor-41',
          }),
        ),
      );
      expect(tally(race.map((r) => String(r.status)))).toEqual({ '201': 1, '409': 7 });
      expect(race.find((r) => r.status === 409)?.body.type).toBe('urn:zhiping:problem:email-taken');
    });

    it('takes as long for an unknown or login-less account as for a wrong password', async () => {
      nextWindow();
      await h.deps.db.kysely
        .updateTable('users')
        .set({ password_hash: '!' })
        .where('email', '=', 'rob@example.cn')
        .execute();
      // The same work as a wrong password: one full hash each (timing under a
      // loaded test run is too noisy to compare; the work is what timing reveals).
      const hashes = async (email: string, i: number) => {
        const before = h.deps.hashSlots.started;
        const t = performance.now();
        expect(await outcome(login(h.deps, email, 'wrong-password', `10.3.0.${i}`))).toBe(
          'bad_credentials',
        );
        return { n: h.deps.hashSlots.started - before, ms: performance.now() - t };
      };
      const real = await hashes('rita@example.cn', 1);
      const noLogin = await hashes('rob@example.cn', 2);
      const unknown = await hashes('ghost@example.cn', 3);
      expect([real.n, noLogin.n, unknown.n]).toEqual([1, 1, 1]);
      // And none is the ~1 ms answer that gave such accounts away.
      for (const r of [real, noLogin, unknown]) expect(r.ms).toBeGreaterThan(15);
    });
  });
});

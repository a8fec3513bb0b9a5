import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, PASSWORD, skipReason, targets } from '../testing/harness.ts';

describe.each(targets)('accounts on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`login, sessions, logout${skipReason(target)}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness(target, { LOGIN_ATTEMPTS_PER_MINUTE: '3' });
    });
    afterAll(() => h?.close());

    it('signs in, sets an HttpOnly SameSite cookie and says who you are', async () => {
      const r = await h.anon.req('POST', '/api/auth/login', {
        email: 'Alice@Example.cn ',
        password: PASSWORD,
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        email: 'alice@example.cn',
        role: 'respondent',
        organisation: { id: 'org-a' },
      });
      const cookie = r.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^zp_session=[\w-]{40,};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
      const me = await (await h.as('alice')).get('/api/auth/me');
      expect(me.body.email).toBe('alice@example.cn');
    });

    it('refuses a wrong password and an unknown account alike', async () => {
      const wrong = await h.anon.req('POST', '/api/auth/login', {
        email: 'carol@example.cn',
        password: 'nope',
      });
      const unknown = await h.anon.req('POST', '/api/auth/login', {
        email: 'nobody@example.cn',
        password: 'nope',
      });
      for (const r of [wrong, unknown]) {
        expect(r.status).toBe(401);
        expect(r.type).toMatch(/^application\/problem\+json/);
        expect(r.body.type).toBe('urn:zhiping:problem:bad-credentials');
        expect(r.headers.get('set-cookie')).toBeNull();
      }
    });

    it('lists invalid fields of a malformed login', async () => {
      const r = await h.anon.req('POST', '/api/auth/login', {
        email: 'not-an-email',
        password: '',
      });
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'email',
        'password',
      ]);
      expect(r.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('rate-limits failed logins per account and says when to retry', async () => {
      const bad = { email: 'bob@example.cn', password: 'wrong-password-1' };
      for (let i = 0; i < 3; i++)
        expect((await h.anon.req('POST', '/api/auth/login', bad)).status).toBe(401);
      const limited = await h.anon.req('POST', '/api/auth/login', bad);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Even the right password waits out the window…
      const right = await h.anon.req('POST', '/api/auth/login', { ...bad, password: PASSWORD });
      expect(right.status).toBe(429);
      // …while other accounts are unaffected.
      expect(
        (
          await h.anon.req('POST', '/api/auth/login', {
            email: 'rob@example.cn',
            password: PASSWORD,
          })
        ).status,
      ).toBe(200);
    });

    it('logout ends the session on the server, not only in the browser', async () => {
      const alice = await h.as('alice');
      expect((await alice.req('POST', '/api/auth/logout')).status).toBe(204);
      const after = await alice.get('/api/auth/me');
      expect(after.status).toBe(401);
      expect(after.body.type).toBe('urn:zhiping:problem:unauthenticated');
    });

    it('expires sessions after their lifetime', async () => {
      const carol = await h.as('carol');
      expect((await carol.get('/api/auth/me')).status).toBe(200);
      const start = h.clock.now;
      h.clock.now = new Date(start.getTime() + 13 * 3_600_000); // default lifetime is 12 h
      try {
        expect((await carol.get('/api/auth/me')).status).toBe(401);
      } finally {
        h.clock.now = start;
      }
    });

    it('ignores forged or garbage session cookies', async () => {
      for (const cookie of [
        'zp_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        'zp_session=x',
        'zp_session=%00%ff',
      ]) {
        const r = await h.anon.req('GET', '/api/auth/me', undefined, { cookie });
        expect(r.status).toBe(401);
      }
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, harness } from '../testing/harness.ts';

describe('the HTTP boundary', () => {
  let h: Harness;
  let alice: Client;
  beforeAll(async () => {
    h = await harness('sqlite');
    alice = await h.as('alice');
  });
  afterAll(() => h?.close());

  it('never lets an admin read an assessment, even one of the admin’s own organisation', async () => {
    const a = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' })).body;
    await h.deps.db.kysely
      .updateTable('users')
      .set({ org_id: 'org-a' })
      .where('id', '=', h.users.admin.id)
      .execute();
    const admin = await h.as('admin');
    for (const path of [
      `/api/assessments/${a.id}`,
      `/api/assessments/${a.id}/audit`,
      `/api/assessments/${a.id}/report.pdf`,
      `/api/assessments/${a.id}/report.xlsx`,
    ])
      expect((await admin.get(path)).status, path).toBe(404);
    const save = await admin.req('PATCH', `/api/assessments/${a.id}`, {
      revision: a.revision,
      answers: { 'pre.penalty': false },
    });
    expect(save.status).toBe(404);
  });

  it('refuses a JSON body that is not valid UTF-8, instead of storing U+FFFD', async () => {
    const a = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' })).body;
    const body = Buffer.concat([
      Buffer.from(`{"revision":${a.revision},"title":"ab`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const r = await h.app.request(`/api/assessments/${a.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: alice.cookie ?? '' },
      body,
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { type: string }).type).toBe('urn:zhiping:problem:invalid-request');
    expect((await alice.get(`/api/assessments/${a.id}`)).body.revision).toBe(a.revision);
  });

  it('believes X-Forwarded-Host only with TRUST_PROXY', async () => {
    const write = (c: Client) =>
      c.req(
        'POST',
        '/api/assessments',
        { definition: 'gbt29490-2023' },
        {
          origin: 'https://evil.example',
          host: 'zhiping.example',
          'x-forwarded-host': 'evil.example',
        },
      );
    expect((await write(alice)).status).toBe(403);
    const trusting = await harness('sqlite', { TRUST_PROXY: '1' });
    try {
      const a2 = await trusting.as('alice');
      expect((await write(a2)).status).toBe(201);
    } finally {
      await trusting.close();
    }
  });
});

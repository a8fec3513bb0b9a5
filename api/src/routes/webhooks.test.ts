import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs, dispatchWebhooks } from '../services/webhooks.ts';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

/*
 * An organisation's webhook: review events on its assessments are POSTed
 * signed (HMAC-SHA256 of the body with the shared secret), a failed
 * delivery is retried after its backoff, and the log shows every attempt.
 */

const SECRET = 'a-secret-of-sixteen+';

describe.each(targets)('webhooks on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`signed, retried, logged${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let rita: Client;
    let admin: Client;
    let server: Server;
    let url: string;
    const received: { body: string; signature: string; event: string; delivery: string }[] = [];
    let failNext = 1;

    beforeAll(async () => {
      h = await harness(target);
      [alice, rita, admin] = await Promise.all([h.as('alice'), h.as('rita'), h.as('admin')]);
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => {
          body += c;
        });
        req.on('end', () => {
          received.push({
            body,
            signature: String(req.headers['x-zhiping-signature']),
            event: String(req.headers['x-zhiping-event']),
            delivery: String(req.headers['x-zhiping-delivery']),
          });
          res.statusCode = failNext-- > 0 ? 503 : 204;
          res.end();
        });
      });
      // A port in the range this project's helpers may use, varied between runs.
      const port = 18100 + Math.floor(Math.random() * 100);
      await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
      url = `http://127.0.0.1:${port}/hook`;
    });
    afterAll(async () => {
      await new Promise((ok) => server?.close(ok));
      await h?.close();
    });

    it('posts each review event signed, retries a failure after its backoff, and logs both', async () => {
      expect((await alice.get('/api/organisations/org-a/webhook')).status).toBe(403);
      const noSecret = await admin.req('PUT', '/api/organisations/org-a/webhook', { url });
      expect(noSecret.status).toBe(400);
      const set = await admin.req('PUT', '/api/organisations/org-a/webhook', {
        url,
        secret: SECRET,
      });
      expect(set.status).toBe(200);
      expect(JSON.stringify(set.body)).not.toContain(SECRET);

      const a = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          answers: sampleAnswers('gbt29490-2023/nearly-ready-software'),
        })
      ).body;
      await alice.req('POST', `/api/assessments/${a.id}/submit`, { revision: a.revision });
      await admin.req('POST', `/api/assessments/${a.id}/reviewers`, {
        reviewerId: h.users.rita.id,
      });
      await rita.req('POST', `/api/assessments/${a.id}/decision`, {
        outcome: 'return',
        comment: '请补充',
      });

      expect(await dispatchWebhooks(h.deps)).toBe(2);
      expect(received.map((r) => r.event)).toEqual(['assessment.assigned', 'assessment.returned']);
      for (const r of received) {
        const expected = createHmac('sha256', SECRET).update(r.body).digest('hex');
        expect(r.signature).toBe(`sha256=${expected}`);
        expect(JSON.parse(r.body)).toMatchObject({ assessment: a.id });
      }
      // The first was refused (503): nothing more is due until its backoff has passed.
      expect(await dispatchWebhooks(h.deps)).toBe(0);
      h.clock.now = new Date(h.clock.now.getTime() + backoffMs(1));
      expect(await dispatchWebhooks(h.deps)).toBe(1);
      expect(received.at(-1)?.delivery).toBe(received[0]?.delivery);

      const log = (await admin.get('/api/organisations/org-a/webhook')).body;
      expect(log.url).toBe(url);
      expect(
        log.deliveries.map((d: { event: string; state: string; attempts: number }) => [
          d.event,
          d.state,
          d.attempts,
        ]),
      ).toEqual([
        ['assessment.returned', 'delivered', 1],
        ['assessment.assigned', 'delivered', 2],
      ]);
      expect(log.deliveries[1].lastStatus).toBe(204);
    });
  });
});

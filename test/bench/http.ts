import { Agent, request } from 'node:http';

/* A small keep-alive HTTP client for the benchmarks' setup and open-loop parts. */

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const TIMEOUT_MS = Number(process.env.CALL_TIMEOUT_MS ?? 10_000);

export function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
): Promise<Reply> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          ...(data
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
            : {}),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          buf += d;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: buf, headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    // A reply that never comes fails the call instead of stalling the run.
    req.setTimeout(TIMEOUT_MS, () =>
      req.destroy(new Error(`${method} ${path}: no reply in ${TIMEOUT_MS} ms`)),
    );
    if (data) req.write(data);
    req.end();
  });
}

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/**
 * Open loop: `clients` callers, `rate`/s in all, each request with a
 * scheduled start; latency counts from that start, so a slow server cannot
 * hide its queue by slowing the client (no coordinated omission).
 */
export async function openLoop(
  rate: number,
  seconds: number,
  clients: number,
  fire: (client: number) => Promise<number>,
) {
  const interval = (1000 * clients) / rate;
  const lat: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      let next = t0 + (c * interval) / clients;
      while (next < end) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        // A failed or unanswered call counts as an error (and its time as latency).
        if ((await fire(c).catch(() => 599)) >= 400) errors++;
        lat.push(performance.now() - next);
        next += interval;
      }
    }),
  );
  const took = (performance.now() - t0) / 1000;
  return {
    achieved: Math.round(lat.length / took),
    p50: pct(lat, 50),
    p90: pct(lat, 90),
    p99: pct(lat, 99),
    errors,
  };
}

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/*
 * scrypt is memory-hard and ships with Node: no native addon to build.
 * N = 2^15, r = 8 needs 32 MiB per hash, which makes guessing on GPUs costly
 * while a login still takes tens of milliseconds. The parameters are stored
 * with the hash so they can be raised later without breaking old hashes.
 */
const N = 2 ** 15;
const r = 8;
const p = 1;
const KEYLEN = 32;

interface Cost {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, o: Cost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow twice that so Node does not refuse it.
  const maxmem = 256 * o.N * o.r;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEYLEN, { ...o, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash no password matches, verified against for unknown accounts so timing does not tell. */
export const DUMMY_HASH = `scrypt$${N}$${r}$${p}$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(43)}`;

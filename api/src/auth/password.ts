import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Slots } from './slots.ts';

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

/*
 * Hashing runs on libuv's thread pool (4 threads), which also runs the
 * fsyncs that acknowledge saves. Without a bound, a login flood fills the
 * pool and autosaves wait behind it; with at most `size` hashes at a time
 * (PASSWORD_HASH_CONCURRENCY, default half the cores) the others always find a thread.
 */
const unbounded = new Slots(Number.POSITIVE_INFINITY);

function derive(password: string, salt: Buffer, o: Cost, slots: Slots): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow twice that so Node does not refuse it.
  const maxmem = 256 * o.N * o.r;
  return slots.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, KEYLEN, { ...o, maxmem }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(password: string, slots: Slots = unbounded): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r, p }, slots);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A hash no password matches, verified against for unknown accounts so timing does not tell. */
export const DUMMY_HASH = `scrypt$${N}$${r}$${p}$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(43)}`;

/**
 * Whether `password` matches `stored`. A stored value that is no hash (an
 * account that cannot log in, '!') costs a full hash all the same, so
 * timing tells no such account from a real one.
 */
export async function verifyPassword(
  password: string,
  stored: string,
  slots: Slots = unbounded,
): Promise<boolean> {
  const parts = stored.split('$');
  const usable = parts[0] === 'scrypt' && parts.length === 6 && parts[4] && parts[5];
  const [, n, rr, pp, salt = '', hash = ''] = usable ? parts : DUMMY_HASH.split('$');
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    { N: Number(n), r: Number(rr), p: Number(pp) },
    slots,
  );
  return Boolean(usable) && key.length === expected.length && timingSafeEqual(key, expected);
}

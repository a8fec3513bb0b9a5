/*
 * Which failures are the storage's, not the request's: the database cannot
 * be reached (restarting, failing over, our connection terminated) or is
 * busy, or the disk is full. The error boundary answers these with 503
 * (retry shortly) and 507 (storage full) instead of a 500 incident.
 */

export type StorageFault = 'unavailable' | 'busy' | 'full';

/** PostgreSQL SQLSTATEs that mean "the server or the connection went away". */
const PG_UNAVAILABLE = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300', // too_many_connections
  '40001', // serialization_failure (a retry succeeds)
  '40P01', // deadlock_detected
]);
const PG_FULL = new Set(['53100']); // disk_full
const NODE_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const MESSAGES_UNAVAILABLE =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down|in recovery)/i;

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

/** A unique or primary-key constraint refused a row (two requests raced to create it). */
export function isUniqueViolation(err: unknown): boolean {
  const code = codeOf(err);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * The storage fault behind an error, or null when it is not one.
 *
 * @example storageFault(Object.assign(new Error('x'), { code: 'SQLITE_FULL' })) // 'full'
 */
export function storageFault(err: unknown): StorageFault | null {
  const code = codeOf(err);
  if (code) {
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || PG_FULL.has(code))
      return 'full';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
    if (PG_UNAVAILABLE.has(code) || NODE_UNAVAILABLE.has(code)) return 'unavailable';
  }
  if (err instanceof Error) {
    if (MESSAGES_UNAVAILABLE.test(err.message)) return 'unavailable';
    // AggregateError (a connect to every address failed) and wrapped causes.
    const inner = 'errors' in err && Array.isArray(err.errors) ? err.errors[0] : err.cause;
    if (inner && inner !== err) return storageFault(inner);
  }
  return null;
}

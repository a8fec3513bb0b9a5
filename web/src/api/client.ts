import type { Problem, ProblemType } from './types.ts';

/** A failed request, carrying the API's problem+json body when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Any extra members of the problem body, e.g. `currentRevision` on a 409. */
  readonly body: Record<string, unknown>;
  constructor(status: number, problem: Problem, body: Record<string, unknown>) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.body = body;
  }
  get type(): string {
    return this.problem.type;
  }
  /** Whether the API answered with this problem type (`urn:zhiping:problem:<type>`). */
  is(type: ProblemType): boolean {
    return this.type === `${PROBLEM_PREFIX}${type}`;
  }
}

const PROBLEM_PREFIX = 'urn:zhiping:problem:';
export const STALE_REVISION = `${PROBLEM_PREFIX}${'stale-revision' satisfies ProblemType}`;

/**
 * A 409 is one of three refusals, told apart by the problem type, never by
 * the status alone: only 'stale-revision' means someone saved in between.
 */
export function isStale(e: unknown): e is ApiError {
  return e instanceof ApiError && e.is('stale-revision');
}

/** The assessment's state does not allow the write ('not-editable', 'wrong-state'). */
export function isWrongState(e: unknown): e is ApiError {
  return e instanceof ApiError && (e.is('not-editable') || e.is('wrong-state'));
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function problemOf(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await res.json();
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy error page, a dropped connection): fall back to the status line.
  }
  const problem: Problem = {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' ? body.title : res.statusText || `HTTP ${res.status}`,
    status: res.status,
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(Array.isArray(body.errors) ? { errors: body.errors as Problem['errors'] } : {}),
  };
  return new ApiError(res.status, problem, body);
}

/**
 * One request to the API on this origin. Writes always send JSON (the API
 * refuses writes without `Content-Type: application/json`, a CSRF guard),
 * even when there is nothing to say.
 */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  init?: { keepalive?: boolean },
): Promise<T> {
  const write = method !== 'GET';
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      ...(init?.keepalive ? { keepalive: true } : {}),
      headers: write
        ? { 'Content-Type': 'application/json', Accept: 'application/json' }
        : { Accept: 'application/json' },
      ...(write ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch {
    throw new ApiError(
      0,
      { type: 'urn:zhiping:problem:network', title: '网络连接失败', status: 0 },
      {},
    );
  }
  if (!res.ok) throw await problemOf(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Uploads a file's raw bytes (the one non-JSON write the API takes), answering its JSON. */
export async function upload<T>(path: string, file: Blob, name: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
      body: file,
    });
  } catch {
    throw new ApiError(
      0,
      { type: 'urn:zhiping:problem:network', title: '网络连接失败', status: 0 },
      {},
    );
  }
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

import type { Context } from 'hono';
import type { RateLimiter } from '../auth/rate-limit.ts';
import type { Actor } from '../auth/session.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/open.ts';
import type { Role } from '../db/schema.ts';
import type { DefinitionStore } from '../services/definitions.ts';
import { problems } from './problem.ts';

export interface Logger {
  info(msg: string): void;
  error(msg: string, err?: unknown): void;
}

/** What the routes need, built once at start-up and passed in (no globals). */
export interface Deps {
  config: Config;
  db: Db;
  definitions: DefinitionStore;
  loginLimiter: RateLimiter;
  now: () => Date;
  log: Logger;
}

export interface Env {
  Variables: {
    actor: Actor | null;
    /** A stricter Content-Security-Policy for this response (e.g. a downloaded file). */
    csp?: string;
  };
}

export type Ctx = Context<Env>;

/** The signed-in actor, or a 401. */
export function actorOf(c: Ctx): Actor {
  const a = c.get('actor');
  if (!a) throw problems.unauthenticated();
  return a;
}

const ROLE_ZH: Record<Role, string> = { respondent: '填报人', reviewer: '评审员', admin: '管理员' };

/** The signed-in actor when their role is one of `roles`, else 401/403. */
export function actorWithRole(c: Ctx, ...roles: Role[]): Actor {
  const a = actorOf(c);
  if (!roles.includes(a.role))
    throw problems.forbidden(`此操作仅限${roles.map((r) => ROLE_ZH[r]).join('或')}。`);
  return a;
}

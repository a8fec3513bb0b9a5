import type { Role } from '@zhiping/forms';
import type { Context } from 'hono';
import type { Actor } from '../auth/session.ts';
import { DomainError } from '../domain/errors.ts';

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
  if (!a) throw new DomainError('unauthenticated');
  return a;
}

/**
 * The signed-in actor when their role is one of `roles`, else 401/403 —
 * before anything is looked up, so an id's existence is never revealed.
 */
export function actorWithRole(c: Ctx, ...roles: Role[]): Actor {
  const a = actorOf(c);
  if (!roles.includes(a.role)) throw new DomainError('not_permitted', { roles });
  return a;
}

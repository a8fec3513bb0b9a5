import { describe, expect, it } from 'vitest';
import { writesActors } from './actor-writes.ts';

describe('writesActors: which SQL empties the actor cache', () => {
  it.each([
    'delete from "sessions" where "id" = $1',
    'update "users" set "role" = $1 where "id" = $2',
    'update "organisations" set "name" = $1',
    'UPDATE organisations SET name = $1',
    'delete from "sessions" where "expires_at" <= $1',
    'with u as (update "users" set "name" = $1 returning id) select * from u',
    'delete from "t_abc"."sessions"',
  ])('%s', (q) => expect(writesActors(q)).toBe(true));

  it.each([
    'select * from "sessions" where "id" = $1',
    'insert into "sessions" ("id") values ($1)',
    'update "assessments" set "answers" = $1',
    'delete from "user_invites" where "id" = $1',
    'update "organisation_titles" set "revoked_at" = $1',
    'delete from "sessions_archive"',
  ])('%s', (q) => expect(writesActors(q)).toBe(false));
});

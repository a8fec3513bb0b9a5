import { describe, expect, it } from 'vitest';
import { writesActors, writesAssessments } from './write-watch.ts';

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

describe('writesAssessments: which SQL empties the kept ETag columns', () => {
  it.each([
    'update "assessments" set "answers" = $1, "revision" = $2 where "id" = $3',
    'delete from "assessments" where "id" = ?',
    'insert into "assessments" ("id") values (?) on conflict ("id") do update set "title" = ?',
    'UPDATE assessments SET status = ?',
    'update "t_x"."assessments" set "updated_at" = $1',
  ])('%s', (q) => expect(writesAssessments(q)).toBe(true));

  it.each([
    'select "revision" from "assessments" where "id" = ?',
    'update "assessment_events" set "x" = 1',
    'insert into "audit" ("assessment_id") values (?)',
    'update "reviews" set "assessment_id" = ?',
  ])('%s', (q) => expect(writesAssessments(q)).toBe(false));
});

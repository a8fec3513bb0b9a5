import type { OrgKind } from '@zhiping/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, skipReason, targets } from '../testing/harness.ts';
import { type Placeholder, prepared } from './prepared.ts';

// Organisations of the harness: org-a, org-b (enterprise), city (city), reviews, platform.
const byKind = prepared((db, p: Placeholder<{ kind: OrgKind; not: string }>) =>
  db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', p('kind'))
    .where('id', '<>', p('not'))
    // A value written into the query, not a placeholder: the same on every run.
    .where('id', '<>', 'org-b')
    .orderBy('id'),
);

describe.each(targets)('prepared queries on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`compiled once, run with new values${skipReason(target)}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness(target);
    });
    afterAll(() => h?.close());
    const ids = async (kind: OrgKind, not: string) =>
      (await byKind(h.deps.db.kysely, h.deps.db.dialect, { kind, not })).rows.map((r) => r.id);

    it('puts each run’s values in place of the placeholders and keeps the constants', async () => {
      expect(await ids('enterprise', 'nobody')).toEqual(['org-a']);
      expect(await ids('enterprise', 'org-a')).toEqual([]);
      expect(await ids('city', 'nobody')).toEqual(['city']);
    });

    it('runs inside a transaction, seeing its uncommitted rows', async () => {
      const seen = await h.deps.db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto('organisations')
          .values({
            id: 'city-2',
            name: '机构 city-2',
            kind: 'city',
            region: null,
            created_at: '2026-11-21T08:00:00Z',
          })
          .execute();
        const r = await byKind(trx, h.deps.db.dialect, { kind: 'city', not: 'nobody' });
        await trx.deleteFrom('organisations').where('id', '=', 'city-2').execute();
        return r.rows.map((x) => x.id);
      });
      expect(seen).toEqual(['city', 'city-2']);
    });

    it('refuses a run that leaves a placeholder without a value', async () => {
      await expect(
        byKind(h.deps.db.kysely, h.deps.db.dialect, { kind: 'city' } as {
          kind: OrgKind;
          not: string;
        }),
      ).rejects.toThrow(/no value for not/);
    });
  });
});

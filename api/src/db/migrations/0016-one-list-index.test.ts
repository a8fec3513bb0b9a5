import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, skipReason, targets } from '../../testing/harness.ts';

/*
 * After every migration, an organisation's assessments newest first are read
 * through one index, and no second index on `updated_at` is left for every
 * save to rewrite (migration 0016).
 */
describe.each(targets)('on %s', (target) => {
  describe.skipIf(skipReason(target) !== '')(
    `the assessments' indexes${skipReason(target)}`,
    () => {
      let h: Harness;
      beforeAll(async () => {
        h = await harness(target);
      }, 120_000);
      afterAll(() => h?.close());

      const indexes = async (): Promise<string[]> => {
        const db = h.deps.db.kysely;
        if (target === 'sqlite') {
          const r = await sql<{ name: string }>`
          select name from sqlite_master where type = 'index' and tbl_name = 'assessments'
            and sql like '%updated_at%'`.execute(db);
          return r.rows.map((x) => x.name);
        }
        const r = await sql<{ indexname: string }>`
        select indexname from pg_indexes
        where tablename = 'assessments' and schemaname = ${h.schema}
          and indexdef like '%updated_at%'`.execute(db);
        return r.rows.map((x) => x.indexname);
      };

      it('keeps one index on updated_at, the one lists page through', async () => {
        expect(await indexes()).toEqual(['assessments_org_updated']);
      });

      if (target === 'sqlite')
        it("reads an organisation's newest assessments through it", async () => {
          const plan = await sql<{ detail: string }>`
          explain query plan select id from assessments
          where org_id = 'org-a' order by updated_at desc, id desc limit 20`.execute(
            h.deps.db.kysely,
          );
          expect(plan.rows.map((r) => r.detail).join(' | ')).toMatch(/assessments_org_updated/);
        });
    },
  );
});

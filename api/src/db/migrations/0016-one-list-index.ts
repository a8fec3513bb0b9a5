import type { Migration } from 'kysely';

/*
 * `assessments_org` (org_id, updated_at) is a prefix of 0007's
 * `assessments_org_updated` (org_id, updated_at, id), which serves every
 * query the first one did. Every save changes `updated_at`, so each index on
 * it is rewritten by every save (and on PostgreSQL keeps the update from
 * being a heap-only one): one of the two is enough (issue 15).
 */
export const oneListIndex = (): Migration => ({
  async up(db) {
    await db.schema.dropIndex('assessments_org').ifExists().execute();
  },
  async down(db) {
    await db.schema
      .createIndex('assessments_org')
      .on('assessments')
      .columns(['org_id', 'updated_at'])
      .ifNotExists()
      .execute();
  },
});

import type { Migration } from 'kysely';

export const readModel = (): Migration => ({
  async up(db) {
    // The self result of the current answers, computed once when they change
    // (the read model): GET and lists read it instead of re-scoring. It is
    // trusted only while `model_revision` equals `revision`, so a row written
    // without it (older code, another writer) is recomputed, never misread.
    // `list_*` are what lists show (a decided assessment shows the decided
    // score), as plain columns so that lists never parse JSON.
    await db.schema.alterTable('assessments').addColumn('self_result', 'text').execute();
    await db.schema.alterTable('assessments').addColumn('model_revision', 'integer').execute();
    await db.schema.alterTable('assessments').addColumn('list_score', 'real').execute();
    await db.schema.alterTable('assessments').addColumn('list_verdict', 'text').execute();
    await db.schema.alterTable('assessments').addColumn('list_answered', 'integer').execute();
    await db.schema.alterTable('assessments').addColumn('list_applicable', 'integer').execute();
    // Lists page through an organisation's assessments newest first.
    await db.schema
      .createIndex('assessments_org_updated')
      .on('assessments')
      .columns(['org_id', 'updated_at', 'id'])
      .ifNotExists()
      .execute();
  },
});

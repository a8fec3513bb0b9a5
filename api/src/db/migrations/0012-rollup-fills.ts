import type { Migration } from 'kysely';

export const rollupFills = (): Migration => ({
  async up(db) {
    // An answer of an office's own assessment filled from one of its calls:
    // which call, which count, the value then, and — when the office later
    // answers otherwise — its reason. One row per item (the latest fill).
    await db.schema
      .createTable('rollup_fills')
      .addColumn('assessment_id', 'text', (c) =>
        c.notNull().references('assessments.id').onDelete('cascade'),
      )
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('programme_id', 'text', (c) =>
        c.notNull().references('programmes.id').onDelete('cascade'),
      )
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('value', 'real', (c) => c.notNull())
      .addColumn('filled_by', 'text', (c) => c.notNull())
      .addColumn('filled_at', 'text', (c) => c.notNull())
      .addColumn('override_reason', 'text')
      .addColumn('overridden_by', 'text')
      .addColumn('overridden_at', 'text')
      .addPrimaryKeyConstraint('rollup_fills_pk', ['assessment_id', 'item_id'])
      .execute();
  },
});

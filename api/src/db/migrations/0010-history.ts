import type { Migration } from 'kysely';

export const history = (): Migration => ({
  async up(db) {
    // A draft started from an earlier assessment remembers where it came from
    // and which carried answers still wait for the respondent's confirmation
    // (the mapping's "to be confirmed" pairs): they are not answers until then.
    await db.schema
      .createTable('carry_overs')
      .addColumn('assessment_id', 'text', (c) =>
        c.primaryKey().references('assessments.id').onDelete('cascade'),
      )
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('mapping_id', 'text')
      .addColumn('pending', 'text', (c) => c.notNull())
      .addColumn('report', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The short name titles use ("青禾精密 · 贯标 2023 · 2026-11-29"); null → derived from the name.
    await db.schema.alterTable('organisations').addColumn('short_name', 'text').execute();
  },
});

import type { Migration } from 'kysely';

export const organisationTitles = (): Migration => ({
  async up(db) {
    // What a call asks of an applicant's previous titles, per tier:
    // JSON { [tierId]: { title, years } }; null = nothing asked.
    await db.schema.alterTable('programmes').addColumn('title_rules', 'text').execute();
    // Titles an office or an admin declares for an organisation (awarded
    // before the platform, or by another body), each with the document it
    // rests on. Titles a closed call awarded are not stored: they are read
    // from the call's ranking. A declaration is never deleted: revoking one
    // records who, when and why, so the table is its own audit trail.
    await db.schema
      .createTable('organisation_titles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('declared_by', 'text', (c) => c.notNull())
      .addColumn('declared_org_id', 'text', (c) => c.notNull())
      .addColumn('declared_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .addColumn('revoke_reason', 'text')
      .execute();
    await db.schema
      .createIndex('organisation_titles_org')
      .on('organisation_titles')
      .column('org_id')
      .execute();
  },
});

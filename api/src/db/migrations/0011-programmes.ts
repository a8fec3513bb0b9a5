import type { Migration } from 'kysely';

export const programmes = (): Migration => ({
  async up(db) {
    // A call an office runs for the organisations in its region: based on one
    // pinned definition version, open between two dates (inclusive, in the
    // service's time zone), with a quota per tier where the scheme has one.
    await db.schema
      .createTable('programmes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('definition_id', 'text', (c) => c.notNull())
      .addColumn('definition_version', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('eligible_kinds', 'text', (c) => c.notNull())
      .addColumn('opens_on', 'text', (c) => c.notNull())
      .addColumn('closes_on', 'text', (c) => c.notNull())
      .addColumn('quotas', 'text', (c) => c.notNull())
      .addColumn('excellent_share', 'real')
      .addColumn('recurrence', 'text')
      .addColumn('previous_id', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('programme_reviewers')
      .addColumn('programme_id', 'text', (c) =>
        c.notNull().references('programmes.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addPrimaryKeyConstraint('programme_reviewers_pk', ['programme_id', 'user_id'])
      .execute();
    // An application ties one assessment to one call; the office sees the
    // assessment only through it (consent), and a withdrawn one no more.
    await db.schema
      .createTable('programme_applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) =>
        c.notNull().references('programmes.id').onDelete('cascade'),
      )
      .addColumn('assessment_id', 'text', (c) =>
        c.notNull().references('assessments.id').onDelete('cascade'),
      )
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('applied_by', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .execute();
    await db.schema
      .createIndex('programme_applications_programme')
      .on('programme_applications')
      .columns(['programme_id', 'org_id'])
      .execute();
    await db.schema
      .createIndex('programme_applications_assessment')
      .on('programme_applications')
      .column('assessment_id')
      .execute();
  },
});

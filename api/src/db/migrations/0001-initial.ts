import type { Migration } from 'kysely';
import type { Dialect } from '../open.ts';

export const initial = (dialect: Dialect): Migration => ({
  async up(db) {
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('region', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('definitions')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('family', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text')
      .addPrimaryKeyConstraint('definitions_pk', ['id', 'version'])
      .execute();
    await db.schema
      .createTable('assessments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('definition_id', 'text', (c) => c.notNull())
      .addColumn('definition_version', 'text', (c) => c.notNull())
      .addColumn('definition_hash', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('position', 'text')
      .addColumn('result', 'text')
      .addColumn('submission_hash', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('decision', 'text')
      .addColumn('decision_comment', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addForeignKeyConstraint(
        'assessments_definition_fk',
        ['definition_id', 'definition_version'],
        'definitions',
        ['id', 'version'],
      )
      .execute();
    await db.schema
      .createIndex('assessments_org')
      .on('assessments')
      .columns(['org_id', 'updated_at'])
      .execute();
    await db.schema
      .createIndex('assessments_hash')
      .on('assessments')
      .column('submission_hash')
      .execute();
    await db.schema
      .createTable('assignments')
      .addColumn('assessment_id', 'text', (c) =>
        c.notNull().references('assessments.id').onDelete('cascade'),
      )
      .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('assigned_by', 'text', (c) => c.notNull())
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('assignments_pk', ['assessment_id', 'reviewer_id'])
      .execute();
    await db.schema
      .createIndex('assignments_reviewer')
      .on('assignments')
      .column('reviewer_id')
      .execute();
    await db.schema
      .createTable('item_reviews')
      .addColumn('assessment_id', 'text', (c) =>
        c.notNull().references('assessments.id').onDelete('cascade'),
      )
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('status', 'text')
      .addColumn('points', 'real')
      .addColumn('reason', 'text')
      .addColumn('comment', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('item_reviews_pk', ['assessment_id', 'item_id'])
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('assessment_id', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_assessment')
      .on('audit_log')
      .columns(['assessment_id', 'id'])
      .execute();
  },
});

import type { Migration } from 'kysely';
import type { Dialect } from '../open.ts';

export const admin = (dialect: Dialect): Migration => ({
  async up(db) {
    // 强市 rules read whether a region is a province, a city or a district;
    // `region` keeps its name (free text) so earlier rows and readers stay valid.
    await db.schema.alterTable('organisations').addColumn('region_level', 'text').execute();
    // A disabled account keeps its row (assessments and audit entries name it).
    await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
    // One-time links (invite, password reset): only the token's digest is stored.
    await db.schema
      .createTable('user_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('user_links_user').on('user_links').column('user_id').execute();
    // What admins did to accounts and organisations: append-only, like audit_log.
    await db.schema
      .createTable('admin_audit')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('admin_audit_target')
      .on('admin_audit')
      .columns(['target_id', 'id'])
      .execute();
  },
});

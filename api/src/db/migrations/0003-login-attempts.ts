import type { Migration } from 'kysely';

export const loginAttempts = (): Migration => ({
  async up(db) {
    // Login attempts per key (account, address, everyone) in a fixed window,
    // shared by every process on the database.
    await db.schema
      .createTable('login_attempts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
  },
});

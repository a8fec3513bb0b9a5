import type { Migration } from 'kysely';

export const fileDeletion = (): Migration => ({
  async up(db) {
    // A file deleted from a draft while a submitted round may cite it keeps
    // its row and bytes, hidden from the draft.
    await db.schema.alterTable('files').addColumn('deleted_at', 'text').execute();
    await db.schema.alterTable('files').addColumn('deleted_by', 'text').execute();
  },
});

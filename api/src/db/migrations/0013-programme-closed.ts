import type { Migration } from 'kysely';

export const programmeClosed = (): Migration => ({
  async up(db) {
    // An office may end its call before the closing date (every expected
    // applicant is in, or the call was opened by mistake): from then on it is
    // closed, exactly as after the closing day.
    await db.schema.alterTable('programmes').addColumn('closed_at', 'text').execute();
  },
});

import type { Migration } from './migration';

/**
 * A change that names an attachment this laptop does not have waits on its own (with why, in
 * words) instead of holding back every later change. NULL: ready to send, as every entry before this version.
 */
export const outboxWaiting: Migration = {
  version: 29,
  name: 'outbox entries waiting for a missing attachment',
  up: (db) => {
    db.exec(`ALTER TABLE outbox ADD COLUMN waiting_reason TEXT CHECK (waiting_reason IS NULL OR length(waiting_reason) > 0);`);
  },
};

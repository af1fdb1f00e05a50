import type { Migration } from './migration';

/**
 * Clock checks on sync: a pulled row whose clock is beyond the allowed skew is kept with the
 * reason it was not taken (never silently dropped), and the hub's clock offset as last seen, so
 * a laptop with a wrong clock is told.
 */
export const syncClockChecks: Migration = {
  version: 19,
  name: 'sync client: refused remote clocks and the hub clock offset',
  up: (db) => {
    db.exec(`
      ALTER TABLE sync_remote_rows ADD COLUMN refused_reason TEXT;
      ALTER TABLE sync_state ADD COLUMN hub_clock_offset_ms INTEGER;
    `);
  },
};

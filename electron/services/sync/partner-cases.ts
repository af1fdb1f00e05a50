import type { Database } from 'better-sqlite3';
import type { PartnerCase } from '../../../shared/sync/sync-status';
import { readSyncState } from './sync-state';

interface Row {
  row_id: string;
  fields: string;
  owner_device: string;
  owner_device_name: string;
  hlc: string;
  customer: string | null;
  site: string | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The partner's cases as pulled from the hub, with customer and site names from the pulled rows.
 * Cases made on this device are marked `mine`; the rest are read-only here.
 */
export const listPartnerCases = (db: Database, search: string): PartnerCase[] => {
  const me = readSyncState(db)?.hub_device_id ?? null;
  const rows = db
    .prepare(
      `SELECT c.row_id, c.fields, c.owner_device, c.owner_device_name, c.hlc,
              json_extract(cu.fields, '$.name') AS customer, json_extract(s.fields, '$.name') AS site
       FROM sync_remote_rows c
       LEFT JOIN sync_remote_rows cu ON cu.table_name = 'customers' AND cu.row_id = json_extract(c.fields, '$.customer_id')
       LEFT JOIN sync_remote_rows s ON s.table_name = 'sites' AND s.row_id = json_extract(c.fields, '$.site_id')
       WHERE c.table_name = 'cases' AND c.deleted = 0`,
    )
    .all() as Row[];
  const needle = search.trim().toLowerCase();
  return rows
    .map((row): PartnerCase => {
      const fields = JSON.parse(row.fields) as Record<string, unknown>;
      const level = text(fields.readiness_level) || text(fields.level);
      return {
        id: row.row_id,
        title: text(fields.title),
        customerName: row.customer ?? '',
        siteName: row.site ?? '',
        engineer: text(fields.engineer),
        deviceName: row.owner_device_name,
        status: text(fields.status) || 'draft',
        level: level || null,
        createdAt: text(fields.created_at) || new Date(Number(row.hlc.slice(0, 13))).toISOString(),
        updatedAt: new Date(Number(row.hlc.slice(0, 13))).toISOString(),
        mine: row.owner_device === me,
      };
    })
    .filter((c) => needle === '' || [c.customerName, c.siteName, c.title, c.engineer, c.deviceName].some((v) => v.toLowerCase().includes(needle)))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? 1 : -1));
};

import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import {
  canMoveStatus,
  type caseCreateSchema,
  type caseListQuerySchema,
  type caseUpdateSchema,
  type CaseDetail,
  type CaseEvent,
  type CaseStatus,
  type CaseSummary,
  type Contact,
  type contactInputSchema,
} from '../../../shared/domain/cases';
import { completedCaseFailure, isForeignCase } from '../db/case-write-guard';
import { newId } from '../db/device-clock';
import { tombstoneSyncedRow, writeSyncedRow } from '../db/synced-write';
import { serviceFailure } from '../../../shared/i18n/service-failure';

type CaseCreate = z.output<typeof caseCreateSchema>;
type CaseUpdate = z.output<typeof caseUpdateSchema>;
type CaseListQuery = z.output<typeof caseListQuerySchema>;
type ContactInput = z.output<typeof contactInputSchema>;

export interface CaseRow {
  id: string;
  title: string;
  customer_id: string;
  customer_name: string;
  site_id: string | null;
  site_name: string | null;
  site_address: string | null;
  engineer: string;
  status: CaseStatus;
  archived: number;
  created_at: string;
  updated_at: string;
  owner_device: string | null;
  owner_name: string;
  completed_at: string | null;
  completed_by: string;
  me: string | null;
}

export const caseSelect = `
  SELECT c.id, c.title, c.customer_id, cu.name AS customer_name, c.site_id, s.name AS site_name,
         s.address AS site_address, c.engineer, c.status, c.archived, c.created_at, c.updated_at,
         c.owner_device, c.owner_name, c.completed_at, c.completed_by,
         (SELECT hub_device_id FROM sync_state WHERE singleton = 1) AS me
  FROM cases c
  JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN sites s ON s.id = c.site_id`;

export const toSummary = (row: CaseRow): CaseSummary => ({
  id: row.id,
  title: row.title,
  customerId: row.customer_id,
  customerName: row.customer_name,
  siteId: row.site_id,
  siteName: row.site_name ?? '',
  engineer: row.engineer,
  status: row.status,
  archived: row.archived === 1,
  createdAt: row.created_at,
  // The HLC's wall-clock part, as ISO time, is what people read as "last changed".
  updatedAt: new Date(Number(row.updated_at.slice(0, 13))).toISOString(),
  partner: isForeignCase(row.owner_device, row.me),
  ownerName: row.owner_name,
  completedAt: row.completed_at,
  completedBy: row.completed_by,
});

/** Escapes LIKE wildcards so a search for "100%" means the text "100%". */
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const listCases = (db: Database, query: CaseListQuery): CaseSummary[] => {
  const rows = db
    .prepare(
      `${caseSelect}
       WHERE c.deleted = 0 AND (@includeArchived = 1 OR c.archived = 0)
         AND (@ownership = 'all'
              OR (@ownership = 'partner') = (c.owner_device IS NOT NULL AND c.owner_device IS NOT (SELECT hub_device_id FROM sync_state WHERE singleton = 1)))
         AND (@search = '' OR cu.name LIKE @pattern ESCAPE '\\' OR s.name LIKE @pattern ESCAPE '\\'
              OR c.title LIKE @pattern ESCAPE '\\' OR c.engineer LIKE @pattern ESCAPE '\\')
       ORDER BY c.created_at DESC, c.id DESC
       LIMIT @limit`,
    )
    // LIMIT -1 is SQLite's "no limit".
    .all({ includeArchived: query.includeArchived ? 1 : 0, search: query.search, pattern: likePattern(query.search), ownership: query.ownership, limit: query.limit ?? -1 }) as CaseRow[];
  return rows.map(toSummary);
};

const contactsOf = (db: Database, caseId: string): Contact[] =>
  db
    .prepare('SELECT id, name, role, email, phone FROM contacts WHERE case_id = ? AND deleted = 0 ORDER BY position')
    .all(caseId) as Contact[];

export const findCase = (db: Database, id: string): CaseDetail | undefined => {
  const row = db.prepare(`${caseSelect} WHERE c.id = ? AND c.deleted = 0`).get(id) as CaseRow | undefined;
  if (!row) return undefined;
  return { ...toSummary(row), siteAddress: row.site_address ?? '', contacts: contactsOf(db, id) };
};

export const getCase = (db: Database, id: string): CaseDetail => {
  const found = findCase(db, id);
  if (!found) throw serviceFailure('not_found', 'error.caseNotFound', { id });
  return found;
};

/** Same customer name (exactly) means the same customer: repeat visits land in one history. */
const customerIdFor = (db: Database, name: string): string => {
  const existing = db.prepare('SELECT id FROM customers WHERE name = ? AND deleted = 0 LIMIT 1').get(name) as
    | { id: string }
    | undefined;
  if (existing) return existing.id;
  const id = newId();
  writeSyncedRow(db, 'customers', id, { name });
  return id;
};

const siteIdFor = (db: Database, customerId: string, name: string, address: string): string | null => {
  if (name === '') return null;
  const existing = db
    .prepare('SELECT id, address FROM sites WHERE customer_id = ? AND name = ? AND deleted = 0 LIMIT 1')
    .get(customerId, name) as { id: string; address: string } | undefined;
  if (existing) {
    if (address !== '' && address !== existing.address) writeSyncedRow(db, 'sites', existing.id, { address });
    return existing.id;
  }
  const id = newId();
  writeSyncedRow(db, 'sites', id, { customer_id: customerId, name, address });
  return id;
};

const contactKey = ({ name, role, email, phone }: ContactInput): string => JSON.stringify([name, role, email, phone]);

/** Replaces the contact list; an unchanged list writes nothing, so it sends nothing to the hub. */
const replaceContacts = (db: Database, caseId: string, contacts: readonly ContactInput[]): void => {
  const current = contactsOf(db, caseId);
  if (current.map(contactKey).join('\n') === contacts.map(contactKey).join('\n')) return;
  for (const old of current) tombstoneSyncedRow(db, 'contacts', old.id);
  contacts.forEach((contact, position) => {
    writeSyncedRow(db, 'contacts', newId(), { case_id: caseId, position, ...contact });
  });
};

export const createCase = (db: Database, input: CaseCreate): CaseDetail =>
  db.transaction(() => {
    const customerId = customerIdFor(db, input.customerName);
    const siteId = siteIdFor(db, customerId, input.siteName, input.siteAddress);
    const id = newId();
    writeSyncedRow(db, 'cases', id, {
      customer_id: customerId,
      site_id: siteId,
      title: input.title,
      engineer: input.engineer,
      status: 'draft',
      archived: 0,
    });
    replaceContacts(db, id, input.contacts);
    return getCase(db, id);
  })();

export const updateCase = (db: Database, input: CaseUpdate): CaseDetail =>
  db.transaction(() => {
    const current = getCase(db, input.id);
    const caseFields: Record<string, string | number | null> = {};
    if (input.status !== undefined && input.status !== current.status) {
      if (current.status === 'complete') throw completedCaseFailure();
      if (!canMoveStatus(current.status, input.status)) {
        throw serviceFailure('conflict', 'error.caseStatusMove', { from: current.status, to: input.status });
      }
      caseFields.status = input.status;
      if (input.status === 'complete') {
        // The same record as "Mark complete": who (the case's engineer) and when.
        caseFields.completed_at = new Date().toISOString();
        caseFields.completed_by = input.engineer ?? current.engineer;
        recordEvent(db, current.id, 'completed', String(caseFields.completed_by), '');
      }
    }
    if (input.title !== undefined && input.title !== current.title) caseFields.title = input.title;
    if (input.engineer !== undefined && input.engineer !== current.engineer) caseFields.engineer = input.engineer;
    if (input.customerName !== undefined && input.customerName !== current.customerName) {
      writeSyncedRow(db, 'customers', current.customerId, { name: input.customerName });
    }
    const siteName = input.siteName ?? current.siteName;
    const siteAddress = input.siteAddress ?? current.siteAddress;
    if (current.siteId && (siteName !== current.siteName || siteAddress !== current.siteAddress)) {
      if (siteName === '') caseFields.site_id = null;
      else writeSyncedRow(db, 'sites', current.siteId, { name: siteName, address: siteAddress });
    } else if (!current.siteId && siteName !== '') {
      caseFields.site_id = siteIdFor(db, current.customerId, siteName, siteAddress);
    }
    if (Object.keys(caseFields).length > 0) writeSyncedRow(db, 'cases', current.id, caseFields);
    if (input.contacts !== undefined) replaceContacts(db, current.id, input.contacts);
    return getCase(db, current.id);
  })();

export const archiveCase = (db: Database, id: string, archived: boolean): CaseDetail =>
  db.transaction(() => {
    const current = getCase(db, id);
    if (current.archived !== archived) writeSyncedRow(db, 'cases', id, { archived: archived ? 1 : 0 });
    return getCase(db, id);
  })();

const recordEvent = (db: Database, caseId: string, kind: CaseEvent['kind'], actor: string, detail: string): void => {
  writeSyncedRow(db, 'case_events', newId(), { case_id: caseId, kind, actor, detail, at: new Date().toISOString() });
};

/** "Mark complete": who and when are kept on the case and in its history; edits stop until reopened. */
export const completeCase = (db: Database, id: string, by: string | undefined): CaseDetail =>
  db.transaction(() => {
    const current = getCase(db, id);
    if (current.status === 'complete') return current;
    const who = by || current.engineer || 'the engineer';
    writeSyncedRow(db, 'cases', id, { status: 'complete', completed_at: new Date().toISOString(), completed_by: who });
    recordEvent(db, id, 'completed', who, '');
    return getCase(db, id);
  })();

/** Reopening needs a reason, kept in the case's history. */
export const reopenCase = (db: Database, id: string, reason: string, by: string | undefined): CaseDetail =>
  db.transaction(() => {
    const current = getCase(db, id);
    if (current.status !== 'complete') throw serviceFailure('conflict', 'error.caseReopenNotComplete');
    writeSyncedRow(db, 'cases', id, { status: 'in_progress', completed_at: null, completed_by: '' });
    recordEvent(db, id, 'reopened', by || current.engineer || 'the engineer', reason);
    return getCase(db, id);
  })();

export const listCaseEvents = (db: Database, id: string): CaseEvent[] => {
  getCase(db, id);
  return db
    .prepare('SELECT id, kind, actor, detail, at FROM case_events WHERE case_id = ? AND deleted = 0 ORDER BY at, id')
    .all(id) as CaseEvent[];
};

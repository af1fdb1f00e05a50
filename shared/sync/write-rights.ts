import type { HubRole } from './protocol';
import type { SyncableTable } from './mutation';

/**
 * Who may write each synced table at the hub: the one place to extend when a table is added
 * (proposals, comments …). `admin` rows are the partner's shared reference data; `owner` rows
 * belong to the device that created them, and a new child row must name a parent the same
 * device owns (no answer on another engineer's case).
 */
export type WriteRule =
  | { readonly kind: 'admin' }
  | { readonly kind: 'owner'; readonly parent?: { readonly field: string; readonly table: SyncableTable } }
  /** The account manager's work (proposals): any account manager or admin of the partner. */
  | { readonly kind: 'sales' }
  /** Review comments and export records: anyone in the partner adds one; only the device that made it changes it. */
  | { readonly kind: 'comment' };

export const writeRules: Readonly<Record<SyncableTable, WriteRule>> = {
  branding_profiles: { kind: 'admin' },
  price_book_items: { kind: 'admin' },
  customers: { kind: 'owner' },
  // Not tied to their customer's owner: a re-assessment may reuse a customer another device made.
  sites: { kind: 'owner' },
  cases: { kind: 'owner' },
  contacts: { kind: 'owner', parent: { field: 'case_id', table: 'cases' } },
  probe_runs: { kind: 'owner', parent: { field: 'case_id', table: 'cases' } },
  probe_results: { kind: 'owner', parent: { field: 'run_id', table: 'probe_runs' } },
  interviews: { kind: 'owner', parent: { field: 'case_id', table: 'cases' } },
  answers: { kind: 'owner', parent: { field: 'case_id', table: 'cases' } },
  finding_exceptions: { kind: 'owner', parent: { field: 'case_id', table: 'cases' } },
  evidence_attachments: { kind: 'owner', parent: { field: 'case_id', table: 'cases' } },
  case_events: { kind: 'owner', parent: { field: 'case_id', table: 'cases' } },
  proposals: { kind: 'sales' },
  proposal_lines: { kind: 'sales' },
  case_comments: { kind: 'comment' },
  // What was handed over: the account manager exports a partner's case as readily as its engineer.
  report_exports: { kind: 'comment' },
  questionnaires: { kind: 'owner', parent: { field: 'case_id', table: 'cases' } },
  questionnaire_returns: { kind: 'owner', parent: { field: 'case_id', table: 'cases' } },
};

const words = (table: string): string => table.replace(/_/g, ' ');

/** Why a write is refused, in a sentence for the device's refused list; null when allowed. */
export const refusalOf = (
  rule: WriteRule,
  table: string,
  write: { role: HubRole; deviceId: string; rowOwner: string | null; parentOwner: string | null | undefined },
): string | null => {
  if (rule.kind === 'admin') return write.role === 'admin' ? null : `Only a partner admin may change the ${words(table)}`;
  if (rule.kind === 'sales') return write.role === 'engineer' ? `Only an account manager or admin may change ${words(table)}` : null;
  if (rule.kind === 'comment') {
    if (write.rowOwner === null || write.rowOwner === write.deviceId) return null;
    return table === 'case_comments' ? 'Only the author can change a comment' : `Only the laptop that made it can change a ${words(table)} row`;
  }
  if (write.rowOwner !== null) return write.rowOwner === write.deviceId ? null : `Another device's ${words(table)} row cannot be changed from this device`;
  if (!rule.parent) return null;
  if (write.parentOwner === undefined) return `A new ${words(table)} row must name its ${words(rule.parent.field)}`;
  if (write.parentOwner !== write.deviceId) return `A ${words(table)} row cannot be added to another device's ${words(rule.parent.table)} row`;
  return null;
};

/** The engineer's work on a case: the tables whose rows belong to the device that made them (they move with a handover). */
export const ownerTables: ReadonlySet<string> = new Set(Object.entries(writeRules).filter(([, rule]) => rule.kind === 'owner').map(([table]) => table));

import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import {
  discounted,
  proposalTransitions,
  type proposalLineUpdateSchema,
  type ProposalRecord,
  type ProposalStatus,
  type proposalUpdateSchema,
} from '../../../shared/domain/proposals';
import { buildProposal } from '../../../shared/reports/proposal';
import { getCase } from '../cases/cases-repository';
import { newId } from '../db/device-clock';
import { tombstoneSyncedRow, writeSyncedRow } from '../db/synced-write';
import { buildReportSource, type ReportStore } from '../reports/build-report-source';
import { listPriceBook } from '../reports/price-book-repository';
import { readSyncState } from '../sync/sync-state';

interface ProposalRow {
  id: string;
  case_id: string;
  title: string;
  status: ProposalStatus;
  currency: string;
  discount_basis_points: number;
  terms: string;
  author: string;
  status_changed_at: string | null;
  created_at: string;
  updated_at: string;
}

interface LineRow {
  id: string;
  position: number;
  sku: string;
  description: string;
  unit: string;
  quantity: number;
  unit_price_minor: number;
  recurring: number;
  reasons: string;
}

/** Proposals are the account manager's: an engineer's laptop shows them but does not change them. */
const proposalsReadOnly = (db: Database): boolean => readSyncState(db)?.role === 'engineer';

const assertMayEdit = (db: Database): void => {
  if (proposalsReadOnly(db)) {
    throw serviceFailure('forbidden', 'error.proposal.readOnly');
  }
};

const toRecord = (db: Database, row: ProposalRow): ProposalRecord => {
  const lines = (db.prepare('SELECT * FROM proposal_lines WHERE proposal_id = ? AND deleted = 0 ORDER BY position, id').all(row.id) as LineRow[]).map((l) => ({
    id: l.id,
    position: l.position,
    sku: l.sku,
    description: l.description,
    unit: l.unit,
    quantity: l.quantity,
    unitPriceMinor: l.unit_price_minor,
    recurring: l.recurring === 1,
    reasons: JSON.parse(l.reasons) as string[],
  }));
  const sum = (recurring: boolean) => lines.filter((l) => l.recurring === recurring).reduce((acc, l) => acc + l.quantity * l.unitPriceMinor, 0);
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    status: row.status,
    currency: row.currency,
    discountBasisPoints: row.discount_basis_points,
    terms: row.terms,
    author: row.author,
    statusChangedAt: row.status_changed_at,
    createdAt: row.created_at,
    updatedAt: new Date(Number(row.updated_at.slice(0, 13))).toISOString(),
    lines,
    oneTimeMinor: discounted(sum(false), row.discount_basis_points),
    monthlyMinor: discounted(sum(true), row.discount_basis_points),
    readOnly: proposalsReadOnly(db),
  };
};

export const getProposal = (db: Database, id: string): ProposalRecord => {
  const row = db.prepare('SELECT * FROM proposals WHERE id = ? AND deleted = 0').get(id) as ProposalRow | undefined;
  if (!row) throw serviceFailure('not_found', 'error.proposal.notFound');
  return toRecord(db, row);
};

export const listProposals = (db: Database, caseId: string): ProposalRecord[] => {
  getCase(db, caseId);
  return (db.prepare('SELECT * FROM proposals WHERE case_id = ? AND deleted = 0 ORDER BY created_at, id').all(caseId) as ProposalRow[]).map((r) => toRecord(db, r));
};

/**
 * A draft proposal from what the case found: every price book SKU its findings and
 * recommendations ask for, the quantity from the case's facts (users, devices, sites). The lines
 * are copied into the proposal, so later price book changes do not rewrite a proposal already sent.
 */
export const createProposal = (store: ReportStore, caseId: string, title: string): ProposalRecord => {
  const { db } = store;
  return db.transaction(() => {
    assertMayEdit(db);
    const found = getCase(db, caseId);
    const built = buildProposal(buildReportSource(store, caseId), listPriceBook(db));
    const id = newId();
    writeSyncedRow(db, 'proposals', id, {
      case_id: caseId,
      title: title || `Proposal for ${found.customerName}`.slice(0, 300),
      status: 'draft',
      currency: built.currency,
      discount_basis_points: 0,
      terms: '',
      author: readSyncState(db)?.device_name ?? '',
      status_changed_at: new Date().toISOString(),
    });
    [...built.oneTime, ...built.monthly].forEach((line, position) => {
      writeSyncedRow(db, 'proposal_lines', newId(), {
        proposal_id: id,
        position,
        sku: line.sku,
        description: line.description,
        unit: line.unit,
        quantity: line.quantity,
        unit_price_minor: line.unitPriceMinor,
        recurring: line.recurring ? 1 : 0,
        reasons: JSON.stringify(line.reasons),
      });
    });
    return getProposal(db, id);
  })();
};

export const updateProposal = (db: Database, input: z.output<typeof proposalUpdateSchema>): ProposalRecord =>
  db.transaction(() => {
    assertMayEdit(db);
    const current = getProposal(db, input.id);
    const fields: Record<string, string | number> = {};
    if (input.status !== undefined && input.status !== current.status) {
      if (!proposalTransitions[current.status].includes(input.status)) {
        throw serviceFailure('conflict', 'error.proposal.statusMove', { from: current.status, to: input.status });
      }
      fields.status = input.status;
      fields.status_changed_at = new Date().toISOString();
    }
    const editing = input.title !== undefined || input.discountBasisPoints !== undefined || input.terms !== undefined;
    if (editing && current.status !== 'draft' && fields.status !== 'draft') {
      throw serviceFailure('conflict', 'error.proposal.notDraft', { status: current.status });
    }
    if (input.title !== undefined && input.title !== current.title) fields.title = input.title;
    if (input.discountBasisPoints !== undefined && input.discountBasisPoints !== current.discountBasisPoints) fields.discount_basis_points = input.discountBasisPoints;
    if (input.terms !== undefined && input.terms !== current.terms) fields.terms = input.terms;
    if (Object.keys(fields).length > 0) writeSyncedRow(db, 'proposals', current.id, fields);
    return getProposal(db, current.id);
  })();

const lineOwner = (db: Database, lineId: string): ProposalRecord => {
  const row = db.prepare('SELECT proposal_id FROM proposal_lines WHERE id = ? AND deleted = 0').get(lineId) as { proposal_id: string } | undefined;
  if (!row) throw serviceFailure('not_found', 'error.proposal.lineNotFound');
  const proposal = getProposal(db, row.proposal_id);
  if (proposal.status !== 'draft') throw serviceFailure('conflict', 'error.proposal.notDraft', { status: proposal.status });
  return proposal;
};

export const updateProposalLine = (db: Database, input: z.output<typeof proposalLineUpdateSchema>): ProposalRecord =>
  db.transaction(() => {
    assertMayEdit(db);
    const proposal = lineOwner(db, input.id);
    const fields: Record<string, string | number> = {};
    if (input.quantity !== undefined) fields.quantity = input.quantity;
    if (input.unitPriceMinor !== undefined) fields.unit_price_minor = input.unitPriceMinor;
    if (input.description !== undefined) fields.description = input.description;
    if (Object.keys(fields).length > 0) writeSyncedRow(db, 'proposal_lines', input.id, fields);
    return getProposal(db, proposal.id);
  })();

export const removeProposalLine = (db: Database, lineId: string): ProposalRecord =>
  db.transaction(() => {
    assertMayEdit(db);
    const proposal = lineOwner(db, lineId);
    tombstoneSyncedRow(db, 'proposal_lines', lineId);
    return getProposal(db, proposal.id);
  })();

import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { v5 as uuidv5 } from 'uuid';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import type { QuestionBank } from '../../../shared/interview/bank-schema';
import { bankQuestions, parseBank } from '../../../shared/interview/parse-bank';
import type { BankSummary } from '../../../shared/interview/api-schemas';
import { writeSyncedRow } from '../db/synced-write';
import { builtinBank, earlierBuiltinBanks } from './builtin-bank';

interface BankRow {
  bank_id: string;
  version: string;
  title: string;
  content: string;
  source: BankSummary['source'];
  active: number;
  installed_at: string;
}

/** Parsed banks by id@version: parsing a bank on every answer would dominate the autosave time. */
const parsedBanks = new Map<string, QuestionBank>();
const keyOf = (id: string, version: string) => `${id}@${version}`;

const parseRow = (row: BankRow): QuestionBank => {
  const key = keyOf(row.bank_id, row.version);
  let bank = parsedBanks.get(key);
  if (!bank) {
    bank = parseBank(JSON.parse(row.content));
    parsedBanks.set(key, bank);
  }
  return bank;
};

export interface InstallOptions {
  readonly source: BankSummary['source'];
  readonly activate: boolean;
}

/**
 * Installs a bank version (validated first; a malformed bank throws BankError with paths).
 * An installed version is never rewritten: cases answered with it must keep reading the same text.
 */
export const installBank = (db: Database, input: unknown, options: InstallOptions): QuestionBank => {
  const bank = parseBank(input);
  const content = JSON.stringify(bank);
  const sha256 = createHash('sha256').update(content).digest('hex');
  db.transaction(() => {
    const existing = db.prepare('SELECT sha256 FROM question_banks WHERE bank_id = ? AND version = ?').get(bank.id, bank.version) as
      | { sha256: string }
      | undefined;
    if (existing && existing.sha256 !== sha256) {
      throw serviceFailure('conflict', 'error.bank.installedDifferent', { bankId: bank.id, version: bank.version });
    }
    if (!existing) {
      db.prepare(
        'INSERT INTO question_banks (bank_id, version, title, content, sha256, source, active, installed_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)',
      ).run(bank.id, bank.version, bank.title, content, sha256, options.source, new Date().toISOString());
    }
    if (options.activate) {
      db.prepare('UPDATE question_banks SET active = 0 WHERE active = 1').run();
      db.prepare('UPDATE question_banks SET active = 1 WHERE bank_id = ? AND version = ?').run(bank.id, bank.version);
    }
  })();
  return bank;
};

const isInstalled = (db: Database, bank: QuestionBank): boolean =>
  db.prepare('SELECT 1 FROM question_banks WHERE bank_id = ? AND version = ?').get(bank.id, bank.version) !== undefined;

/**
 * The shipped bank is installed on first use, and becomes active if the active bank is an older built-in.
 * Earlier built-in versions are installed inactive beside it, so cases pinned to them still open.
 */
const ensureBuiltin = (db: Database): void => {
  const shipped = builtinBank();
  if (isInstalled(db, shipped)) return;
  for (const earlier of earlierBuiltinBanks()) {
    if (!isInstalled(db, earlier)) installBank(db, earlier, { source: 'builtin', activate: false });
  }
  const active = db.prepare('SELECT source FROM question_banks WHERE active = 1').get() as { source: string } | undefined;
  installBank(db, shipped, { source: 'builtin', activate: !active || active.source === 'builtin' });
};

export const activeBank = (db: Database): QuestionBank => {
  ensureBuiltin(db);
  const active = db.prepare('SELECT bank_id, version FROM question_banks WHERE active = 1').get() as { bank_id: string; version: string } | undefined;
  const bank = active && installedBank(db, active.bank_id, active.version);
  if (!bank) throw new Error('No active question bank');
  return bank;
};

export const installedBank = (db: Database, bankId: string, version: string): QuestionBank | undefined => {
  // The parsed bank is cached; only read the (large) content when it is not.
  const cached = parsedBanks.get(keyOf(bankId, version));
  if (cached && db.prepare('SELECT 1 FROM question_banks WHERE bank_id = ? AND version = ?').get(bankId, version)) return cached;
  const row = db.prepare('SELECT * FROM question_banks WHERE bank_id = ? AND version = ?').get(bankId, version) as BankRow | undefined;
  return row ? parseRow(row) : undefined;
};

export const listBanks = (db: Database): BankSummary[] => {
  ensureBuiltin(db);
  return (db.prepare('SELECT * FROM question_banks ORDER BY installed_at DESC, bank_id, version').all() as BankRow[]).map((row) => ({
    bankId: row.bank_id,
    version: row.version,
    title: row.title,
    source: row.source,
    active: row.active === 1,
    installedAt: row.installed_at,
    questionCount: bankQuestions(parseRow(row)).length,
  }));
};

/** One interview row per case, with an id every device derives alike (so two devices never fork it). */
export const interviewIdFor = (caseId: string): string => uuidv5('interview', caseId);

interface InterviewRow {
  bank_id: string;
  bank_version: string;
}

const pinnedVersion = (db: Database, caseId: string): InterviewRow | undefined =>
  db.prepare('SELECT bank_id, bank_version FROM interviews WHERE case_id = ? AND deleted = 0').get(caseId) as InterviewRow | undefined;

/**
 * The bank a case is answered with. The first write pins the case to the then-active version;
 * afterwards the case keeps that version even when a newer one is installed.
 */
export const bankForCase = (db: Database, caseId: string, options: { pin: boolean }): { bank: QuestionBank; pinned: boolean } => {
  const pinned = pinnedVersion(db, caseId);
  if (pinned) {
    // A case pulled from another laptop may be pinned to the shipped bank before this laptop used it.
    ensureBuiltin(db);
    const bank = installedBank(db, pinned.bank_id, pinned.bank_version);
    if (!bank) {
      throw serviceFailure('not_found', 'error.bank.pinnedMissing', { bankId: pinned.bank_id, version: pinned.bank_version });
    }
    return { bank, pinned: true };
  }
  const bank = activeBank(db);
  if (options.pin) {
    writeSyncedRow(db, 'interviews', interviewIdFor(caseId), { case_id: caseId, bank_id: bank.id, bank_version: bank.version, deleted: 0 });
  }
  return { bank, pinned: options.pin };
};

import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BlobStore } from '../at-rest/blob-store';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { maxEvidenceBytes, type EvidenceRecord } from '../../../shared/interview/api-schemas';
import { getCase } from '../cases/cases-repository';
import { newId } from '../db/device-clock';
import { writeSyncedRow } from '../db/synced-write';

/** Where evidence files were kept in plaintext before encryption at rest (sealed into the blob store at open). */
export const attachmentsDir = (dataDir: string): string => path.join(dataDir, 'attachments');

/** Makes a file name safe to show and to save as: no directories, no control characters. */
const cleanFileName = (name: string): string => {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
  return base === '' || base === '.' || base === '..' ? 'attachment' : base.slice(0, 255);
};

interface EvidenceRow {
  id: string;
  case_id: string;
  question_id: string | null;
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  caption: string;
  created_at: string;
}

const toRecord = (row: EvidenceRow): EvidenceRecord => ({
  id: row.id,
  caseId: row.case_id,
  questionId: row.question_id,
  sha256: row.sha256,
  fileName: row.file_name,
  mediaType: row.media_type,
  sizeBytes: row.size_bytes,
  caption: row.caption,
  createdAt: row.created_at,
});

export interface EvidenceWrite {
  readonly caseId: string;
  readonly questionId: string | null;
  readonly fileName: string;
  readonly mediaType: string;
  readonly caption: string;
  readonly dataBase64: string;
}

/** The file lands on disk before the row that references it, so no row ever points at nothing. */
export const addEvidence = (db: Database, blobs: BlobStore, input: EvidenceWrite): EvidenceRecord => {
  getCase(db, input.caseId);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > maxEvidenceBytes) throw serviceFailure('payload_too_large', 'error.evidence.tooLarge', { max: maxEvidenceBytes / (1024 * 1024) });
  // Encrypted on disk, named by the sha256 of the plaintext (as the hub knows it).
  const sha256 = blobs.write(bytes);
  const id = newId();
  db.transaction(() => {
    writeSyncedRow(db, 'evidence_attachments', id, {
      case_id: input.caseId,
      question_id: input.questionId,
      sha256,
      file_name: cleanFileName(input.fileName),
      media_type: input.mediaType.toLowerCase(),
      size_bytes: bytes.length,
      caption: input.caption,
    });
  })();
  return toRecord(db.prepare('SELECT * FROM evidence_attachments WHERE id = ?').get(id) as EvidenceRow);
};

export const listEvidence = (db: Database, caseId: string): EvidenceRecord[] =>
  (db.prepare('SELECT * FROM evidence_attachments WHERE case_id = ? AND deleted = 0 ORDER BY created_at, id').all(caseId) as EvidenceRow[]).map(toRecord);

/** The case names this file (whether or not its bytes are on this laptop yet). */
export const hasEvidence = (db: Database, caseId: string, sha256: string): boolean =>
  db.prepare('SELECT 1 FROM evidence_attachments WHERE case_id = ? AND sha256 = ? AND deleted = 0').get(caseId, sha256) !== undefined;

export const evidenceContent = (db: Database, blobs: BlobStore, caseId: string, sha256: string) => {
  const row = db.prepare('SELECT media_type FROM evidence_attachments WHERE case_id = ? AND sha256 = ? AND deleted = 0 LIMIT 1').get(caseId, sha256) as
    | { media_type: string }
    | undefined;
  if (!row) throw serviceFailure('not_found', 'error.evidence.notOnCase');
  const bytes = blobs.read(sha256);
  if (!bytes) throw serviceFailure('not_found', 'error.evidence.notArrived');
  return { sha256, mediaType: row.media_type, dataBase64: bytes.toString('base64') };
};

import { v5 as uuidv5 } from 'uuid';
import { parseBank } from '../../shared/interview/parse-bank';
import { formatHlc } from '../../shared/sync/hlc';
import type { HubStore } from '../store/hub-store';

/** The hub's own name as an origin: rows it publishes belong to no device. */
export const hubOrigin = 'hub';
const bankNamespace = '6f1d0c8e-5b7a-4c2e-9a43-0d6b1f2e7c15';

export interface PublishedBank {
  readonly rowId: string;
  readonly bankId: string;
  readonly version: string;
  readonly changeSeq: number;
}

/**
 * Publishes a question bank version to every device of a partner: validated with the same parser
 * the app uses, stored as shared reference data, and pulled by each device on its next sync.
 * The same id and version always land on the same row, so publishing twice changes nothing new.
 */
export const publishQuestionBank = async (store: HubStore, partnerId: string, bankJson: unknown, activate: boolean): Promise<PublishedBank> => {
  const bank = parseBank(bankJson);
  const rowId = uuidv5(`${bank.id}@${bank.version}`, bankNamespace);
  const hlc = formatHlc({ wallMs: Date.now(), counter: 0, node: hubOrigin });
  const fields = { bank_id: bank.id, version: bank.version, title: bank.title, content: JSON.stringify(bank), active: activate ? 1 : 0 };
  const changeSeq = await store.pushTransaction(async (tx) => {
    const next = (await tx.lockPartner(partnerId)) + 1;
    await tx.putRecord({
      partnerId,
      table: 'question_bank_versions',
      rowId,
      fields,
      fieldHlcs: Object.fromEntries(Object.keys(fields).map((name) => [name, hlc])),
      hlc,
      deleted: false,
      ownerDevice: hubOrigin,
      originDevice: hubOrigin,
      changeSeq: next,
    });
    await tx.setPartnerLastChange(partnerId, next);
    return next;
  });
  return { rowId, bankId: bank.id, version: bank.version, changeSeq };
};

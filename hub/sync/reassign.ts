import { v5 as uuidv5 } from 'uuid';
import { formatHlc } from '../../shared/sync/hlc';
import type { DeviceRecord, HubStore } from '../store/hub-store';
import { hubOrigin } from './publish-reference';
import { ownerTables as engineerTables } from '../../shared/sync/write-rights';

const handoverNamespace = '0b7c52a4-3f0e-4d8e-a1f6-6c2d9b14e873';

export interface Handover {
  readonly caseId: string;
  readonly fromDevice: string;
  readonly toDevice: string;
  /** Rows whose owner moved (0 when the case already belonged to the new device). */
  readonly movedRows: number;
  readonly changeSeq: number;
}

const activeEngineer = (devices: readonly DeviceRecord[], partnerId: string, idOrName: string): DeviceRecord => {
  const found = devices.filter((d) => d.partnerId === partnerId && d.revokedAt === null && (d.id === idOrName || d.name === idOrName));
  if (found.length === 0) throw new Error(`No active device "${idOrName}" in this partner (see groundwork-hub devices list)`);
  if (found.length > 1) throw new Error(`Several devices are named "${idOrName}": give the device id instead`);
  const device = found[0] as DeviceRecord;
  if (device.role !== 'engineer') throw new Error(`Device "${device.name}" is an ${device.role}, not an engineer's laptop`);
  return device;
};

/**
 * Hands one case to another engineer's laptop. In one transaction: every engineer row of the case
 * changes owner, all its rows (and its customer and site) get a new change number so both laptops
 * pull them, and a "reassigned" event is written. Running it again for the same target moves nothing
 * and writes no second event, so a retried command hands over exactly once.
 */
export const reassignCase = async (
  store: HubStore,
  partnerId: string,
  caseId: string,
  toDeviceIdOrName: string,
  options: { engineer?: string; actor?: string } = {},
): Promise<Handover> => {
  const target = activeEngineer(await store.listDevices(partnerId), partnerId, toDeviceIdOrName);
  const devices = await store.listDevices(partnerId);
  return store.pushTransaction(async (tx) => {
    const theCase = await tx.getRecord(partnerId, 'cases', caseId);
    if (!theCase || theCase.deleted) throw new Error(`No case ${caseId} at this hub`);
    const from = theCase.ownerDevice;
    let last = await tx.lockPartner(partnerId);
    if (from === target.id) return { caseId, fromDevice: from, toDevice: target.id, movedRows: 0, changeSeq: last };
    const fromName = devices.find((d) => d.id === from)?.name ?? 'another laptop';
    const hlc = formatHlc({ wallMs: Date.now(), counter: 0, node: hubOrigin });
    let moved = 0;
    for (const record of await tx.caseRecords(partnerId, caseId)) {
      const owned = engineerTables.has(record.table) && record.ownerDevice === from && !['customers', 'sites'].includes(record.table);
      let fields = record.fields;
      let fieldHlcs = record.fieldHlcs;
      if (record.table === 'cases' && options.engineer) {
        fields = { ...fields, engineer: options.engineer };
        fieldHlcs = { ...fieldHlcs, engineer: hlc };
      }
      last += 1;
      if (owned) moved += 1;
      await tx.putRecord({
        ...record,
        fields,
        fieldHlcs,
        ownerDevice: owned ? target.id : record.ownerDevice,
        previousOwner: owned ? from : (record.previousOwner ?? null),
        hlc: fields === record.fields ? record.hlc : hlc,
        changeSeq: last,
      });
    }
    // A second handover of the same case to the same laptop lands on the same event row.
    const eventId = uuidv5(`${caseId}>${from}>${target.id}`, handoverNamespace);
    const event = {
      case_id: caseId,
      kind: 'reassigned',
      actor: options.actor ?? 'partner admin',
      detail: `Handed over from ${fromName} to ${target.name}`,
      at: new Date().toISOString(),
    };
    last += 1;
    await tx.putRecord({
      partnerId,
      table: 'case_events',
      rowId: eventId,
      fields: event,
      fieldHlcs: Object.fromEntries(Object.keys(event).map((name) => [name, hlc])),
      hlc,
      deleted: false,
      ownerDevice: target.id,
      originDevice: hubOrigin,
      changeSeq: last,
      caseId,
      previousOwner: from,
    });
    await tx.setPartnerLastChange(partnerId, last);
    return { caseId, fromDevice: from, toDevice: target.id, movedRows: moved, changeSeq: last };
  });
};

/**
 * A replaced laptop: every case the old device owned moves to the new one (with its evidence,
 * which the new laptop fetches from the hub on its next sync).
 */
export const transferDeviceCases = async (store: HubStore, partnerId: string, fromDeviceId: string, toDeviceIdOrName: string): Promise<Handover[]> => {
  const caseIds = (await store.records(partnerId)).filter((r) => r.table === 'cases' && !r.deleted && r.ownerDevice === fromDeviceId).map((r) => r.rowId);
  const moved: Handover[] = [];
  for (const caseId of caseIds) moved.push(await reassignCase(store, partnerId, caseId, toDeviceIdOrName, { actor: 'partner admin (laptop replaced)' }));
  return moved;
};

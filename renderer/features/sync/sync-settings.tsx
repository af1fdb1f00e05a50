import { hubRoleLabels } from '../../../shared/sync/protocol';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import { errorText, QueryView } from '../../components/query-state';
import { EnrollForm } from './enroll-form';
import { useSyncNow, useSyncStatus } from './use-sync';
import './sync.css';

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : 'never');

const StatusDetails = ({ status }: { status: SyncStatus }) => (
  <dl className="details">
    <dt>Hub</dt>
    <dd>
      <code>{status.hubUrl}</code>
    </dd>
    <dt>Partner</dt>
    <dd>{status.partnerName}</dd>
    <dt>This laptop</dt>
    <dd>
      {status.deviceName} ({status.role ? hubRoleLabels[status.role] : ''})
    </dd>
    <dt>Last sync</dt>
    <dd>{when(status.lastSyncAt)}</dd>
    <dt>Waiting to be sent</dt>
    <dd>{status.pendingCount === 0 ? 'Nothing — everything has reached the hub' : `${status.pendingCount} change${status.pendingCount === 1 ? '' : 's'}`}</dd>
    {status.clockOffset && (
      <>
        <dt>Clock</dt>
        <dd className={status.clockWarning ? 'sync-clock-off' : undefined}>{status.clockOffset}</dd>
      </>
    )}
    {status.refusedCount > 0 && (
      <>
        <dt>Refused by the hub</dt>
        <dd>{status.refusedCount}</dd>
      </>
    )}
  </dl>
);

/** The Settings card for the partner hub: enroll, then sync status and "Sync now". */
export const SyncSettings = () => {
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  return (
    <section className="card sync-panel" aria-labelledby="sync-title">
      <h2 id="sync-title">Partner hub</h2>
      <QueryView query={status}>
        {(s) =>
          !s.enrolled ? (
            <EnrollForm />
          ) : (
            <>
              <StatusDetails status={s} />
              {s.lastError ? (
                <p className="sync-problem" role="alert">
                  {s.lastError}
                </p>
              ) : (
                s.lastSyncAt && <p className="sync-ok">Synced {when(s.lastSyncAt)}.</p>
              )}
              {[s.hubUrlWarning, s.clockWarning, s.tokenWarning].map(
                (warning) =>
                  warning && (
                    <p key={warning} className="sync-warning">
                      {warning}
                    </p>
                  ),
              )}
              <div className="sync-actions">
                <button type="button" className="button button-primary" disabled={syncNow.isPending} onClick={() => syncNow.mutate()}>
                  {syncNow.isPending ? 'Syncing…' : 'Sync now'}
                </button>
                <span role="status" className="muted">
                  {syncNow.isSuccess && `Sent ${syncNow.data.pushed}, received ${syncNow.data.pulled}.`}
                  {syncNow.isError && !s.lastError && errorText(syncNow.error)}
                </span>
              </div>
            </>
          )
        }
      </QueryView>
    </section>
  );
};

import type { HubRole } from '../../../shared/sync/protocol';
import type { UiMessageId } from '../../../shared/i18n/ui-messages-en';
import { useText, type AppText } from '../../i18n/app-intl';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import { errorText, QueryView, statusText } from '../../components/query-state';
import { BackgroundSyncState, BackgroundSyncToggle } from './background-sync';
import { EnrollForm } from './enroll-form';
import { useSyncNow, useSyncStatus } from './use-sync';
import './sync.css';

const roleIds: Record<HubRole, UiMessageId> = { engineer: 'sync.role.engineer', 'account-manager': 'sync.role.account-manager', admin: 'sync.role.admin' };

const when = ({ t, dateTime }: AppText, iso: string | null): string => (iso ? dateTime(iso, true) : t('sync.never'));

const StatusDetails = ({ status }: { status: SyncStatus }) => {
  const text = useText();
  const { t } = text;
  return (
  <dl className="details">
    <dt>{t('sync.hub')}</dt>
    <dd>
      <code>{status.hubUrl}</code>
    </dd>
    <dt>{t('sync.partner')}</dt>
    <dd dir="auto">{status.partnerName}</dd>
    <dt>{t('sync.laptop')}</dt>
    <dd>
      <span dir="auto">{status.deviceName}</span>
      {status.role ? ` (${t(roleIds[status.role])})` : ''}
    </dd>
    <dt>{t('sync.last')}</dt>
    <dd>{when(text, status.lastSyncAt)}</dd>
    <dt>{t('sync.background')}</dt>
    <dd>
      <BackgroundSyncState status={status} />
    </dd>
    <dt>{t('sync.waiting')}</dt>
    <dd>{t('sync.pending', { count: status.pendingCount })}</dd>
    {status.clockOffset && (
      <>
        <dt>{t('sync.clock')}</dt>
        <dd className={status.clockWarning ? 'sync-clock-off' : undefined}>{statusText(status.said.clockOffset, status.clockOffset, t)}</dd>
      </>
    )}
    {status.refusedCount > 0 && (
      <>
        <dt>{t('sync.refused')}</dt>
        <dd>{status.refusedCount}</dd>
      </>
    )}
  </dl>
  );
};

/** The Settings card for the partner hub: enroll, then sync status and "Sync now". */
export const SyncSettings = () => {
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  const text = useText();
  const { t } = text;
  return (
    <section className="card sync-panel" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <QueryView query={status}>
        {(s) =>
          !s.enrolled ? (
            <EnrollForm />
          ) : (
            <>
              <StatusDetails status={s} />
              {s.lastError ? (
                <p className="sync-problem" role="alert">
                  {statusText(s.said.lastError, s.lastError, t)}
                </p>
              ) : (
                s.lastSyncAt && <p className="sync-ok">{t('sync.synced', { when: when(text, s.lastSyncAt) })}</p>
              )}
              {[
                s.hubUrlWarning && statusText(s.said.hubUrlWarning, s.hubUrlWarning, t),
                s.clockWarning && statusText(s.said.clockWarning, s.clockWarning, t),
                // The key protection's words are written at start-up, in English (see the README's Languages section).
                s.tokenWarning,
              ].map(
                (warning) =>
                  warning && (
                    <p key={warning} className="sync-warning">
                      {warning}
                    </p>
                  ),
              )}
              <div className="sync-actions">
                <button type="button" className="button button-primary" disabled={syncNow.isPending} onClick={() => syncNow.mutate()}>
                  {syncNow.isPending ? t('sync.syncing') : t('sync.now')}
                </button>
                <BackgroundSyncToggle status={s} />
                <span role="status" className="muted">
                  {syncNow.isSuccess && t('sync.result', { pushed: syncNow.data.pushed, pulled: syncNow.data.pulled })}
                  {syncNow.isError && !s.lastError && errorText(syncNow.error, t)}
                </span>
              </div>
            </>
          )
        }
      </QueryView>
    </section>
  );
};

import type { SyncStatus } from '../../../shared/sync/sync-status';
import { errorText } from '../../components/query-state';
import { useText } from '../../i18n/app-intl';
import { useSetBackgroundSync } from './use-sync';

/** What the background sync does next, in words: the next sync, the next try after a failure, running, paused. */
export const BackgroundSyncState = ({ status }: { status: SyncStatus }) => {
  const { t, dateTime } = useText();
  if (status.backgroundSync === 'paused') return <>{t('sync.background.paused')}</>;
  if (status.backgroundSync === 'off') return <>{t('sync.background.off')}</>;
  if (status.nextAttemptAt === null) return <>{t('sync.background.running')}</>;
  const when = dateTime(status.nextAttemptAt, true);
  return <>{status.lastError ? t('sync.background.retry', { when }) : t('sync.background.next', { when })}</>;
};

/** Pause (or resume) background sync: kept across restarts; "Sync now" works either way. */
export const BackgroundSyncToggle = ({ status }: { status: SyncStatus }) => {
  const { t } = useText();
  const toggle = useSetBackgroundSync();
  if (status.backgroundSync === 'off') return null;
  const paused = status.backgroundSync === 'paused';
  return (
    <>
      <button type="button" className="button" disabled={toggle.isPending} onClick={() => toggle.mutate(!paused)}>
        {paused ? t('sync.resume') : t('sync.pause')}
      </button>
      {toggle.isError && (
        <span role="alert" className="sync-problem">
          {errorText(toggle.error, t)}
        </span>
      )}
    </>
  );
};

import { useText } from '../../i18n/app-intl';

export type SaveStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string };

/** "Saving…", "Saved" or why not, announced to screen readers. */
export const SaveStatusLine = ({ status }: { status: SaveStatus }) => {
  const { t } = useText();
  return (
    <span className={`save-status save-${status.state}`} role="status">
      {status.state === 'saving' ? t('common.saving') : status.state === 'saved' ? t('save.saved') : status.state === 'error' ? t('save.failed', { reason: status.message }) : ''}
    </span>
  );
};

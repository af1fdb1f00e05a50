import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api';
import { ErrorState } from '../../components/query-state';
import { useText } from '../../i18n/app-intl';
import './diagnostics.css';

/**
 * What support asks for first: the log folder (opened in the file manager by the desktop app;
 * in a browser its path is shown) and the diagnostics text, copied and shown as copied.
 */
export const DiagnosticsSettings = () => {
  const { t } = useText();
  const [copied, setCopied] = useState<boolean | null>(null);
  const folder = useMutation({ mutationFn: () => api.openLogFolder({}) });
  const diagnostics = useMutation({
    mutationFn: () => api.getDiagnostics({}),
    onSuccess: async (d) => {
      try {
        await navigator.clipboard.writeText(d.text);
        setCopied(true);
      } catch {
        // handled: the text is shown below with a sentence asking to copy it by hand.
        setCopied(false);
      }
    },
  });
  const opened = folder.data;
  return (
    <section className="card" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('settings.diagnostics.title')}</h2>
      <p className="muted">{t('settings.diagnostics.hint')}</p>
      <div className="form-actions">
        <button type="button" className="button" disabled={folder.isPending} onClick={() => folder.mutate()}>
          {t('settings.diagnostics.openLogs')}
        </button>
        <button type="button" className="button" disabled={diagnostics.isPending} onClick={() => diagnostics.mutate()}>
          {t('settings.diagnostics.copy')}
        </button>
      </div>
      <div role="status">
        {opened && opened.path === null && <p>{t('settings.diagnostics.noLogs')}</p>}
        {opened && opened.path !== null && (
          <p>
            {opened.opened
              ? t('settings.diagnostics.opened')
              : opened.problem
                ? t('settings.diagnostics.openFailed', { problem: opened.problem })
                : t('settings.diagnostics.logsHere')}{' '}
            <code>{opened.path}</code>
          </p>
        )}
        {diagnostics.isSuccess && copied !== null && <p className={copied ? 'sync-ok' : undefined}>{t(copied ? 'settings.diagnostics.copied' : 'settings.diagnostics.copyByHand')}</p>}
      </div>
      {diagnostics.isSuccess && (
        <details open={copied === false}>
          <summary>{t('settings.diagnostics.preview')}</summary>
          <pre className="diagnostics-text" aria-label={t('settings.diagnostics.preview')} tabIndex={0}>
            {diagnostics.data.text}
          </pre>
        </details>
      )}
      {folder.error != null && <ErrorState error={folder.error} />}
      {diagnostics.error != null && <ErrorState error={diagnostics.error} />}
    </section>
  );
};

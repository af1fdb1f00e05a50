import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import { QueryView } from '../../components/query-state';
import { SyncSettings } from '../sync/sync-settings';
import { BrandingSettings } from '../branding/branding-settings';
import { PriceBookSettings } from '../branding/price-book-settings';
import { PassphraseForm } from './passphrase-form';
import { useText } from '../../i18n/app-intl';
import { LanguageSettings } from './language-settings';
import { DiagnosticsSettings } from './diagnostics-settings';
import { keyProtectionIds, transportIds } from '../../i18n/label-ids';

export const SettingsPage = () => {
  const info = useQuery({ queryKey: ['app', 'info'], queryFn: () => api.getAppInfo({}) });
  const { t } = useText();
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <LanguageSettings />
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">{t('settings.installation')}</h2>
        <QueryView query={info}>
          {(i) => (
            <dl className="details">
              <dt>{t('settings.version')}</dt>
              <dd>{i.version}</dd>
              <dt>{t('settings.dataDir')}</dt>
              <dd>
                <code>{i.dataDir}</code>
              </dd>
              <dt>{t('settings.database')}</dt>
              <dd>
                <code>{i.databaseFile}</code> {t('settings.schema', { version: i.schemaVersion })}
              </dd>
              <dt>{t('settings.deviceId')}</dt>
              <dd>
                <code>{i.deviceId}</code>
              </dd>
              <dt>{t('settings.runningAs')}</dt>
              <dd>{t(transportIds[i.transport])}</dd>
              <dt>{t('settings.dataAtRest')}</dt>
              <dd>
                {t(keyProtectionIds[i.keyProtection.method])}
                {i.keyProtection.warning && (
                  <p className="sync-warning" role="alert">
                    {i.keyProtection.warning}
                  </p>
                )}
              </dd>
            </dl>
          )}
        </QueryView>
        <QueryView query={info}>
          {(i) => <PassphraseForm protection={i.keyProtection} />}
        </QueryView>
      </section>
      <BrandingSettings />
      <PriceBookSettings />
      <SyncSettings />
      <DiagnosticsSettings />
    </section>
  );
};

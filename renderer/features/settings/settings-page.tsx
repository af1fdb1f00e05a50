import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import { QueryView } from '../../components/query-state';
import { SyncSettings } from '../sync/sync-settings';
import { BrandingSettings } from '../branding/branding-settings';
import { PriceBookSettings } from '../branding/price-book-settings';
import { PassphraseForm } from './passphrase-form';

const keyLabels = {
  'os-keychain': 'Encrypted; key in the operating system keychain',
  'safe-storage': 'Encrypted; key protected by the app’s safe storage',
  passphrase: 'Encrypted; key protected by a passphrase',
} as const;

const transportLabels = { ipc: 'Desktop app', 'http-bridge': 'Browser (loopback bridge)', cli: 'Command line' } as const;

export const SettingsPage = () => {
  const info = useQuery({ queryKey: ['app', 'info'], queryFn: () => api.getAppInfo({}) });
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">This installation</h2>
        <QueryView query={info}>
          {(i) => (
            <dl className="details">
              <dt>Version</dt>
              <dd>{i.version}</dd>
              <dt>Data directory</dt>
              <dd>
                <code>{i.dataDir}</code>
              </dd>
              <dt>Case database</dt>
              <dd>
                <code>{i.databaseFile}</code> (schema {i.schemaVersion})
              </dd>
              <dt>Device id</dt>
              <dd>
                <code>{i.deviceId}</code>
              </dd>
              <dt>Running as</dt>
              <dd>{transportLabels[i.transport]}</dd>
              <dt>Data at rest</dt>
              <dd>
                {keyLabels[i.keyProtection.method]}
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
    </section>
  );
};

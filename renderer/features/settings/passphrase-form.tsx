import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { passphraseChangeSchema, type AppInfo } from '../../../shared/domain/app-info';
import { api } from '../../api/api';
import { fieldErrors } from '../../api/field-errors';
import { ErrorState } from '../../components/query-state';
import { TextField } from '../../components/text-field';
import { useText } from '../../i18n/app-intl';

/**
 * Set a passphrase where no OS keychain holds the key (Linux without a keyring), or change it.
 * Only the key file changes; a wrong current passphrase is refused and nothing is touched.
 */
export const PassphraseForm = ({ protection }: { protection: AppInfo['keyProtection'] }) => {
  const client = useQueryClient();
  const changing = protection.method === 'passphrase';
  const [values, setValues] = useState({ current: '', next: '', confirm: '' });
  const [shown, setShown] = useState<Record<string, string>>({});
  const { t } = useText();
  const save = useMutation({
    mutationFn: () => api.setPassphrase({ ...(changing ? { current: values.current } : {}), next: values.next, confirm: values.confirm }),
    onSuccess: () => {
      setValues({ current: '', next: '', confirm: '' });
      void client.invalidateQueries({ queryKey: ['app', 'info'] });
    },
  });
  if (protection.method === 'os-keychain') return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = fieldErrors(passphraseChangeSchema, { ...(changing ? { current: values.current } : {}), next: values.next, confirm: values.confirm }, t);
    setShown(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const set = (name: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  return (
    <form className="passphrase-form" onSubmit={submit} aria-labelledby="passphrase-title" noValidate>
      <h3 id="passphrase-title">{changing ? t('passphrase.changeTitle') : t('passphrase.setTitle')}</h3>
      <p className="muted">
        {changing ? t('passphrase.changeLead') : t('passphrase.setLead')}
      </p>
      {changing && <TextField label={t('passphrase.current')} type="password" value={values.current} onChange={set('current')} error={shown.current} required />}
      <TextField label={t('passphrase.next')} type="password" value={values.next} onChange={set('next')} error={shown.next} hint={t('passphrase.nextHint')} required />
      <TextField label={t('passphrase.confirm')} type="password" value={values.confirm} onChange={set('confirm')} error={shown.confirm} required />
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {changing ? t('passphrase.change') : t('passphrase.set')}
      </button>
      {save.isSuccess && (
        <p className="sync-ok" role="status">
          {t('passphrase.done')}
        </p>
      )}
      {save.error != null && <ErrorState error={save.error} />}
    </form>
  );
};

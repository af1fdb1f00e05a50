import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../../../shared/contract/result';
import { hubUrlWarningText } from '../../../shared/sync/sync-status';
import { TextField } from '../../components/text-field';
import { errorText } from '../../components/query-state';
import { useEnroll } from './use-sync';
import { useText } from '../../i18n/app-intl';
import './sync.css';

/** Enroll this laptop with the partner hub using the one-time code from the partner admin. */
export const EnrollForm = () => {
  const enroll = useEnroll();
  const { t, rich } = useText();
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const issues = enroll.error instanceof ApiFailure ? (enroll.error.issues ?? []) : [];
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;
  const plainHttp = hubUrlWarningText(hubUrl.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enroll.mutate({ hubUrl, code, deviceName });
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="enroll-title" noValidate>
      <h3 id="enroll-title">{t('enroll.title')}</h3>
      <p className="muted">{rich('enroll.lead', { command: <code>groundwork-hub enroll-code</code> })}</p>
      <div className="form-row">
        <TextField label={t('enroll.hubUrl')} value={hubUrl} onChange={setHubUrl} required hint={t('enroll.hubUrlHint', { example: 'https://hub.example.com' })} error={issue('hubUrl')} autoFocus />
        <TextField label={t('enroll.code')} value={code} onChange={setCode} required hint={t('enroll.codeHint', { format: 'GW-XXXX-XXXX-XXXX-XXXX' })} error={issue('code')} />
      </div>
      {plainHttp && <p className="sync-warning">{t(plainHttp.messageId, plainHttp.values)}</p>}
      <TextField label={t('enroll.deviceName')} value={deviceName} onChange={setDeviceName} hint={t('enroll.deviceNameHint')} />
      {enroll.isError && issues.length === 0 && (
        <p className="sync-problem" role="alert">
          {errorText(enroll.error, t)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={enroll.isPending}>
          {enroll.isPending ? t('enroll.enrolling') : t('enroll.submit')}
        </button>
      </div>
    </form>
  );
};

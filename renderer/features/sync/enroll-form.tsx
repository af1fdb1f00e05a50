import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../../../shared/contract/result';
import { hubUrlWarningFor } from '../../../shared/sync/sync-status';
import { TextField } from '../../components/text-field';
import { errorText } from '../../components/query-state';
import { useEnroll } from './use-sync';
import './sync.css';

/** Enroll this laptop with the partner hub using the one-time code from the partner admin. */
export const EnrollForm = () => {
  const enroll = useEnroll();
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const issues = enroll.error instanceof ApiFailure ? (enroll.error.issues ?? []) : [];
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enroll.mutate({ hubUrl, code, deviceName });
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="enroll-title" noValidate>
      <h3 id="enroll-title">Connect to your partner hub</h3>
      <p className="muted">
        Your partner admin creates a one-time code on the hub (<code>groundwork-hub enroll-code</code>). Cases you make then reach the
        office whenever this laptop is online; nothing is lost while it is not.
      </p>
      <div className="form-row">
        <TextField label="Hub address" value={hubUrl} onChange={setHubUrl} required hint="e.g. https://hub.example.com" error={issue('hubUrl')} autoFocus />
        <TextField label="Enrollment code" value={code} onChange={setCode} required hint="GW-XXXX-XXXX-XXXX-XXXX" error={issue('code')} />
      </div>
      {hubUrlWarningFor(hubUrl.trim()) && <p className="sync-warning">{hubUrlWarningFor(hubUrl.trim())}</p>}
      <TextField label="Name for this laptop" value={deviceName} onChange={setDeviceName} hint="How the hub lists this device (default: the computer's name)" />
      {enroll.isError && issues.length === 0 && (
        <p className="sync-problem" role="alert">
          {errorText(enroll.error)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={enroll.isPending}>
          {enroll.isPending ? 'Enrolling…' : 'Enroll this laptop'}
        </button>
      </div>
    </form>
  );
};

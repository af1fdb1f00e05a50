import { useState, type FormEvent } from 'react';
import { caseCreateSchema, type CaseCreateInput, type ContactInput } from '../../../shared/domain/cases';
import { TextField } from '../../components/text-field';
import { fieldErrors } from '../../api/field-errors';
import { ErrorState } from '../../components/query-state';
import { useText } from '../../i18n/app-intl';

export interface CaseFormValues {
  customerName: string;
  siteName: string;
  siteAddress: string;
  engineer: string;
  title: string;
  contacts: Required<ContactInput>[];
}

export const emptyCaseForm: CaseFormValues = {
  customerName: '',
  siteName: '',
  siteAddress: '',
  engineer: '',
  title: '',
  contacts: [],
};

const emptyContact: Required<ContactInput> = { name: '', role: '', email: '', phone: '' };

interface CaseFormProps {
  readonly initial: CaseFormValues;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly submitError: unknown;
  readonly onSubmit: (values: CaseCreateInput) => void;
  readonly onCancel?: () => void;
}

/** Create and edit share one form; it validates with the schema the services use. */
export const CaseForm = ({ initial, submitLabel, busy, submitError, onSubmit, onCancel }: CaseFormProps) => {
  const [values, setValues] = useState<CaseFormValues>(initial);
  const { t } = useText();
  const [submitted, setSubmitted] = useState(false);
  // One entry per contact row: a stable React key, and whether the row is new (added since the last
  // submit and not yet left) — a new row shows no "name is required" before the engineer had a chance.
  const [rows, setRows] = useState(() => initial.contacts.map((_, i) => ({ key: i, fresh: false })));
  const errors = submitted ? fieldErrors(caseCreateSchema, values, t) : {};
  const rowError = (index: number, field: 'name' | 'email') => (rows[index]?.fresh ? undefined : errors[`contacts[${index}].${field}`]);
  const settle = (index: number) => setRows((r) => r.map((row, i) => (i === index ? { ...row, fresh: false } : row)));
  const addContact = () => {
    setValues((v) => ({ ...v, contacts: [...v.contacts, emptyContact] }));
    setRows((r) => [...r, { key: Math.max(-1, ...r.map((row) => row.key)) + 1, fresh: true }]);
  };
  const removeContact = (index: number) => {
    setValues((v) => ({ ...v, contacts: v.contacts.filter((_, i) => i !== index) }));
    setRows((r) => r.filter((_, i) => i !== index));
  };

  const set = (field: keyof Omit<CaseFormValues, 'contacts'>) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const setContact = (index: number, field: keyof ContactInput) => (value: string) =>
    setValues((v) => ({ ...v, contacts: v.contacts.map((c, i) => (i === index ? { ...c, [field]: value } : c)) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setRows((r) => r.map((row) => ({ ...row, fresh: false })));
    const parsed = caseCreateSchema.safeParse(values);
    if (parsed.success) onSubmit(parsed.data);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form-section">
        <legend>{t('caseForm.customerAndSite')}</legend>
        <TextField label={t('caseForm.customer')} value={values.customerName} onChange={set('customerName')} error={errors.customerName} required autoFocus />
        <div className="form-row">
          <TextField label={t('caseForm.site')} value={values.siteName} onChange={set('siteName')} error={errors.siteName} hint={t('caseForm.siteHint')} />
          <TextField label={t('caseForm.siteAddress')} value={values.siteAddress} onChange={set('siteAddress')} error={errors.siteAddress} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('caseForm.engagement')}</legend>
        <div className="form-row">
          <TextField label={t('caseForm.title')} value={values.title} onChange={set('title')} error={errors.title} hint={t('caseForm.titleHint')} />
          <TextField label={t('caseForm.engineer')} value={values.engineer} onChange={set('engineer')} error={errors.engineer} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('caseForm.contacts')}</legend>
        {values.contacts.length === 0 && <p className="muted">{t('caseForm.noContacts')}</p>}
        {values.contacts.map((contact, index) => (
          <div className="contact-row" key={rows[index]?.key ?? index}>
            <TextField
              label={t('caseForm.contactName', { n: index + 1 })}
              value={contact.name}
              onChange={setContact(index, 'name')}
              error={rowError(index, 'name')}
              required
              // The row just added takes the focus, so typing goes into it and not into the button again.
              autoFocus={rows[index]?.fresh}
              onBlur={() => settle(index)}
            />
            <TextField label={t('caseForm.role')} value={contact.role} onChange={setContact(index, 'role')} />
            <TextField label={t('caseForm.email')} type="email" value={contact.email} onChange={setContact(index, 'email')} error={rowError(index, 'email')} onBlur={() => settle(index)} />
            <TextField label={t('caseForm.phone')} type="tel" value={contact.phone} onChange={setContact(index, 'phone')} />
            <button type="button" className="button button-quiet" aria-label={t('caseForm.removeContact', { n: index + 1 })} onClick={() => removeContact(index)}>
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="button button-secondary" onClick={addContact}>
          {t('caseForm.addContact')}
        </button>
      </fieldset>
      {submitError != null && <ErrorState error={submitError} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
};

import { useState } from 'react';
import type { CaseTabProps } from '../../app/case-tabs';
import { QueryView } from '../../components/query-state';
import { CaseComments } from './case-comments';
import { CaseEvents } from './case-events';
import { CaseForm, type CaseFormValues } from './case-form';
import { useCase, useUpdateCase } from './use-cases';
import type { CaseDetail } from '../../../shared/domain/cases';
import { useText } from '../../i18n/app-intl';

const formValuesOf = (c: CaseDetail): CaseFormValues => ({
  customerName: c.customerName,
  siteName: c.siteName,
  siteAddress: c.siteAddress,
  engineer: c.engineer,
  title: c.title,
  contacts: c.contacts.map(({ name, role, email, phone }) => ({ name, role, email, phone })),
});

const Details = ({ c }: { c: CaseDetail }) => {
  const { t } = useText();
  return (
  <dl className="details">
    <dt>{t('overview.customer')}</dt>
    <dd dir="auto">{c.customerName}</dd>
    <dt>{t('overview.site')}</dt>
    <dd dir="auto">{c.siteName || '—'}</dd>
    <dt>{t('overview.address')}</dt>
    <dd dir="auto">{c.siteAddress || '—'}</dd>
    <dt>{t('overview.title')}</dt>
    <dd dir="auto">{c.title || '—'}</dd>
    <dt>{t('overview.engineer')}</dt>
    <dd dir="auto">{c.engineer || '—'}</dd>
    <dt>{t('overview.contacts')}</dt>
    <dd>
      {c.contacts.length === 0 ? (
        '—'
      ) : (
        <ul className="plain-list">
          {c.contacts.map((contact) => (
            <li key={contact.id} dir="auto">
              {contact.name}
              {contact.role && `, ${contact.role}`}
              {contact.email && ` · ${contact.email}`}
              {contact.phone && ` · ${contact.phone}`}
            </li>
          ))}
        </ul>
      )}
    </dd>
  </dl>
  );
};

export const CaseOverview = ({ caseId }: CaseTabProps) => {
  const found = useCase(caseId);
  const update = useUpdateCase();
  const [editing, setEditing] = useState(false);
  const { t } = useText();
  return (
    <QueryView query={found}>
      {(c) =>
        editing ? (
          <CaseForm
            initial={formValuesOf(c)}
            submitLabel={t('caseForm.saveChanges')}
            busy={update.isPending}
            submitError={update.error}
            onSubmit={(values) => update.mutate({ id: c.id, ...values }, { onSuccess: () => setEditing(false) })}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <div className="overview">
            <Details c={c} />
            {!c.partner && c.status !== 'complete' && (
              <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
                {t('overview.edit')}
              </button>
            )}
            <CaseEvents caseId={c.id} />
            <CaseComments caseId={c.id} />
          </div>
        )
      }
    </QueryView>
  );
};

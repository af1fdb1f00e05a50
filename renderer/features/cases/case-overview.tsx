import { useState } from 'react';
import type { CaseTabProps } from '../../app/case-tabs';
import { QueryView } from '../../components/query-state';
import { CaseComments } from './case-comments';
import { CaseEvents } from './case-events';
import { CaseForm, type CaseFormValues } from './case-form';
import { useCase, useUpdateCase } from './use-cases';
import type { CaseDetail } from '../../../shared/domain/cases';

const formValuesOf = (c: CaseDetail): CaseFormValues => ({
  customerName: c.customerName,
  siteName: c.siteName,
  siteAddress: c.siteAddress,
  engineer: c.engineer,
  title: c.title,
  contacts: c.contacts.map(({ name, role, email, phone }) => ({ name, role, email, phone })),
});

const Details = ({ c }: { c: CaseDetail }) => (
  <dl className="details">
    <dt>Customer</dt>
    <dd dir="auto">{c.customerName}</dd>
    <dt>Site</dt>
    <dd dir="auto">{c.siteName || '—'}</dd>
    <dt>Address</dt>
    <dd dir="auto">{c.siteAddress || '—'}</dd>
    <dt>Title</dt>
    <dd dir="auto">{c.title || '—'}</dd>
    <dt>Engineer</dt>
    <dd dir="auto">{c.engineer || '—'}</dd>
    <dt>Contacts</dt>
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

export const CaseOverview = ({ caseId }: CaseTabProps) => {
  const found = useCase(caseId);
  const update = useUpdateCase();
  const [editing, setEditing] = useState(false);
  return (
    <QueryView query={found}>
      {(c) =>
        editing ? (
          <CaseForm
            initial={formValuesOf(c)}
            submitLabel="Save changes"
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
                Edit details
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

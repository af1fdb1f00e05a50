import { useState } from 'react';
import { stakeholderLabels } from '../../../shared/interview/bank-schema';
import { linkStateLabels, type Questionnaire, type QuestionnaireLink } from '../../../shared/questionnaire/questionnaire-schemas';
import { ErrorState } from '../../components/query-state';
import { useSyncStatus } from '../sync/use-sync';
import { useApplyLinkAnswers, usePublishLinks, useRevokeLink } from './use-questionnaires';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

const LinkNotes = ({ link, onTakeCustomer }: { link: QuestionnaireLink; onTakeCustomer: () => void }) => (
  <>
    {link.importError && <p className="questionnaire-link-error" dir="auto">Not imported: {link.importError}</p>}
    {link.keptEngineerAnswers.length > 0 && (
      <p>
        {link.keptEngineerAnswers.length === 1 ? 'The customer also answered 1 question you had already answered' : `The customer also answered ${link.keptEngineerAnswers.length} questions you had already answered`}: your answers were kept.{' '}
        <button type="button" className="button button-quiet" onClick={onTakeCustomer}>
          Take the customer&apos;s answers instead
        </button>
      </p>
    )}
  </>
);

const LinkRow = ({ link, caseId }: { link: QuestionnaireLink; caseId: string }) => {
  const revoke = useRevokeLink(caseId);
  const apply = useApplyLinkAnswers(caseId);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const fieldId = `link-${link.id}`;
  return (
    <tr data-link-state={link.state}>
      <td>{stakeholderLabels[link.stakeholder]}</td>
      <td>{linkStateLabels[link.state]}</td>
      <td>{link.state === 'answered' && link.collectedAt ? `Came back ${day(link.collectedAt)}` : `Until ${day(link.expiresAt)}`}</td>
      <td>
        {link.state === 'open' ? (
          <>
            <label className="visually-hidden" htmlFor={fieldId}>
              Link for {stakeholderLabels[link.stakeholder]}
            </label>
            <input id={fieldId} className="questionnaire-link-url" readOnly value={link.url} onFocus={(e) => e.target.select()} />
            <button
              type="button"
              className="button button-quiet"
              onClick={() =>
                void navigator.clipboard.writeText(link.url).then(
                  () => setCopied('yes'),
                  () => {
                    // handled: a refused clipboard is said on the button; the link stays selectable in the field.
                    setCopied('failed');
                  },
                )
              }
            >
              {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the link' : 'Copy'}
            </button>
            <button type="button" className="button button-quiet" onClick={() => revoke.mutate(link.id)}>
              Withdraw
            </button>
          </>
        ) : null}
        <LinkNotes link={link} onTakeCustomer={() => apply.mutate(link.id)} />
        {revoke.isError && <ErrorState error={revoke.error} />}
        {apply.isError && <ErrorState error={apply.error} />}
        {apply.data && <p role="status">Took {apply.data.imported.length} of the customer&apos;s answers.</p>}
      </td>
    </tr>
  );
};

/** Hub links of one questionnaire: create them (one per stakeholder), copy, withdraw, see what came back. */
export const QuestionnaireLinks = ({ questionnaire, caseId }: { questionnaire: Questionnaire; caseId: string }) => {
  const status = useSyncStatus();
  const publish = usePublishLinks(caseId);
  const [days, setDays] = useState(14);
  const links = questionnaire.recipients.flatMap((r) => r.links);
  const enrolled = status.data?.enrolled === true;
  if (!enrolled && links.length === 0) return null;
  const selectId = `link-days-${questionnaire.id}`;
  return (
    <div className="questionnaire-links">
      <h3>Links served by {status.data?.partnerName ?? 'the partner hub'}</h3>
      {enrolled && (
        <div className="questionnaire-link-create">
          <label htmlFor={selectId}>Links stay open for</label>
          <select id={selectId} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 14, 30, 60].map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={publish.isPending}
            onClick={() => publish.mutate({ questionnaireId: questionnaire.id, stakeholders: questionnaire.recipients.map((r) => r.stakeholder), expiresInDays: days })}
          >
            Create hub links
          </button>
        </div>
      )}
      {publish.isError && <ErrorState error={publish.error} />}
      {links.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">For</th>
              <th scope="col">State</th>
              <th scope="col">When</th>
              <th scope="col">Link</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <LinkRow key={link.id} link={link} caseId={caseId} />
            ))}
          </tbody>
        </table>
      )}
      <p className="questionnaire-link-hint">Each link works once, for the stakeholder it names. Answers sent with it arrive on this laptop with the next sync.</p>
    </div>
  );
};

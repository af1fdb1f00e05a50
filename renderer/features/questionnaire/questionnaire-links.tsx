import { useState } from 'react';
import type { Questionnaire, QuestionnaireLink } from '../../../shared/questionnaire/questionnaire-schemas';
import type { UiMessageId } from '../../../shared/i18n/ui-messages-en';
import { useText } from '../../i18n/app-intl';
import { stakeholderIds } from '../../i18n/label-ids';
import { ErrorState } from '../../components/query-state';
import { useSyncStatus } from '../sync/use-sync';
import { useApplyLinkAnswers, usePublishLinks, useRevokeLink } from './use-questionnaires';

const linkStateIds: Record<QuestionnaireLink['state'], UiMessageId> = {
  open: 'qlinks.state.open',
  answered: 'qlinks.state.answered',
  expired: 'qlinks.state.expired',
  withdrawn: 'qlinks.state.withdrawn',
};

const LinkNotes = ({ link, onTakeCustomer }: { link: QuestionnaireLink; onTakeCustomer: () => void }) => {
  const { t, rich } = useText();
  return (
    <>
      {link.importError && <p className="questionnaire-link-error">{rich('qlinks.notImported', { problem: <span dir="auto">{link.importError}</span> })}</p>}
      {link.keptEngineerAnswers.length > 0 && (
        <p>
          {t('qlinks.kept', { count: link.keptEngineerAnswers.length })}{' '}
          <button type="button" className="button button-quiet" onClick={onTakeCustomer}>
            {t('qstatus.takeCustomer')}
          </button>
        </p>
      )}
    </>
  );
};

const LinkRow = ({ link, caseId }: { link: QuestionnaireLink; caseId: string }) => {
  const revoke = useRevokeLink(caseId);
  const apply = useApplyLinkAnswers(caseId);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const fieldId = `link-${link.id}`;
  const { t, dateTime } = useText();
  const stakeholder = t(stakeholderIds[link.stakeholder]);
  return (
    <tr data-link-state={link.state}>
      <td>{stakeholder}</td>
      <td>{t(linkStateIds[link.state])}</td>
      <td>{link.state === 'answered' && link.collectedAt ? t('qlinks.cameBack', { date: dateTime(link.collectedAt) }) : t('qlinks.until', { date: dateTime(link.expiresAt) })}</td>
      <td>
        {link.state === 'open' ? (
          <>
            <label className="visually-hidden" htmlFor={fieldId}>
              {t('qlinks.linkFor', { stakeholder })}
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
              {t(copied === 'yes' ? 'qlinks.copied' : copied === 'failed' ? 'qlinks.copyFailed' : 'qlinks.copy')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => revoke.mutate(link.id)}>
              {t('qlinks.withdraw')}
            </button>
          </>
        ) : null}
        <LinkNotes link={link} onTakeCustomer={() => apply.mutate(link.id)} />
        {revoke.isError && <ErrorState error={revoke.error} />}
        {apply.isError && <ErrorState error={apply.error} />}
        {apply.data && <p role="status">{t('qlinks.took', { count: apply.data.imported.length })}</p>}
      </td>
    </tr>
  );
};

/** Hub links of one questionnaire: create them (one per stakeholder), copy, withdraw, see what came back. */
export const QuestionnaireLinks = ({ questionnaire, caseId }: { questionnaire: Questionnaire; caseId: string }) => {
  const status = useSyncStatus();
  const publish = usePublishLinks(caseId);
  const [days, setDays] = useState(14);
  const { t } = useText();
  const links = questionnaire.recipients.flatMap((r) => r.links);
  const enrolled = status.data?.enrolled === true;
  if (!enrolled && links.length === 0) return null;
  const selectId = `link-days-${questionnaire.id}`;
  return (
    <div className="questionnaire-links">
      <h3>{t('qlinks.servedBy', { hasPartner: status.data?.partnerName ? 'yes' : 'no', partner: status.data?.partnerName ?? '' })}</h3>
      {enrolled && (
        <div className="questionnaire-link-create">
          <label htmlFor={selectId}>{t('qlinks.stayOpen')}</label>
          <select id={selectId} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 14, 30, 60].map((d) => (
              <option key={d} value={d}>
                {t('qlinks.days', { count: d })}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={publish.isPending}
            onClick={() => publish.mutate({ questionnaireId: questionnaire.id, stakeholders: questionnaire.recipients.map((r) => r.stakeholder), expiresInDays: days })}
          >
            {t('qlinks.create')}
          </button>
        </div>
      )}
      {publish.isError && <ErrorState error={publish.error} />}
      {links.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('qlinks.col.for')}</th>
              <th scope="col">{t('qlinks.col.state')}</th>
              <th scope="col">{t('qlinks.col.when')}</th>
              <th scope="col">{t('qlinks.col.link')}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <LinkRow key={link.id} link={link} caseId={caseId} />
            ))}
          </tbody>
        </table>
      )}
      <p className="questionnaire-link-hint">{t('qlinks.hint')}</p>
    </div>
  );
};

import { proposalTransitions, type ProposalRecord, type ProposalStatus } from '../../../shared/domain/proposals';
import type { UiMessageId } from '../../../shared/i18n/ui-messages-en';
import { useText } from '../../i18n/app-intl';
import { ErrorState } from '../../components/query-state';
import { ExportButtons } from '../reports/export-buttons';
import { ProposalLines } from './proposal-lines';
import { useUpdateProposal } from './use-proposals';

const transitionIds: Record<ProposalStatus, UiMessageId> = {
  draft: 'proposals.to.draft',
  sent: 'proposals.to.sent',
  accepted: 'proposals.to.accepted',
  declined: 'proposals.to.declined',
};
const statusIds: Record<ProposalStatus, UiMessageId> = {
  draft: 'proposals.status.draft',
  sent: 'proposals.status.sent',
  accepted: 'proposals.status.accepted',
  declined: 'proposals.status.declined',
};

const proposalFormats = ['docx', 'pdf'] as const;

/** One proposal: status, discount, terms, lines and what the customer pays, and its document. */
export const ProposalCard = ({ proposal }: { proposal: ProposalRecord }) => {
  const update = useUpdateProposal(proposal.caseId);
  const editable = !proposal.readOnly && proposal.status === 'draft';
  const { t, rich, fmt, dateTime } = useText();
  return (
    <article className="proposal-card" aria-labelledby={`proposal-${proposal.id}`}>
      <header className="proposal-head">
        <h2 id={`proposal-${proposal.id}`} dir="auto">
          {proposal.title || t('report.kind.proposal')}
        </h2>
        <span className={`badge proposal-${proposal.status}`}>{t(statusIds[proposal.status])}</span>
        {!proposal.readOnly &&
          proposalTransitions[proposal.status].map((next) => (
            <button key={next} type="button" className="button button-secondary" disabled={update.isPending} onClick={() => update.mutate({ id: proposal.id, status: next })}>
              {t(transitionIds[next])}
            </button>
          ))}
      </header>
      {proposal.author && (
        <p className="muted">
          {rich('proposals.byline', {
            author: <span dir="auto">{proposal.author}</span>,
            status: proposal.statusChangedAt ? proposal.status : 'none',
            date: proposal.statusChangedAt ? dateTime(proposal.statusChangedAt) : '',
          })}
        </p>
      )}
      <ProposalLines proposal={proposal} editable={editable} />
      <div className="proposal-terms">
        <label className="field">
          <span>{t('proposals.discount')}</span>
          <input
            key={`discount-${proposal.updatedAt}`}
            className="input input-narrow"
            type="number"
            min={0}
            max={100}
            step={0.5}
            disabled={!editable}
            defaultValue={proposal.discountBasisPoints / 100}
            onBlur={(e) => {
              const basisPoints = Math.round(Number(e.target.value) * 100);
              if (Number.isFinite(basisPoints) && basisPoints !== proposal.discountBasisPoints) update.mutate({ id: proposal.id, discountBasisPoints: basisPoints });
            }}
          />
        </label>
        <label className="field">
          <span>{t('proposals.terms')}</span>
          <textarea
            key={`terms-${proposal.updatedAt}`}
            className="input"
            rows={2}
            disabled={!editable}
            defaultValue={proposal.terms}
            onBlur={(e) => e.target.value !== proposal.terms && update.mutate({ id: proposal.id, terms: e.target.value })}
          />
        </label>
      </div>
      <p className="proposal-total">
        {rich('proposals.total', {
          oneTime: <strong>{fmt.money(proposal.oneTimeMinor, proposal.currency)}</strong>,
          monthly: <strong>{fmt.money(proposal.monthlyMinor, proposal.currency)}</strong>,
        })}
        {proposal.discountBasisPoints > 0 && <span className="muted"> {t('proposals.afterDiscount', { rate: fmt.ratePercent(proposal.discountBasisPoints / 100) })}</span>}
      </p>
      {update.error != null && <ErrorState error={update.error} />}
      {/* The document the customer gets: these lines, prices, discount and terms, not the price book's today. */}
      <ExportButtons caseId={proposal.caseId} kind="proposal" proposalId={proposal.id} formats={proposalFormats} />
    </article>
  );
};

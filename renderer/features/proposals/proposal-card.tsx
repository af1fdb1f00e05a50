import { proposalStatusLabels, proposalTransitions, type ProposalRecord } from '../../../shared/domain/proposals';
import { formatMoney } from '../../../shared/reports/format';
import { ErrorState } from '../../components/query-state';
import { ProposalLines } from './proposal-lines';
import { useUpdateProposal } from './use-proposals';

const transitionLabel = { draft: 'Back to draft', sent: 'Mark sent', accepted: 'Accepted', declined: 'Declined' } as const;

/** One proposal: status, discount, terms, lines and what the customer pays. */
export const ProposalCard = ({ proposal }: { proposal: ProposalRecord }) => {
  const update = useUpdateProposal(proposal.caseId);
  const editable = !proposal.readOnly && proposal.status === 'draft';
  return (
    <article className="proposal-card" aria-labelledby={`proposal-${proposal.id}`}>
      <header className="proposal-head">
        <h2 id={`proposal-${proposal.id}`} dir="auto">
          {proposal.title || 'Proposal'}
        </h2>
        <span className={`badge proposal-${proposal.status}`}>{proposalStatusLabels[proposal.status]}</span>
        {!proposal.readOnly &&
          proposalTransitions[proposal.status].map((next) => (
            <button key={next} type="button" className="button button-secondary" disabled={update.isPending} onClick={() => update.mutate({ id: proposal.id, status: next })}>
              {transitionLabel[next]}
            </button>
          ))}
      </header>
      {proposal.author && (
        <p className="muted">
          By <span dir="auto">{proposal.author}</span>
          {proposal.statusChangedAt && <> · {proposalStatusLabels[proposal.status].toLowerCase()} since {new Date(proposal.statusChangedAt).toLocaleDateString()}</>}
        </p>
      )}
      <ProposalLines proposal={proposal} editable={editable} />
      <div className="proposal-terms">
        <label className="field">
          <span>Discount (%)</span>
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
          <span>Terms</span>
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
        One-time <strong>{formatMoney(proposal.oneTimeMinor, proposal.currency)}</strong> · monthly <strong>{formatMoney(proposal.monthlyMinor, proposal.currency)}</strong>
        {proposal.discountBasisPoints > 0 && <span className="muted"> (after {proposal.discountBasisPoints / 100} % discount)</span>}
      </p>
      {update.error != null && <ErrorState error={update.error} />}
    </article>
  );
};

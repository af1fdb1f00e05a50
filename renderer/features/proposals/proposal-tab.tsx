import type { CaseTabProps } from '../../app/case-tabs';
import { ErrorState, QueryView } from '../../components/query-state';
import { ProposalCard } from './proposal-card';
import { useCreateProposal, useProposals } from './use-proposals';
import './proposals.css';
import { useText } from '../../i18n/app-intl';

/** The account manager's proposals on this case; an engineer's laptop shows them read-only. */
export const ProposalTab = ({ caseId }: CaseTabProps) => {
  const proposals = useProposals(caseId);
  const create = useCreateProposal(caseId);
  const { t } = useText();
  return (
    <QueryView query={proposals}>
      {(list) => (
        <div className="proposals">
          {list.length === 0 && <p className="muted">{t('proposals.none')}</p>}
          {list.map((p) => (
            <ProposalCard key={p.id} proposal={p} />
          ))}
          {!(list[0]?.readOnly ?? false) && (
            <button type="button" className="button button-primary" disabled={create.isPending} onClick={() => create.mutate()}>
              {t('proposals.new')}
            </button>
          )}
          {create.error != null && <ErrorState error={create.error} />}
        </div>
      )}
    </QueryView>
  );
};

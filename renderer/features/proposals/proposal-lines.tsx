import type { ProposalRecord } from '../../../shared/domain/proposals';
import { useUpdateLine } from './use-proposals';
import { useText } from '../../i18n/app-intl';

/** The lines of one proposal; quantities are editable while it is a draft on the account manager's laptop. */
export const ProposalLines = ({ proposal, editable }: { proposal: ProposalRecord; editable: boolean }) => {
  const update = useUpdateLine(proposal.caseId);
  const { t, fmt } = useText();
  if (proposal.lines.length === 0) {
    return <p className="muted">{t('proposals.noLines')}</p>;
  }
  return (
    <table className="table">
      <caption className="visually-hidden">{t('proposals.lines')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('proposals.col.item')}</th>
          <th scope="col">{t('proposals.col.why')}</th>
          <th scope="col">{t('proposals.col.quantity')}</th>
          <th scope="col">{t('proposals.col.unitPrice')}</th>
          <th scope="col">{t('proposals.col.total')}</th>
        </tr>
      </thead>
      <tbody>
        {proposal.lines.map((line) => (
          <tr key={line.id}>
            <td dir="auto">
              {line.description}
              {line.recurring && <span className="muted"> {t('proposals.monthly')}</span>}
            </td>
            <td className="muted" dir="auto">
              {line.reasons.join('; ') || '—'}
            </td>
            <td>
              {editable ? (
                <input
                  className="input input-narrow"
                  type="number"
                  min={0}
                  aria-label={t('proposals.quantityOf', { item: line.description })}
                  defaultValue={line.quantity}
                  onBlur={(e) => {
                    const quantity = Number(e.target.value);
                    if (Number.isInteger(quantity) && quantity >= 0 && quantity !== line.quantity) update.mutate({ id: line.id, quantity });
                  }}
                />
              ) : (
                line.quantity
              )}
            </td>
            <td className="cell-nowrap">{fmt.money(line.unitPriceMinor, proposal.currency)}</td>
            <td className="cell-nowrap">{fmt.money(line.unitPriceMinor * line.quantity, proposal.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

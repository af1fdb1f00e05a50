import { formatMoney } from '../../../shared/reports/format';
import type { ProposalRecord } from '../../../shared/domain/proposals';
import { useUpdateLine } from './use-proposals';

/** The lines of one proposal; quantities are editable while it is a draft on the account manager's laptop. */
export const ProposalLines = ({ proposal, editable }: { proposal: ProposalRecord; editable: boolean }) => {
  const update = useUpdateLine(proposal.caseId);
  if (proposal.lines.length === 0) {
    return <p className="muted">No price book item matches this case&rsquo;s findings yet. Add items to the price book with the SKUs the findings ask for.</p>;
  }
  return (
    <table className="table">
      <caption className="visually-hidden">Proposal lines</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Why</th>
          <th scope="col">Quantity</th>
          <th scope="col">Unit price</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {proposal.lines.map((line) => (
          <tr key={line.id}>
            <td dir="auto">
              {line.description}
              {line.recurring && <span className="muted"> (monthly)</span>}
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
                  aria-label={`Quantity of ${line.description}`}
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
            <td className="cell-nowrap">{formatMoney(line.unitPriceMinor, proposal.currency)}</td>
            <td className="cell-nowrap">{formatMoney(line.unitPriceMinor * line.quantity, proposal.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

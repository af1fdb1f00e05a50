/** @jsxRuntime automatic @jsxImportSource react */
import { formatMoney } from '../format';
import type { Proposal } from '../proposal';
import { EmptyNote } from './report-parts';

/** One-time, recurring and the whole contract, from the proposal, in one small table. */
export const InvestmentSummary = ({ proposal }: { proposal: Proposal | null }) => {
  if (!proposal) return <EmptyNote>No investment priced yet: the proposal follows separately.</EmptyNote>;
  const t = proposal.totals;
  const c = proposal.currency;
  return (
    <table className="gw-table gw-investment">
      <tbody>
        <tr>
          <td>One-time (projects, set-up), incl. tax</td>
          <td className="gw-num">{formatMoney(t.oneTimeTotalMinor, c)}</td>
        </tr>
        <tr>
          <td>Recurring (services, licences), incl. tax</td>
          <td className="gw-num">{formatMoney(t.monthlyTotalMinor, c)} per month</td>
        </tr>
        <tr className="gw-total">
          <td>Total contract value over {t.contractTermMonths} months, incl. tax</td>
          <td className="gw-num">{formatMoney(t.contractValueMinor, c)}</td>
        </tr>
      </tbody>
    </table>
  );
};

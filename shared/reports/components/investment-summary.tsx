/** @jsxRuntime automatic @jsxImportSource react */
import type { Proposal } from '../proposal';
import { EmptyNote } from './report-parts';
import { useReportText } from './report-text';

/** One-time, recurring and the whole contract, from the proposal, in one small table. */
export const InvestmentSummary = ({ proposal }: { proposal: Proposal | null }) => {
  const { t, fmt } = useReportText();
  if (!proposal) return <EmptyNote>{t('investment.none')}</EmptyNote>;
  const totals = proposal.totals;
  const c = proposal.currency;
  return (
    <table className="gw-table gw-investment">
      <tbody>
        <tr>
          <td>{t('investment.oneTime')}</td>
          <td className="gw-num">{fmt.money(totals.oneTimeTotalMinor, c)}</td>
        </tr>
        <tr>
          <td>{t('investment.recurring')}</td>
          <td className="gw-num">{t('investment.perMonth', { amount: fmt.money(totals.monthlyTotalMinor, c) })}</td>
        </tr>
        <tr className="gw-total">
          <td>{t('investment.contract', { months: totals.contractTermMonths })}</td>
          <td className="gw-num">{fmt.money(totals.contractValueMinor, c)}</td>
        </tr>
      </tbody>
    </table>
  );
};

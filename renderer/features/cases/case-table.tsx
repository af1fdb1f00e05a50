import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseSummary } from '../../../shared/domain/cases';
import { useText } from '../../i18n/app-intl';


interface CaseTableProps {
  readonly cases: readonly CaseSummary[];
  readonly caption: string;
  readonly renderStatus: (c: CaseSummary) => ReactNode;
}

/** Cases as a table; names are rendered as text, never as markup. */
export const CaseTable = ({ cases, caption, renderStatus }: CaseTableProps) => {
  const { t, dateTime } = useText();
  return (
  <table className="table">
    <caption className="visually-hidden">{caption}</caption>
    <colgroup>
      {['customer', 'site', 'title', 'engineer', 'status', 'created'].map((c) => (
        <col key={c} className={`col-${c}`} />
      ))}
    </colgroup>
    <thead>
      <tr>
        <th scope="col">{t('cases.col.customer')}</th>
        <th scope="col">{t('cases.col.site')}</th>
        <th scope="col">{t('cases.col.title')}</th>
        <th scope="col">{t('cases.col.engineer')}</th>
        <th scope="col">{t('cases.col.status')}</th>
        <th scope="col">{t('cases.col.created')}</th>
      </tr>
    </thead>
    <tbody>
      {cases.map((c) => (
        <tr key={c.id}>
          <td className="cell-clip">
            <Link to={`/cases/${c.id}`} className="case-link" dir="auto">
              {c.customerName}
            </Link>
          </td>
          <td className="cell-clip" dir="auto">
            {c.siteName || <span className="muted">—</span>}
          </td>
          <td className="cell-clip" dir="auto">
            {c.title || <span className="muted">—</span>}
          </td>
          <td className="cell-clip" dir="auto">
            {c.engineer || <span className="muted">—</span>}
          </td>
          <td>{renderStatus(c)}</td>
          <td className="cell-nowrap">
            <time dateTime={c.createdAt} title={dateTime(c.createdAt, true)}>
              {dateTime(c.createdAt)}
            </time>
          </td>
        </tr>
      ))}
    </tbody>
  </table>
  );
};

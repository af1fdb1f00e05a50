import { NavLink } from 'react-router';
import { useText } from '../../i18n/app-intl';

/** The two ways to look at the history: the searchable list and the account manager's portfolio. */
export const HistoryViews = () => {
  const { t } = useText();
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab active' : 'tab');
  return (
    <nav aria-label={t('history.views')}>
      <ul className="tabs">
        <li>
          <NavLink to="/history" end className={tab}>
            {t('history.view.list')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/history/portfolio" className={tab}>
            {t('history.view.portfolio')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
};

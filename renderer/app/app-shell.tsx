import { NavLink, Outlet } from 'react-router';
import { useText } from '../i18n/app-intl';

const navItems = [
  { to: '/cases', label: 'nav.cases' },
  { to: '/history', label: 'nav.history' },
  { to: '/settings', label: 'nav.settings' },
] as const;

export const AppShell = () => {
  const { t } = useText();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="shell-header">
        <div className="brand" aria-label="Groundwork">
          <span className="brand-mark" aria-hidden="true" />
          Groundwork
        </div>
        <nav aria-label={t('nav.main')}>
          <ul className="nav-list">
            {navItems.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
};

import { NavLink, Outlet } from 'react-router';

const navItems = [
  { to: '/cases', label: 'Cases' },
  { to: '/history', label: 'History' },
  { to: '/settings', label: 'Settings' },
];

export const AppShell = () => (
  <div className="shell">
    <a className="skip-link" href="#main">
      Skip to content
    </a>
    <header className="shell-header">
      <div className="brand" aria-label="Groundwork">
        <span className="brand-mark" aria-hidden="true" />
        Groundwork
      </div>
      <nav aria-label="Main">
        <ul className="nav-list">
          {navItems.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                {item.label}
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

import { createHashRouter, Navigate } from 'react-router';
import { AppShell } from './app-shell';
import { CasesPage } from '../features/cases/cases-page';
import { NewCasePage } from '../features/cases/new-case-page';
import { CasePage } from '../features/cases/case-page';
import { HistoryPage } from '../features/history/history-page';
import { CustomerTimelinePage } from '../features/history/customer-timeline-page';
import { ComparePage } from '../features/history/compare-page';
import { PortfolioPage } from '../features/history/portfolio-page';
import { SettingsPage } from '../features/settings/settings-page';
import { caseTabs } from './case-tabs';

/** Hash routes: they work from Electron's app:// origin and from the loopback bridge alike. */
export const router = createHashRouter([
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/cases" replace /> },
      { path: 'cases', element: <CasesPage /> },
      { path: 'cases/new', element: <NewCasePage /> },
      {
        path: 'cases/:caseId',
        element: <CasePage />,
        children: [
          { index: true, element: <Navigate to={caseTabs[0]?.id ?? 'overview'} replace /> },
          ...caseTabs.map((tab) => ({ path: `${tab.id}/*`, element: <CasePage.Tab tabId={tab.id} /> })),
        ],
      },
      { path: 'history', element: <HistoryPage /> },
      { path: 'history/portfolio', element: <PortfolioPage /> },
      { path: 'history/customers/:customerId', element: <CustomerTimelinePage /> },
      { path: 'history/compare/:first/:second', element: <ComparePage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/cases" replace /> },
    ],
  },
]);

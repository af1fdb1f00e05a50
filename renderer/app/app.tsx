import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
// The DOM build of RouterProvider wires React DOM's flushSync, which the filters' URL updates use
// (see features/history/url-filter-options.ts).
import { RouterProvider } from 'react-router/dom';
import { router } from './routes';
import { AppIntlProvider } from '../i18n/app-intl';

const queryClient = new QueryClient({
  defaultOptions: {
    // Local data: no refetch storms on focus; a failed local call is not worth three retries.
    queries: { refetchOnWindowFocus: false, retry: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <AppIntlProvider>
      <RouterProvider router={router} />
    </AppIntlProvider>
  </QueryClientProvider>
);

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
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

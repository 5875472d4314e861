import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import type { Language } from './i18n';
import { createRouter } from './router';
import { SessionProvider } from './session';
import { themeFor } from './theme';

// A poor consulate connection: one retry, and no refetch storm when the window regains focus.
const newQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

/** One query cache and one router per mounted app, each starting from the page's URL. */
export function App() {
  const { i18n } = useTranslation();
  const theme = useMemo(() => themeFor(i18n.language as Language), [i18n.language]);
  const [queryClient] = useState(newQueryClient);
  const [router] = useState(createRouter);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}

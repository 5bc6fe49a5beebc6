/** Entry point: providers (theme, data, languages) around the application. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Badge, MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@mantine/core/styles.css';
import './styles.css';
import './i18n/index.js';
import { App } from './app.js';
import { ApiError, setUnauthenticatedHandler } from './api/client.js';

// A darker primary than the default blue keeps text on filled buttons above 4.5:1 contrast.
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
  components: {
    // Whole words in every language: no capitals that lengthen Cyrillic labels, no truncation.
    Badge: Badge.extend({
      defaultProps: { tt: 'none' },
      styles: {
        root: { height: 'auto', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflow: 'visible' },
      },
    }),
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors will not change on retry; only network or server trouble is worth a second try.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});
setUnauthenticatedHandler(() => queryClient.setQueryData(['me'], null));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

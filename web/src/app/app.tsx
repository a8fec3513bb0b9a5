import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { LocaleProvider } from '../i18n/locale.tsx';
import { createQueryClient } from './query-client.ts';
import { AppRoutes } from './routes.tsx';

// A data router (the pages' own <Routes> sit under one splat route), so the
// questionnaire can ask before an in-app move would strand unsent changes.
// antd's theme is not here but around the pages (routes.tsx, antd-theme.tsx):
// the questionnaire's first paint does without antd.
const router = () => createBrowserRouter([{ path: '*', element: <AppRoutes /> }]);

export function App() {
  const [client] = useState(createQueryClient);
  const [routes] = useState(router);
  return (
    <QueryClientProvider client={client}>
      <LocaleProvider>
        <RouterProvider router={routes} />
      </LocaleProvider>
    </QueryClientProvider>
  );
}

import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { LocaleProvider, useLocale } from '../i18n/locale.tsx';
import { createQueryClient } from './query-client.ts';
import { AppRoutes } from './routes.tsx';

// No motion: every radio tick otherwise animates for 0.3 s, a dozen style
// recalculations per answer on a slow machine (and calmer for everyone).
const theme = { token: { colorPrimary: '#1f5fbf', borderRadius: 6, motion: false } };
const wave = { disabled: true };

/** antd follows our language: zh_CN unless the user switched to English. */
function Themed() {
  const { locale } = useLocale();
  return (
    // No click "wave": it measures and animates on every choice, which costs
    // more than the answer itself on a slow machine.
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme} wave={wave}>
      <AppRoutes />
    </ConfigProvider>
  );
}

// A data router (the pages' own <Routes> sit under one splat route), so the
// questionnaire can ask before an in-app move would strand unsent changes.
const router = () => createBrowserRouter([{ path: '*', element: <Themed /> }]);

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

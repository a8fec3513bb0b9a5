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
// Links and success text darker than antd's defaults (#1677ff 4.1:1, #52c41a
// 2.3:1 on white): WCAG AA wants 4.5:1 for body text (axe, test/e2e/a11y).
const theme = {
  token: {
    colorPrimary: '#1f5fbf',
    colorLink: '#1f5fbf',
    colorSuccess: '#2e7d12',
    // Placeholders too (#bfbfbf is 1.8:1): a select's placeholder is its only label at times.
    colorTextPlaceholder: '#737373',
    borderRadius: 6,
    motion: false,
  },
};
const wave = { disabled: true };
// antd spaces two-character Chinese labels ("开 始"): the visible text then no
// longer matches the accessible name ("开始：…") a screen-reader user says.
const button = { autoInsertSpace: false };

/** antd follows our language: zh_CN unless the user switched to English. */
function Themed() {
  const { locale } = useLocale();
  return (
    // No click "wave": it measures and animates on every choice, which costs
    // more than the answer itself on a slow machine.
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={theme}
      wave={wave}
      button={button}
    >
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

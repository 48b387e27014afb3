import { ConfigProvider } from 'antd';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { antdLocales } from './antd-locale.ts';
import { AppShell } from './app-shell.tsx';
import { theme } from './theme.ts';

// One chunk per page, so the first load carries only the shell (and charts load with the
// pages that draw them).
const UnitsPage = lazy(() => import('../features/units/units-page.tsx'));
const NotFoundPage = lazy(() => import('./not-found-page.tsx'));

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? antdLocales.en : antdLocales['zh-CN']}
      theme={theme}
      // 重试, not 重 试: antd's space between two Chinese characters reads oddly in a form UI.
      button={{ autoInsertSpace: false }}
    >
      {/* No antd <App>: it brings message, notification and modal into the first load; a page
          that needs one uses its hook (message.useMessage()). */}
      <BrowserRouter>
        <Routes>
          <Route element={<AppShell />}>
            {/* 工作台 comes later; until then the organisation page is the start page. */}
            <Route index element={<Navigate to="/units" replace />} />
            <Route path="units/:code?" element={<UnitsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ConfigProvider>
  );
}

import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { useNarrow } from '../hooks/use-narrow.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { Navigation } from './navigation.tsx';
import { useSession } from './session.tsx';
import { UserMenu } from './user-menu.tsx';

// The bell's list and popover are loaded after sign-in, not on the public site's first visit.
const NotificationBell = lazy(() =>
  import('../features/notifications/notification-bell.tsx').then((m) => ({
    default: m.NotificationBell,
  })),
);

export function AppShell() {
  const { t } = useTranslation();
  const signedIn = Boolean(useSession().session);
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the menu folds away entirely and opens over the page; a choice closes it.
  const narrow = useNarrow();
  const [menuPath, setMenuPath] = useState(pathname);
  useEffect(() => {
    if (narrow) setCollapsed(true);
  }, [narrow]);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    if (narrow) setCollapsed(true);
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <Button
          type="text"
          className="app-header-button"
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          aria-label={collapsed ? t('app.expandMenu') : t('app.collapseMenu')}
          aria-expanded={!collapsed}
          onClick={() => setCollapsed((value) => !value)}
        />
        <Link to="/" className="app-brand">
          <img src="/favicon.svg" alt="" />
          <span>{t('app.brand')}</span>
          <span className="app-brand-sub">{t('app.tagline')}</span>
        </Link>
        <div className="app-header-actions">
          {signedIn && (
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
          )}
          <LanguageSwitch />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider
          className="app-sider"
          theme="light"
          width={212}
          collapsedWidth={narrow ? 0 : 64}
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={null}
        >
          {/* The column stays white down the page; the menu itself stays in view. */}
          <div className="app-sider-menu">
            <Navigation collapsed={collapsed} />
          </div>
        </Layout.Sider>
        <Layout.Content id="main" tabIndex={-1} className="app-content">
          <ErrorBoundary key={pathname.split('/')[1] ?? ''}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

import { CloseOutlined, MenuOutlined } from '@ant-design/icons';
import { Layout } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { ErrorBoundary } from '../../components/error-boundary.tsx';
import { PageLoading } from '../../components/page-loading.tsx';

const LINKS = [
  { to: '/public', key: 'contests', end: true },
  { to: '/public/notices', key: 'notices', end: false },
  { to: '/public/flags', key: 'flags', end: false },
  { to: '/public/practices', key: 'practices', end: false },
  { to: '/public/projects', key: 'projects', end: false },
  { to: '/public/points/leaderboard', key: 'points', end: false },
] as const;

/** The public site's frame (公开展示): no sign-in, no side menu, published data only. */
export default function PublicShell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // On a phone the links fold behind a menu button, closed again by each navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new path closes the menu
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <Layout className="public-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header public-header">
        <Link to="/public" className="app-brand">
          <img src="/favicon.svg" alt="" />
          <span>{t('app.brand')}</span>
          <span className="app-brand-sub">{t('public.tagline')}</span>
        </Link>
        <button
          type="button"
          className="public-menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="public-nav"
          aria-label={t('phone.menu')}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? <CloseOutlined /> : <MenuOutlined />}
        </button>
        <nav
          id="public-nav"
          className={menuOpen ? 'public-nav open' : 'public-nav'}
          aria-label={t('public.navigation')}
        >
          {LINKS.map((link) => (
            <NavLink key={link.key} to={link.to} end={link.end}>
              {t(`public.nav.${link.key}`)}
            </NavLink>
          ))}
          <a href="/screen">{t('public.nav.screen')}</a>
          <Link className="public-staff-link public-nav-staff" to="/">
            {t('public.nav.staff')}
          </Link>
        </nav>
        <div className="app-header-actions">
          <LanguageSwitch />
          <Link className="public-staff-link" to="/">
            {t('public.nav.staff')}
          </Link>
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="app-content public-content">
        <ErrorBoundary key={pathname.split('/')[2] ?? ''}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Layout.Content>
      <Layout.Footer className="public-footer">{t('public.footer')}</Layout.Footer>
    </Layout>
  );
}

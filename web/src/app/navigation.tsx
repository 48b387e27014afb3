import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FlagOutlined,
  GlobalOutlined,
  NotificationOutlined,
  ProjectOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Role } from '../api/session.ts';
import { hasRole, useSession } from './session.tsx';

type NavKey =
  | 'workbench'
  | 'myMonth'
  | 'dashboard'
  | 'contests'
  | 'series'
  | 'rectifications'
  | 'flags'
  | 'assessments'
  | 'projects'
  | 'partyPoints'
  | 'units'
  | 'users'
  | 'audit'
  | 'webhooks'
  | 'publicSite';

interface NavEntry {
  key: NavKey;
  icon: ReactNode;
  /** The page's path; absent while the page is still to come (shown disabled). */
  path?: string;
  /** Shown to signed-in users only; with roles, to users holding one of them. */
  signedIn?: boolean;
  roles?: Role[];
}

// The navigation of every role to come (DESIGN §1). A page joins by getting a path.
const NAV_GROUPS: { key: 'work' | 'system' | 'public'; entries: NavEntry[] }[] = [
  {
    key: 'work',
    entries: [
      { key: 'workbench', icon: <DashboardOutlined />, path: '/workbench', signedIn: true },
      {
        key: 'myMonth',
        icon: <CalendarOutlined />,
        path: '/me/month',
        roles: ['admin', 'organizer', 'evaluator', 'reporter'],
      },
      {
        key: 'dashboard',
        icon: <BarChartOutlined />,
        path: '/dashboard',
        roles: ['admin', 'organizer', 'viewer'],
      },
      { key: 'contests', icon: <TrophyOutlined />, path: '/contests' },
      { key: 'series', icon: <AppstoreOutlined />, path: '/series', signedIn: true },
      { key: 'flags', icon: <FlagOutlined />, path: '/flags' },
      {
        key: 'rectifications',
        icon: <CheckSquareOutlined />,
        path: '/rectifications',
        signedIn: true,
      },
      { key: 'assessments', icon: <AuditOutlined />, path: '/assessments', signedIn: true },
      { key: 'projects', icon: <ProjectOutlined />, path: '/projects', signedIn: true },
      { key: 'partyPoints', icon: <StarOutlined />, path: '/points', signedIn: true },
    ],
  },
  {
    key: 'system',
    entries: [
      { key: 'units', icon: <ApartmentOutlined />, path: '/units' },
      { key: 'users', icon: <TeamOutlined />, path: '/users', roles: ['admin', 'secadmin'] },
      { key: 'audit', icon: <FileProtectOutlined />, path: '/audit', roles: ['auditor'] },
      { key: 'webhooks', icon: <NotificationOutlined />, path: '/webhooks', roles: ['admin'] },
    ],
  },
  {
    key: 'public',
    entries: [{ key: 'publicSite', icon: <GlobalOutlined />, path: '/public' }],
  },
];

// A round and its results belong to the boards.
const ALIASES: Record<string, NavKey> = { '/rounds': 'contests' };

function activeKey(pathname: string): NavKey | undefined {
  for (const group of NAV_GROUPS) {
    for (const entry of group.entries) {
      if (entry.path && (pathname === entry.path || pathname.startsWith(`${entry.path}/`))) {
        return entry.key;
      }
    }
  }
  const alias = Object.keys(ALIASES).find((path) => pathname.startsWith(`${path}/`));
  return alias ? ALIASES[alias] : undefined;
}

/** The side menu; `collapsed` when the sider shows icons only. */
export function Navigation({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { session } = useSession();
  const selected = activeKey(pathname);
  const visible = (entry: NavEntry) =>
    (!entry.signedIn || session !== null) && (!entry.roles || hasRole(session, ...entry.roles));

  const items: MenuProps['items'] = NAV_GROUPS.map((group) => ({
    ...group,
    entries: group.entries.filter(visible),
  }))
    .filter((group) => group.entries.length > 0)
    .map((group) => ({
      type: 'group',
      key: group.key,
      label: t(`nav.groups.${group.key}`),
      children: group.entries.map((entry) =>
        entry.path
          ? {
              key: entry.key,
              icon: entry.icon,
              label: <Link to={entry.path}>{t(`nav.${entry.key}`)}</Link>,
            }
          : {
              key: entry.key,
              icon: entry.icon,
              disabled: true,
              // The folded menu's tooltip; unfolded, the label's own tooltip says it (a title
              // here would add the browser's native tooltip on top).
              title: collapsed ? t('nav.comingSoonItem', { name: t(`nav.${entry.key}`) }) : '',
              label: (
                <Tooltip title={t('nav.comingSoon')} placement="right">
                  <span className="nav-coming-soon">{t(`nav.${entry.key}`)}</span>
                </Tooltip>
              ),
            },
      ),
    }));

  return (
    <nav aria-label={t('app.mainNavigation')}>
      <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
    </nav>
  );
}

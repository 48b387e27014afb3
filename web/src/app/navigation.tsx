import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FlagOutlined,
  GlobalOutlined,
  ProjectOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

type NavKey =
  | 'workbench'
  | 'contests'
  | 'flags'
  | 'assessments'
  | 'projects'
  | 'partyPoints'
  | 'units'
  | 'users'
  | 'audit'
  | 'publicSite';

interface NavEntry {
  key: NavKey;
  icon: ReactNode;
  /** The page's path; absent while the page is still to come (shown disabled). */
  path?: string;
}

// The navigation of every role to come (DESIGN §1). A page joins by getting a path.
const NAV_GROUPS: { key: 'work' | 'system' | 'public'; entries: NavEntry[] }[] = [
  {
    key: 'work',
    entries: [
      { key: 'workbench', icon: <DashboardOutlined /> },
      { key: 'contests', icon: <TrophyOutlined /> },
      { key: 'flags', icon: <FlagOutlined /> },
      { key: 'assessments', icon: <AuditOutlined /> },
      { key: 'projects', icon: <ProjectOutlined /> },
      { key: 'partyPoints', icon: <StarOutlined /> },
    ],
  },
  {
    key: 'system',
    entries: [
      { key: 'units', icon: <ApartmentOutlined />, path: '/units' },
      { key: 'users', icon: <TeamOutlined /> },
      { key: 'audit', icon: <FileProtectOutlined /> },
    ],
  },
  {
    key: 'public',
    entries: [{ key: 'publicSite', icon: <GlobalOutlined /> }],
  },
];

function activeKey(pathname: string): NavKey | undefined {
  for (const group of NAV_GROUPS) {
    for (const entry of group.entries) {
      if (entry.path && (pathname === entry.path || pathname.startsWith(`${entry.path}/`))) {
        return entry.key;
      }
    }
  }
  return undefined;
}

/** The side menu; `collapsed` when the sider shows icons only. */
export function Navigation({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const selected = activeKey(pathname);

  const items: MenuProps['items'] = NAV_GROUPS.map((group) => ({
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

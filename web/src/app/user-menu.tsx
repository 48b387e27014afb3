import {
  DownOutlined,
  KeyOutlined,
  LoginOutlined,
  LogoutOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { RoleTags } from '../components/role-tags.tsx';
import { loginPath } from './require-auth.tsx';
import { useSession } from './session.tsx';

// Only opened now and then: kept out of the first load.
const ChangePasswordModal = lazy(() => import('../features/auth/change-password-modal.tsx'));
const TotpModal = lazy(() => import('../features/auth/totp-modal.tsx'));

/** The header's current user: name, unit and roles; change password; sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { status, session, signOut, reload } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [changing, setChanging] = useState(false);
  const [enrolling, setEnrolling] = useState(false);

  if (status === 'loading') return null;
  if (!session) {
    if (location.pathname === '/login') return null;
    return (
      <Button
        type="text"
        className="app-header-link"
        icon={<LoginOutlined />}
        onClick={() => navigate(loginPath(`${location.pathname}${location.search}`))}
      >
        {t('auth.signIn')}
      </Button>
    );
  }

  return (
    <>
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        popupRender={(menu) => (
          <div className="user-menu-popup">
            <div className="user-menu-card">
              <div className="user-menu-name">{session.user.displayName}</div>
              <div className="user-menu-unit">
                {session.unitPath.map((unit) => unit.name).join(' › ')}
              </div>
              <RoleTags roles={session.user.roles} />
            </div>
            {menu}
          </div>
        )}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
            {
              key: 'totp',
              icon: <SafetyOutlined />,
              label: session.totpEnabled ? t('accounts.totpOn') : t('accounts.totpSetUp'),
              disabled: !!session.totpEnabled,
            },
            { type: 'divider' },
            { key: 'signOut', icon: <LogoutOutlined />, label: t('auth.signOut'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'totp') setEnrolling(true);
            if (key === 'signOut') {
              void signOut(() => navigate('/login', { replace: true }));
            }
          },
        }}
      >
        <Button
          type="text"
          className="app-header-link user-menu-button"
          aria-label={t('auth.userMenu', { name: session.user.displayName })}
        >
          <UserOutlined />
          <span className="user-menu-button-name">{session.user.displayName}</span>
          <span className="user-menu-button-unit">{session.unit.name}</span>
          <DownOutlined className="language-switch-caret" />
        </Button>
      </Dropdown>
      {changing ? (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChanging(false)} />
        </Suspense>
      ) : null}
      {enrolling ? (
        <Suspense fallback={null}>
          <TotpModal
            open
            onClose={() => {
              setEnrolling(false);
              reload();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}

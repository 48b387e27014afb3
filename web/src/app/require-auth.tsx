import { Alert, Button, Result } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../api/session.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { RequestError } from '../components/request-error.tsx';
import { hasRole, useSession } from './session.tsx';

const ChangePasswordModal = lazy(() => import('../features/auth/change-password-modal.tsx'));
const TotpModal = lazy(() => import('../features/auth/totp-modal.tsx'));

/** The address of the sign-in page that comes back here afterwards. */
export function loginPath(next: string, expired = false): string {
  const params = new URLSearchParams();
  if (next && next !== '/' && !next.startsWith('/login')) params.set('next', next);
  if (expired) params.set('expired', '1');
  const search = params.toString();
  return `/login${search ? `?${search}` : ''}`;
}

/**
 * A page for signed-in users: the signed-out are sent to sign in (and come back), and users
 * without one of `roles` (when given) see a plain "not allowed".
 */
export function RequireAuth({ children, roles }: { children: ReactNode; roles?: Role[] }) {
  const { t } = useTranslation();
  const { status, session, error, expired, reload } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (status === 'loading') return <PageLoading />;
  if (status === 'error') return <RequestError error={error} onRetry={reload} />;
  if (status === 'signed-out' || !session) {
    return <Navigate to={loginPath(`${location.pathname}${location.search}`, expired)} replace />;
  }
  if (roles && !hasRole(session, ...roles)) {
    return (
      <Result
        status="403"
        title={t('auth.forbiddenTitle')}
        subTitle={t('auth.forbiddenHint')}
        extra={
          <Button type="primary" onClick={() => navigate('/workbench')}>
            {t('auth.backToWorkbench')}
          </Button>
        }
      />
    );
  }
  if (session.restriction) return <RestrictionGate restriction={session.restriction} />;
  return (
    <>
      <SignInNotice />
      {children}
    </>
  );
}

/** The session whose notice was dismissed (it stays dismissed across pages). */
let dismissed = '';

/** Right after signing in: when and from where the last sign-in was, and the failures since. */
function SignInNotice() {
  const { t } = useTranslation();
  const { session } = useSession();
  const previous = session?.previousSignIn;
  const [closed, setClosed] = useState(false);
  const key = session?.csrfToken ?? '';
  if (!previous || closed || dismissed === key) return null;
  const failures = previous.failuresSince;
  return (
    <Alert
      className="sign-in-notice"
      data-testid="sign-in-notice"
      type={failures > 0 ? 'warning' : 'info'}
      showIcon
      closable
      onClose={() => {
        dismissed = key;
        setClosed(true);
      }}
      style={{ marginBottom: 12 }}
      title={
        previous.at
          ? t('accounts.lastSignIn', {
              at: new Date(previous.at).toLocaleString('zh-CN', { hour12: false }),
              ip: previous.ip ?? '—',
            })
          : t('accounts.firstSignIn')
      }
      description={failures > 0 ? t('accounts.failuresSince', { count: failures }) : undefined}
    />
  );
}

/**
 * A first or expired password, or a missing second factor (LEITAI_REQUIRE_TOTP): the server
 * refuses everything else until it is put right, so the page is only the form that does it.
 */
function RestrictionGate({
  restriction,
}: {
  restriction: 'password_first' | 'password_expired' | 'totp_setup';
}) {
  const { t } = useTranslation();
  const { reload } = useSession();
  const reason = t(`accounts.restriction.${restriction}`);
  return (
    <Suspense fallback={<PageLoading />}>
      {restriction === 'totp_setup' ? (
        <TotpModal open forced={reason} onClose={reload} />
      ) : (
        <ChangePasswordModal open forced={reason} onClose={reload} />
      )}
    </Suspense>
  );
}

import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../api/session.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { RequestError } from '../components/request-error.tsx';
import { hasRole, useSession } from './session.tsx';

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
  return <>{children}</>;
}

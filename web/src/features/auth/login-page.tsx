import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useSession } from '../../app/session.tsx';
import { useErrorMessage } from '../../components/request-error.tsx';

interface Fields {
  username: string;
  password: string;
  totp?: string;
}

/** Seconds left of a lockout, counting down once a second; 0 when none. */
function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return [
    left,
    (seconds) => {
      setNow(Date.now());
      setUntil(Date.now() + seconds * 1000);
    },
  ];
}

/** Only addresses inside the app, so a crafted link cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/workbench';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { status, signIn } = useSession();
  const [form] = Form.useForm<Fields>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<'credentials' | 'locked' | 'other' | null>(null);
  const [otherMessage, setOtherMessage] = useState('');
  const [lockedFor, lockFor] = useCountdown();
  /** Set once the server asked for the second factor: the code field shows. */
  const [needTotp, setNeedTotp] = useState(false);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('auth.title')} - ${t('app.name')}`;
  }, [t]);

  if (status === 'signed-in') return <Navigate to={next} replace />;

  const submit = async ({ username, password, totp }: Fields) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password, needTotp ? totp?.trim() : undefined);
      void navigate(next, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'TOTP_REQUIRED') {
        setNeedTotp(true);
      } else if (error instanceof ApiError && error.code === 'TOTP_INVALID') {
        setOtherMessage(describe(error));
        setFailure('other');
        form.setFieldValue('totp', '');
      } else if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') {
        setFailure('credentials');
        form.setFieldValue('password', '');
      } else if (error instanceof ApiError && error.code === 'RATE_LIMITED') {
        const details = error.details as { retryAfter?: unknown } | undefined;
        const seconds = typeof details?.retryAfter === 'number' ? details.retryAfter : 15 * 60;
        lockFor(seconds);
        setFailure('locked');
      } else {
        setOtherMessage(describe(error));
        setFailure('other');
      }
    } finally {
      setSubmitting(false);
    }
  };

  const minutes = Math.floor(lockedFor / 60);
  const seconds = lockedFor % 60;
  const wait =
    minutes > 0
      ? t('auth.waitMinutes', { minutes, seconds: String(seconds).padStart(2, '0') })
      : t('auth.waitSeconds', { seconds });

  return (
    <div className="login-page">
      <header className="login-header">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" />
          <span>{t('app.brand')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="login-main">
        <div className="login-intro">
          <h1>{t('auth.systemName')}</h1>
          <p>{t('auth.systemTagline')}</p>
        </div>
        <Card
          className="login-card"
          title={<h2 className="login-card-title">{t('auth.title')}</h2>}
        >
          {params.get('expired') ? (
            <Alert className="login-alert" type="warning" showIcon title={t('auth.expired')} />
          ) : null}
          {failure === 'credentials' ? (
            <Alert
              className="login-alert"
              role="alert"
              type="error"
              showIcon
              title={t('auth.wrongPassword')}
              description={t('auth.wrongPasswordHint')}
            />
          ) : null}
          {failure === 'locked' ? (
            <Alert
              className="login-alert"
              role="alert"
              type="error"
              showIcon
              title={t('auth.locked')}
              description={lockedFor > 0 ? t('auth.lockedWait', { wait }) : t('auth.lockedOver')}
            />
          ) : null}
          {failure === 'other' ? (
            <Alert
              className="login-alert"
              role="alert"
              type="error"
              showIcon
              title={otherMessage}
            />
          ) : null}
          <Form<Fields>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => void submit(values)}
            autoComplete="on"
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
            >
              <Input
                size="large"
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                placeholder={t('auth.usernamePlaceholder')}
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password
                size="large"
                prefix={<LockOutlined />}
                autoComplete="current-password"
                placeholder={t('auth.passwordPlaceholder')}
              />
            </Form.Item>
            {needTotp ? (
              <>
                <Alert className="login-alert" type="info" showIcon title={t('accounts.totpAsk')} />
                <Form.Item
                  name="totp"
                  label={t('accounts.totpLabel')}
                  rules={[
                    { required: true, whitespace: true, message: t('accounts.totpRequired') },
                  ]}
                >
                  <Input
                    size="large"
                    prefix={<SafetyOutlined />}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    autoFocus
                    placeholder={t('accounts.totpPlaceholder')}
                  />
                </Form.Item>
              </>
            ) : null}
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={submitting}
              disabled={lockedFor > 0}
            >
              {t('auth.submit')}
            </Button>
          </Form>
          <p className="login-note">{t('auth.forgotHint')}</p>
        </Card>
      </main>
      <footer className="login-footer">{t('auth.footer')}</footer>
    </div>
  );
}

import { Alert, Button, Form, Input, Modal, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmTotp, startTotp } from '../../api/session.ts';
import { useErrorMessage } from '../../components/request-error.tsx';
import { useModalSubmit } from '../../components/use-modal-submit.ts';

/**
 * Enrols the TOTP second factor: the otpauth URI as a QR image (rendered by the server) and its
 * secret for typing in, a code from the app to confirm, then the recovery codes, shown once.
 */
export default function TotpModal({
  open,
  onClose,
  forced,
}: {
  open: boolean;
  onClose: () => void;
  forced?: string | undefined;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [enrolment, setEnrolment] = useState<{ secret: string; qrDataUrl: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { busy: saving, error, setError, run } = useModalSubmit();

  useEffect(() => {
    if (!open) return;
    startTotp().then(setEnrolment, (e: unknown) => setError(describe(e)));
  }, [open, describe, setError]);

  const confirm = async ({ code }: { code: string }) => {
    await run(async () => {
      setCodes((await confirmTotp(code.trim())).recoveryCodes);
    });
  };

  return (
    <Modal
      open={open}
      title={t('accounts.totpTitle')}
      footer={
        codes ? (
          <Button type="primary" onClick={onClose}>
            {t('accounts.totpDone')}
          </Button>
        ) : null
      }
      onCancel={forced && !codes ? undefined : onClose}
      closable={!forced || !!codes}
      maskClosable={false}
      destroyOnHidden
    >
      {forced && !codes ? (
        <Alert type="warning" showIcon title={forced} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {codes ? (
        <Result
          status="success"
          title={t('accounts.totpEnabled')}
          subTitle={t('accounts.recoveryHint')}
          extra={
            <pre className="recovery-codes" data-testid="recovery-codes">
              {codes.join('\n')}
            </pre>
          }
        />
      ) : enrolment ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('accounts.totpScan')}</Typography.Paragraph>
          <img
            src={enrolment.qrDataUrl}
            alt={t('accounts.totpQrAlt')}
            width={200}
            height={200}
            style={{ display: 'block', margin: '0 auto' }}
          />
          <Typography.Paragraph>
            {t('accounts.totpSecret')}{' '}
            <Typography.Text code copyable data-testid="totp-secret">
              {enrolment.secret}
            </Typography.Text>
          </Typography.Paragraph>
          <Form layout="inline" onFinish={(v: { code: string }) => void confirm(v)}>
            <Form.Item
              name="code"
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('accounts.totpCodeRule') }]}
            >
              <Input
                aria-label={t('accounts.totpCode')}
                placeholder={t('accounts.totpCode')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('accounts.totpConfirm')}
            </Button>
          </Form>
        </Space>
      ) : null}
    </Modal>
  );
}

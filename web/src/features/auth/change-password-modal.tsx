import { Alert, Form, Input, Modal, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { changePassword, PASSWORD_MIN } from '../../api/session.ts';
import { useErrorMessage } from '../../components/request-error.tsx';

interface Fields {
  current: string;
  next: string;
  confirm: string;
}

export default function ChangePasswordModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [form] = Form.useForm<Fields>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (values: Fields) => {
    setSaving(true);
    setError(null);
    try {
      await changePassword(values.current, values.next);
      setDone(true);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.code === 'WRONG_PASSWORD'
          ? t('auth.currentPasswordWrong')
          : describe(caught),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={done ? t('common.close') : t('common.save')}
      cancelText={t('common.cancel')}
      cancelButtonProps={done ? { style: { display: 'none' } } : {}}
      confirmLoading={saving}
      onOk={() => (done ? onClose() : form.submit())}
      onCancel={onClose}
      destroyOnHidden
    >
      {done ? (
        <Result status="success" title={t('auth.passwordChanged')} />
      ) : (
        <>
          {error ? (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<Fields> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
            <Form.Item
              name="current"
              label={t('auth.currentPassword')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" autoFocus />
            </Form.Item>
            <Form.Item
              name="next"
              label={t('auth.newPassword')}
              extra={t('auth.newPasswordHint', { min: PASSWORD_MIN })}
              rules={[
                { required: true, message: t('auth.passwordRequired') },
                { min: PASSWORD_MIN, message: t('auth.newPasswordHint', { min: PASSWORD_MIN }) },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('auth.confirmPassword')}
              dependencies={['next']}
              rules={[
                { required: true, message: t('auth.passwordRequired') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value) =>
                    !value || getFieldValue('next') === value
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('auth.passwordsDiffer'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            {/* Enter in a field submits the form. */}
            <button type="submit" hidden aria-hidden tabIndex={-1} />
          </Form>
        </>
      )}
    </Modal>
  );
}

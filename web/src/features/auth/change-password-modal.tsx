import { Alert, Form, Input, Modal, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblem } from '../../../../src/core/password-policy.ts';
import { ApiError } from '../../api/client.ts';
import { changePassword, getPolicy } from '../../api/session.ts';
import { useRequest } from '../../api/use-request.ts';
import { useSession } from '../../app/session.tsx';
import { useErrorMessage } from '../../components/request-error.tsx';
import { PasswordRules } from './password-rules.tsx';

interface Fields {
  current: string;
  next: string;
  confirm: string;
}

export default function ChangePasswordModal({
  open,
  onClose,
  forced,
}: {
  open: boolean;
  onClose: () => void;
  /** Why the change cannot wait (first sign-in, expired): the modal cannot be dismissed. */
  forced?: string | undefined;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const policy = useRequest('security-policy', (signal) => getPolicy(signal));
  const describe = useErrorMessage();
  const [form] = Form.useForm<Fields>();
  const typed: string = Form.useWatch('next', form) ?? '';
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
      cancelButtonProps={done || forced ? { style: { display: 'none' } } : {}}
      confirmLoading={saving}
      onOk={() => (done ? onClose() : form.submit())}
      onCancel={forced && !done ? undefined : onClose}
      closable={!forced || done}
      maskClosable={!forced}
      keyboard={!forced}
      destroyOnHidden
    >
      {done ? (
        <Result status="success" title={t('auth.passwordChanged')} />
      ) : (
        <>
          {forced ? (
            <Alert type="warning" showIcon title={forced} style={{ marginBottom: 16 }} />
          ) : null}
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
              extra={
                policy.data ? (
                  <PasswordRules
                    policy={policy.data}
                    password={typed}
                    username={session?.user.username}
                  />
                ) : null
              }
              rules={[
                { required: true, message: t('auth.passwordRequired') },
                {
                  validator: (_rule, value: string) => {
                    const problem =
                      value && policy.data
                        ? passwordProblem(policy.data, value, { username: session?.user.username })
                        : undefined;
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                },
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

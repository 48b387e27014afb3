import { Alert, Button, Checkbox, Form, Input, Modal, Popconfirm, Radio, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, ROLES, type Role, type User } from '../../api/session.ts';
import { type AccountAbilities, createUser, updateUser } from '../../api/users.ts';
import { OneTimeSecret } from '../../components/one-time-secret.tsx';
import { useErrorMessage } from '../../components/request-error.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';

interface CreateFields {
  username: string;
  displayName?: string;
  unit: string;
  roles: Role[];
  passwordMode: 'generate' | 'set';
  password?: string;
}

/** 新建用户; a generated password is shown once at the end. */
export function CreateUserModal({
  defaultUnit,
  onClose,
  onCreated,
}: {
  defaultUnit?: { code: string; name: string };
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [form] = Form.useForm<CreateFields>();
  const mode = Form.useWatch('passwordMode', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ username: string; password?: string } | null>(null);

  const submit = async (values: CreateFields) => {
    setSaving(true);
    setError(null);
    try {
      const made = await createUser({
        username: values.username.trim(),
        ...(values.displayName?.trim() ? { displayName: values.displayName.trim() } : {}),
        unit: values.unit,
        roles: values.roles,
        ...(values.passwordMode === 'set' && values.password ? { password: values.password } : {}),
      });
      setSecret({
        username: made.user.username,
        ...(made.password ? { password: made.password } : {}),
      });
      onCreated();
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.create')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        secret ? (
          <Button type="primary" onClick={onClose}>
            {t('common.done')}
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={onClose}>
              {t('common.cancel')}
            </Button>,
            <Button key="ok" type="primary" loading={saving} onClick={() => form.submit()}>
              {t('users.createOk')}
            </Button>,
          ]
        )
      }
    >
      {secret ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('users.created', { username: secret.username })}
            style={{ marginBottom: 12 }}
          />
          {secret.password ? (
            <OneTimeSecret label={t('users.oneTimePassword')} secret={secret.password} />
          ) : (
            <p>{t('users.passwordAsSet')}</p>
          )}
        </>
      ) : (
        <>
          {error ? (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />
          ) : null}
          <Form<CreateFields>
            form={form}
            layout="vertical"
            initialValues={{
              passwordMode: 'generate',
              roles: ['reporter'],
              unit: defaultUnit?.code,
            }}
            onFinish={(values) => void submit(values)}
          >
            <Form.Item
              name="username"
              label={t('users.username')}
              extra={t('users.usernameHint')}
              rules={[
                { required: true, message: t('users.usernameRequired') },
                { pattern: /^[A-Za-z0-9_.-]{2,40}$/, message: t('users.usernameHint') },
              ]}
            >
              <Input autoFocus autoComplete="off" />
            </Form.Item>
            <Form.Item name="displayName" label={t('users.displayName')}>
              <Input maxLength={60} placeholder={t('users.displayNamePlaceholder')} />
            </Form.Item>
            <Form.Item
              name="unit"
              label={t('users.unit')}
              rules={[{ required: true, message: t('users.unitRequired') }]}
            >
              <UnitPicker
                style={{ width: '100%' }}
                {...(defaultUnit ? { initialLabel: defaultUnit.name } : {})}
              />
            </Form.Item>
            <Form.Item
              name="roles"
              label={t('users.roles')}
              rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
            >
              <Checkbox.Group
                options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              />
            </Form.Item>
            <Form.Item name="passwordMode" label={t('users.password')}>
              <Radio.Group
                options={[
                  { value: 'generate', label: t('users.generatePassword') },
                  { value: 'set', label: t('users.setPassword') },
                ]}
              />
            </Form.Item>
            {mode === 'set' ? (
              <Form.Item
                name="password"
                rules={[
                  {
                    required: true,
                    min: PASSWORD_MIN,
                    message: t('auth.newPasswordHint', { min: PASSWORD_MIN }),
                  },
                ]}
              >
                <Input.Password autoComplete="new-password" aria-label={t('users.password')} />
              </Form.Item>
            ) : null}
            <button type="submit" hidden aria-hidden tabIndex={-1} />
          </Form>
        </>
      )}
    </Modal>
  );
}

interface EditFields {
  displayName: string;
  unit: string;
  roles: Role[];
  active: boolean;
}

/** 编辑用户: name, unit, roles, active; and 重置密码 with the new one shown once. */
export function EditUserModal({
  user,
  unitCode,
  unitName,
  self,
  may,
  onClose,
  onSaved,
}: {
  user: User;
  unitCode: string | undefined;
  unitName: string | undefined;
  self: boolean;
  /** What the reader may change (policies/user.ts): 三权分立 splits the name and unit from roles and locks. */
  may: AccountAbilities;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [form] = Form.useForm<EditFields>();
  const [saving, setSaving] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);

  const submit = async (values: EditFields) => {
    setSaving(true);
    setError(null);
    try {
      // Only what the reader may change: under 三权分立 the admin keeps names and units and the
      // security admin roles and locks, and a change carrying both would be refused.
      await updateUser(user.id, {
        ...(may.edit
          ? {
              displayName: values.displayName.trim(),
              ...(values.unit && values.unit !== unitCode ? { unit: values.unit } : {}),
            }
          : {}),
        ...(may.grant ? { roles: values.roles, active: values.active } : {}),
      });
      onSaved();
      onClose();
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setSaving(false);
    }
  };

  const reset = async () => {
    setResetting(true);
    setError(null);
    try {
      const made = await updateUser(user.id, { resetPassword: true });
      setPassword(made.password ?? null);
      onSaved();
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setResetting(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.editTitle', { username: user.username })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        password ? (
          <Button type="primary" onClick={onClose}>
            {t('common.done')}
          </Button>
        ) : (
          [
            may.resetPassword ? (
              <Popconfirm
                key="reset"
                title={t('users.resetConfirmTitle')}
                description={t('users.resetConfirm')}
                okText={t('users.resetPassword')}
                cancelText={t('common.cancel')}
                onConfirm={() => void reset()}
              >
                <Button danger loading={resetting} style={{ float: 'left' }}>
                  {t('users.resetPassword')}
                </Button>
              </Popconfirm>
            ) : null,
            <Button key="cancel" onClick={onClose}>
              {t('common.cancel')}
            </Button>,
            <Button key="ok" type="primary" loading={saving} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>,
          ]
        )
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {password ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('users.passwordReset', { username: user.username })}
            style={{ marginBottom: 12 }}
          />
          <OneTimeSecret label={t('users.oneTimePassword')} secret={password} />
        </>
      ) : (
        <Form<EditFields>
          form={form}
          layout="vertical"
          initialValues={{
            displayName: user.displayName,
            unit: unitCode,
            roles: user.roles,
            active: user.active,
          }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="displayName"
            label={t('users.displayName')}
            rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
          >
            <Input maxLength={60} disabled={!may.edit} />
          </Form.Item>
          {may.edit ? (
            <Form.Item name="unit" label={t('users.unit')}>
              <UnitPicker
                style={{ width: '100%' }}
                allowClear={false}
                {...(unitName ? { initialLabel: unitName } : {})}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="roles"
            label={t('users.roles')}
            rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
          >
            <Checkbox.Group
              options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              disabled={!may.grant}
            />
          </Form.Item>
          <Form.Item
            name="active"
            label={t('users.active')}
            valuePropName="checked"
            extra={self ? t('users.selfHint') : t('users.activeHint')}
          >
            <Switch
              checkedChildren={t('users.enabled')}
              unCheckedChildren={t('users.disabled')}
              disabled={self || !may.grant}
            />
          </Form.Item>
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      )}
    </Modal>
  );
}

import { Alert, Form, InputNumber, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { getPolicy, type PasswordPolicy, setPolicy } from '../../api/session.ts';
import { useRequest } from '../../api/use-request.ts';
import { useModalSubmit } from '../../components/use-modal-submit.ts';

interface Fields extends Omit<PasswordPolicy, 'expiryDays'> {
  expires: boolean;
  expiryDays: number | null;
}

/** 密码策略: the security admin sets length, classes, expiry and history (issue 19). */
export default function PolicyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const policy = useRequest('security-policy', (signal) => getPolicy(signal));
  const [form] = Form.useForm<Fields>();
  const expires = Form.useWatch('expires', form);
  const { busy: saving, error, run } = useModalSubmit();

  const save = async (v: Fields) => {
    await run(async () => {
      await setPolicy({
        minLength: v.minLength,
        minClasses: v.minClasses,
        historySize: v.historySize,
        expiryDays: v.expires ? (v.expiryDays ?? 90) : null,
      });
      onClose();
    });
  };

  return (
    <Modal
      open
      title={t('accounts.policyTitle')}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {policy.data ? (
        <Form<Fields>
          form={form}
          layout="vertical"
          initialValues={{ ...policy.data, expires: policy.data.expiryDays !== null }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item name="minLength" label={t('accounts.policyMinLength')}>
            <InputNumber min={8} max={64} />
          </Form.Item>
          <Form.Item name="minClasses" label={t('accounts.policyClasses')}>
            <InputNumber min={1} max={4} />
          </Form.Item>
          <Form.Item name="expires" label={t('accounts.policyExpires')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {expires ? (
            <Form.Item name="expiryDays" label={t('accounts.policyExpiryDays')}>
              <InputNumber min={1} max={3650} />
            </Form.Item>
          ) : null}
          <Form.Item name="historySize" label={t('accounts.policyHistory')}>
            <InputNumber min={0} max={24} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

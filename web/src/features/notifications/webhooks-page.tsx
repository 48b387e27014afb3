import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS } from '../../../../src/core/events.ts';
import {
  changeWebhook,
  createWebhook,
  listWebhooks,
  type NewWebhook,
  removeWebhook,
  type Webhook,
  type WebhookDelivery,
  webhookDeliveries,
} from '../../api/notifications.ts';
import { useRequest } from '../../api/use-request.ts';
import { OneTimeSecret } from '../../components/one-time-secret.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { useModalSubmit } from '../../components/use-modal-submit.ts';
import { formatDateTime } from '../../lib/format.ts';

const STATUS_COLOR: Record<string, string> = {
  pending: 'warning',
  delivered: 'success',
  failed: 'error',
};

/** 推送地址 (admins): where the county's other systems receive Leitai's events, and the log. */
export default function WebhooksPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const hooks = useRequest('webhooks', (signal) => listWebhooks(signal));
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [logOf, setLogOf] = useState<Webhook>();
  const [error, setError] = useState<string>();
  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      hooks.reload();
    } catch (e) {
      setError(describe(e));
    }
  };
  const kindName = (kind: string) => t(`webhooks.eventKinds.${kind}`, { defaultValue: kind });

  const columns: (TableColumnsType<Webhook>[number] & { key: string })[] = [
    {
      key: 'url',
      title: t('webhooks.url'),
      render: (_: unknown, h) => (
        <span className="webhook-url">
          <code>{h.url}</code>
          {h.description ? <div className="muted">{h.description}</div> : null}
        </span>
      ),
    },
    {
      key: 'kinds',
      title: t('webhooks.kinds'),
      render: (_: unknown, h) => (
        <Space size={[4, 4]} wrap>
          {h.kinds.map((k) => (
            <Tag key={k}>{kindName(k)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'state',
      title: t('webhooks.state'),
      width: 90,
      render: (_: unknown, h) => (
        <Tag className="webhook-state" color={h.active ? 'success' : 'default'}>
          {h.active ? t('webhooks.active') : t('webhooks.paused')}
        </Tag>
      ),
    },
    {
      key: 'createdAt',
      title: t('webhooks.createdAt'),
      width: 170,
      render: (_: unknown, h) => formatDateTime(h.createdAt),
    },
    {
      key: 'action',
      title: t('webhooks.action'),
      width: 230,
      render: (_: unknown, h) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setLogOf(h)}>
            {t('webhooks.deliveries')}
          </Button>
          <Button
            size="small"
            onClick={() => act(() => changeWebhook(h.id, { active: !h.active }))}
          >
            {h.active ? t('webhooks.pause') : t('webhooks.resume')}
          </Button>
          <Popconfirm
            title={t('webhooks.removeConfirm')}
            okText={t('webhooks.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => act(() => removeWebhook(h.id))}
          >
            <Button size="small" danger>
              {t('webhooks.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('webhooks.title')} subtitle={t('webhooks.subtitle')} />
      <Card
        size="small"
        className="section-card"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('webhooks.add')}
          </Button>
        }
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        {hooks.error ? (
          <RequestError error={hooks.error} onRetry={hooks.reload} />
        ) : (
          <ResponsiveTable<Webhook>
            className="webhooks-table"
            size="small"
            rowKey={(h) => h.id}
            columns={columns}
            cardTitle="url"
            cardHidden={['createdAt']}
            dataSource={hooks.data?.items ?? []}
            loading={!hooks.data}
            pagination={false}
            locale={{ emptyText: t('webhooks.empty') }}
          />
        )}
      </Card>
      {adding ? (
        <AddWebhookModal
          kindName={kindName}
          onClose={() => setAdding(false)}
          onCreated={(made) => {
            setAdding(false);
            setSecret(made);
            hooks.reload();
          }}
        />
      ) : null}
      <Modal
        open={secret !== undefined}
        title={t('webhooks.secretTitle')}
        closable={false}
        maskClosable={false}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setSecret(undefined)}>
            {t('webhooks.secretDone')}
          </Button>
        }
      >
        {secret ? <OneTimeSecret label={t('webhooks.secretBody')} secret={secret} /> : null}
      </Modal>
      {logOf ? <DeliveriesDrawer hook={logOf} onClose={() => setLogOf(undefined)} /> : null}
    </>
  );
}

function AddWebhookModal({
  kindName,
  onClose,
  onCreated,
}: {
  kindName: (kind: string) => string;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewWebhook>();
  const { busy: saving, error, run } = useModalSubmit();
  const submit = async () => {
    let values: NewWebhook;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      const made = await createWebhook({
        url: values.url.trim(),
        kinds: values.kinds,
        ...(values.description?.trim() ? { description: values.description.trim() } : {}),
      });
      onCreated(made.secret);
    });
  };
  return (
    <Modal
      open
      className="webhook-modal"
      title={t('webhooks.add')}
      okText={t('webhooks.add')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ kinds: [...EVENT_KINDS] }}>
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          extra={t('webhooks.urlHint')}
          rules={[
            { required: true, whitespace: true, message: t('webhooks.urlNeeded') },
            { pattern: /^\s*https?:\/\/\S+\s*$/i, message: t('webhooks.urlHint') },
          ]}
        >
          <Input placeholder="https://" maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="kinds"
          label={t('webhooks.kinds')}
          rules={[{ required: true, type: 'array', min: 1, message: t('webhooks.kindsNeeded') }]}
        >
          <Checkbox.Group options={EVENT_KINDS.map((k) => ({ value: k, label: kindName(k) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.description')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

function DeliveriesDrawer({ hook, onClose }: { hook: Webhook; onClose: () => void }) {
  const { t } = useTranslation();
  const log = useRequest(`webhook-deliveries:${hook.id}`, (signal) =>
    webhookDeliveries(hook.id, signal),
  );
  const columns: TableColumnsType<WebhookDelivery> = [
    {
      key: 'createdAt',
      title: t('webhooks.createdAt'),
      width: 160,
      render: (_: unknown, d) => formatDateTime(d.createdAt),
    },
    {
      key: 'kind',
      title: t('webhooks.deliveryKind'),
      width: 130,
      render: (_: unknown, d) => t(`webhooks.eventKinds.${d.kind}`, { defaultValue: d.kind }),
    },
    {
      key: 'status',
      title: t('webhooks.deliveryStatus'),
      width: 90,
      render: (_: unknown, d) => (
        <Tag color={STATUS_COLOR[d.status]}>
          {t(`webhooks.statuses.${d.status}`, { defaultValue: d.status })}
        </Tag>
      ),
    },
    { key: 'attempts', title: t('webhooks.attempts'), dataIndex: 'attempts', width: 80 },
    {
      key: 'last',
      title: t('webhooks.lastStatus'),
      render: (_: unknown, d) =>
        [d.lastStatus ? `HTTP ${d.lastStatus}` : '', d.lastError ?? '']
          .filter(Boolean)
          .join(' · ') || '—',
    },
    {
      key: 'when',
      title: `${t('webhooks.deliveredAt')} / ${t('webhooks.nextAttemptAt')}`,
      width: 170,
      render: (_: unknown, d) =>
        d.deliveredAt
          ? formatDateTime(d.deliveredAt)
          : d.nextAttemptAt
            ? formatDateTime(d.nextAttemptAt)
            : '—',
    },
  ];
  return (
    <Drawer
      open
      size={900}
      title={`${t('webhooks.deliveries')} · ${hook.url}`}
      onClose={onClose}
      className="webhook-deliveries"
    >
      {log.error ? (
        <RequestError error={log.error} onRetry={log.reload} />
      ) : (
        <Table<WebhookDelivery>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={log.data?.items ?? []}
          loading={!log.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 800 }}
        />
      )}
    </Drawer>
  );
}

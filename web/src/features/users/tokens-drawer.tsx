import { KeyOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/session.ts';
import { useRequest } from '../../api/use-request.ts';
import { type ApiToken, createToken, listTokens, revokeToken } from '../../api/users.ts';
import { OneTimeSecret } from '../../components/one-time-secret.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { formatDateTime } from '../../lib/format.ts';

/** 接口令牌 of a user: for scripts; made tokens show once, old ones can be revoked. */
export function TokensDrawer({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const tokens = useRequest(`tokens:${user.id}`, (signal) => listTokens(user.id, signal));
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const create = async ({ name }: { name: string }) => {
    setCreating(true);
    setError(null);
    try {
      const result = await createToken(user.id, name.trim());
      setMade(result.token);
      form.resetFields();
      tokens.reload();
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setCreating(false);
    }
  };

  const revoke = async (token: ApiToken) => {
    setError(null);
    try {
      await revokeToken(user.id, token.id);
      tokens.reload();
    } catch (caught) {
      setError(describe(caught));
    }
  };

  const columns: TableColumnsType<ApiToken> = [
    { key: 'name', title: t('users.tokenName'), dataIndex: 'name' },
    {
      key: 'prefix',
      title: t('users.tokenPrefix'),
      width: 120,
      render: (_: unknown, tk) => <code>{tk.prefix}…</code>,
    },
    {
      key: 'created',
      title: t('users.createdAt'),
      width: 140,
      render: (_: unknown, tk) => formatDateTime(tk.createdAt),
    },
    {
      key: 'used',
      title: t('users.lastUsed'),
      width: 140,
      render: (_: unknown, tk) => formatDateTime(tk.lastUsedAt),
    },
    {
      key: 'status',
      title: t('users.status'),
      width: 150,
      render: (_: unknown, tk) =>
        tk.revokedAt ? (
          <Tag>{t('users.revokedAt', { date: formatDateTime(tk.revokedAt) })}</Tag>
        ) : (
          <Popconfirm
            title={t('users.revokeConfirm', { name: tk.name })}
            okText={t('users.revoke')}
            cancelText={t('common.cancel')}
            onConfirm={() => void revoke(tk)}
          >
            <Button size="small" danger>
              {t('users.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Drawer
      open
      title={t('users.tokensTitle', { name: user.displayName })}
      size={720}
      onClose={onClose}
    >
      <p className="muted">{t('users.tokensHint')}</p>
      {made ? (
        <div style={{ marginBottom: 16 }}>
          <OneTimeSecret label={t('users.newToken')} secret={made} />
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="inline"
        onFinish={(values) => void create(values)}
        style={{ marginBottom: 16 }}
      >
        <Form.Item
          name="name"
          rules={[{ required: true, whitespace: true, message: t('users.tokenNameRequired') }]}
        >
          <Input
            placeholder={t('users.tokenNamePlaceholder')}
            aria-label={t('users.tokenName')}
            maxLength={60}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={creating}>
            {t('users.createToken')}
          </Button>
        </Space>
      </Form>
      {tokens.error !== undefined ? (
        <RequestError error={tokens.error} onRetry={tokens.reload} />
      ) : (
        <Table<ApiToken>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={tokens.data?.items ?? []}
          loading={tokens.loading}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('users.noTokens') }}
        />
      )}
    </Drawer>
  );
}

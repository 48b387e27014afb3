import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDelete } from '../../api/client.ts';
import { useRequest } from '../../api/use-request.ts';
import { type ListedUser, listUsers } from '../../api/users.ts';
import { useSession } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { RoleTags } from '../../components/role-tags.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { formatDateTime } from '../../lib/format.ts';
import { TokensDrawer } from './tokens-drawer.tsx';
import { useUnitNames } from './use-unit-names.ts';
import { CreateUserModal, EditUserModal } from './user-modals.tsx';

const PolicyModal = lazy(() => import('./policy-modal.tsx'));

/** 用户管理: the users of the admin's subtree; create, edit, reset passwords, API tokens. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [unit, setUnit] = useState<string | undefined>();
  const [pager, setPager] = useState({ page: 1, size: 20 });
  const users = useRequest(`users:${q}:${unit ?? ''}:${pager.page}:${pager.size}`, (signal) =>
    listUsers(
      {
        ...(q ? { q } : {}),
        ...(unit ? { unit } : {}),
        limit: pager.size,
        offset: (pager.page - 1) * pager.size,
      },
      signal,
    ),
  );
  const units = useUnitNames((users.data?.items ?? []).map((u) => u.unitId));
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ListedUser | null>(null);
  const [tokensOf, setTokensOf] = useState<ListedUser | null>(null);
  const [policyOpen, setPolicyOpen] = useState(false);
  /** What the reader may do on the page (policies/user.ts): create accounts, set the password policy. */
  const may = users.data?.may;

  const columns: TableColumnsType<ListedUser> = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      width: 140,
      render: (name: string) => <code>{name}</code>,
    },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', width: 180 },
    {
      key: 'unit',
      title: t('users.unit'),
      width: 180,
      render: (_: unknown, u) => units.get(u.unitId)?.name ?? t('users.unitById', { id: u.unitId }),
    },
    {
      key: 'roles',
      title: t('users.roles'),
      render: (_: unknown, u) => <RoleTags roles={u.roles} />,
    },
    {
      key: 'active',
      title: t('users.status'),
      width: 80,
      render: (_: unknown, u) =>
        u.active ? (
          <Tag color="success">{t('users.enabled')}</Tag>
        ) : (
          <Tag>{t('users.disabled')}</Tag>
        ),
    },
    {
      key: 'created',
      title: t('users.createdAt'),
      width: 140,
      render: (_: unknown, u) => formatDateTime(u.createdAt),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 230,
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space size={4}>
          {u.may.edit || u.may.grant || u.may.resetPassword ? (
            <Button
              size="small"
              type="link"
              onClick={() => setEditing(u)}
              aria-label={t('users.editN', { name: u.username })}
            >
              {t('common.edit')}
            </Button>
          ) : null}
          {u.may.tokens ? (
            <Button
              size="small"
              type="link"
              onClick={() => setTokensOf(u)}
              aria-label={t('users.tokensN', { name: u.username })}
            >
              {t('users.tokens')}
            </Button>
          ) : null}
          {u.may.resetTotp ? (
            <Popconfirm
              title={t('accounts.resetTotpConfirm', { name: u.username })}
              onConfirm={() => apiDelete(`/users/${u.id}/totp`)}
            >
              <Button size="small" type="link">
                {t('accounts.resetTotp')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="page-title-row">
        <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
        <Space>
          {may?.security ? (
            <Button onClick={() => setPolicyOpen(true)}>{t('accounts.policyTitle')}</Button>
          ) : null}
          {may?.create ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          ) : null}
        </Space>
      </div>
      <Card size="small" className="section-card">
        <Space wrap className="page-filter">
          <Input.Search
            allowClear
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setPager((p) => ({ ...p, page: 1 }));
            }}
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            style={{ width: 260 }}
          />
          <UnitPicker
            value={unit}
            onChange={(code) => {
              setUnit(code);
              setPager((p) => ({ ...p, page: 1 }));
            }}
            placeholder={t('users.filterUnit')}
            aria-label={t('users.filterUnit')}
            style={{ width: 280 }}
          />
        </Space>
        {users.error !== undefined ? (
          <RequestError error={users.error} onRetry={users.reload} />
        ) : (
          <Table<ListedUser>
            size="middle"
            bordered
            rowKey="id"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.loading}
            scroll={{ x: 1000 }}
            locale={{ emptyText: q || unit ? t('users.noMatch') : t('users.empty') }}
            pagination={{
              current: pager.page,
              pageSize: pager.size,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.countItems', { count: total }),
              onChange: (page, size) => setPager({ page: size === pager.size ? page : 1, size }),
            }}
          />
        )}
      </Card>
      {creating ? (
        <CreateUserModal
          {...(session
            ? { defaultUnit: { code: session.unit.code, name: session.unit.name } }
            : {})}
          onClose={() => setCreating(false)}
          onCreated={users.reload}
        />
      ) : null}
      {editing ? (
        <EditUserModal
          user={editing}
          unitCode={units.get(editing.unitId)?.code}
          unitName={units.get(editing.unitId)?.name}
          self={editing.id === session?.user.id}
          may={editing.may}
          onClose={() => setEditing(null)}
          onSaved={users.reload}
        />
      ) : null}
      {tokensOf ? <TokensDrawer user={tokensOf} onClose={() => setTokensOf(null)} /> : null}
      {policyOpen ? (
        <Suspense fallback={null}>
          <PolicyModal onClose={() => setPolicyOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}

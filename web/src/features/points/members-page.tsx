import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Radio,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  addMember,
  type Branch,
  listMembers,
  type Member,
  type NewMember,
  transferOut,
} from '../../api/points.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { useModalSubmit } from '../../components/use-modal-submit.ts';
import { BranchGate, genderText, PointsNav, todayIso, usePointsBranch } from './points-common.tsx';

/** 党员名册: a branch's members, adding one, transferring one out. */
export default function MembersPage() {
  const { t } = useTranslation();
  const choice = usePointsBranch();
  return (
    <>
      <PageHeader title={t('points.members.title')} subtitle={t('points.members.subtitle')} />
      <PointsNav choice={choice} current="members" />
      <BranchGate choice={choice}>{(branch) => <Register branch={branch} />}</BranchGate>
    </>
  );
}

function Register({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const [toast, toastHolder] = message.useMessage();
  const members = useRequest(`points:members:${branch.id}`, (signal) =>
    listMembers(branch.id, signal),
  );
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<Member | null>(null);
  const [showGone, setShowGone] = useState(false);
  const [q, setQ] = useState('');
  const mayEdit = branch.may.keep;
  const all = members.data ?? [];
  const shown = all.filter(
    (m) => (showGone || m.status === 'active') && (q === '' || m.name.includes(q.trim())),
  );
  const active = all.filter((m) => m.status === 'active').length;
  const columns: TableColumnsType<Member> = [
    {
      title: t('points.members.name'),
      dataIndex: 'name',
      className: 'points-nowrap',
      render: (_: unknown, m) => (
        <Link to={`/points/members/${m.id}?branch=${branch.id}`}>{m.name}</Link>
      ),
    },
    {
      title: t('points.members.gender'),
      dataIndex: 'gender',
      width: 60,
      render: (g: string) => genderText(g, t),
    },
    {
      title: t('points.members.birthYear'),
      dataIndex: 'birthYear',
      width: 90,
      responsive: ['sm'],
    },
    {
      title: t('points.members.joinedOn'),
      dataIndex: 'joinedOn',
      width: 120,
      responsive: ['md'],
    },
    {
      title: t('points.members.status'),
      className: 'points-nowrap',
      render: (_: unknown, m) =>
        m.status === 'active' ? (
          <Tag color="green">{t('points.members.active')}</Tag>
        ) : (
          <Tag>{t('points.members.transferredOut', { date: m.transferredOutOn })}</Tag>
        ),
    },
    {
      title: t('points.members.transferredIn'),
      dataIndex: 'transferredInOn',
      width: 120,
      responsive: ['lg'],
      render: (v: string | null) => v ?? '—',
    },
    ...(mayEdit
      ? [
          {
            title: t('points.actions'),
            width: 80,
            render: (_: unknown, m: Member) =>
              m.status === 'active' ? (
                <Button size="small" onClick={() => setLeaving(m)}>
                  {t('points.members.transfer')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card size="small" className="section-card">
      {toastHolder}
      <div className="points-toolbar">
        <span className="points-count">
          {t('points.members.count', { name: branch.name, active, all: all.length })}
        </span>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('points.members.search')}
            aria-label={t('points.members.search')}
            onSearch={setQ}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 180 }}
          />
          <Switch
            checked={showGone}
            onChange={setShowGone}
            checkedChildren={t('points.members.withGone')}
            unCheckedChildren={t('points.members.withGone')}
            aria-label={t('points.members.withGone')}
          />
          {mayEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('points.members.add')}
            </Button>
          ) : null}
        </Space>
      </div>
      {members.error ? <RequestError error={members.error} onRetry={members.reload} /> : null}
      <Table<Member>
        size="small"
        rowKey="id"
        loading={members.loading}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: true }}
      />
      {adding ? (
        <AddMemberModal
          branch={branch}
          onClose={() => setAdding(false)}
          onAdded={(m) => {
            setAdding(false);
            void toast.success(t('points.members.added', { name: m.name }));
            members.reload();
          }}
        />
      ) : null}
      {leaving ? (
        <TransferModal
          member={leaving}
          onClose={() => setLeaving(null)}
          onDone={(m) => {
            setLeaving(null);
            void toast.success(t('points.members.transferred', { name: m.name }));
            members.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

interface MemberForm {
  name: string;
  gender: '男' | '女';
  birthYear: number;
  joinedOn: string;
  transferredInOn?: string;
}

function AddMemberModal({
  branch,
  onClose,
  onAdded,
}: {
  branch: Branch;
  onClose: () => void;
  onAdded: (m: Member) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberForm>();
  const { busy, error, run } = useModalSubmit();
  const today = todayIso();
  const submit = async (values: MemberForm) => {
    const body: NewMember = {
      name: values.name.trim(),
      gender: values.gender,
      birthYear: values.birthYear,
      joinedOn: values.joinedOn,
      ...(values.transferredInOn ? { transferredInOn: values.transferredInOn } : {}),
    };
    await run(async () => {
      onAdded(await addMember(branch.id, body));
    });
  };
  return (
    <Modal
      open
      title={t('points.members.addTitle', { branch: branch.unitName })}
      okText={t('points.members.addOk')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<MemberForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ gender: '男' }}
      >
        <Form.Item
          name="name"
          label={t('points.members.name')}
          extra={t('points.members.noIdNumber')}
          rules={[{ required: true, whitespace: true, message: t('points.members.nameRequired') }]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="gender" label={t('points.members.gender')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: '男', label: t('points.members.male') },
              { value: '女', label: t('points.members.female') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="birthYear"
          label={t('points.members.birthYear')}
          rules={[{ required: true, message: t('points.members.birthYearRequired') }]}
        >
          <InputNumber min={1900} max={new Date().getFullYear()} precision={0} />
        </Form.Item>
        <Form.Item
          name="joinedOn"
          label={t('points.members.joinedOn')}
          rules={[{ required: true, message: t('points.members.joinedOnRequired') }]}
        >
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item
          name="transferredInOn"
          label={t('points.members.transferredIn')}
          extra={t('points.members.transferredInHint')}
        >
          <Input type="date" max={today} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

function TransferModal({
  member,
  onClose,
  onDone,
}: {
  member: Member;
  onClose: () => void;
  onDone: (m: Member) => void;
}) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayIso());
  const fieldId = useId();
  const { busy, error, run } = useModalSubmit();
  const submit = async () => {
    await run(async () => {
      onDone(await transferOut(member.id, on));
    });
  };
  return (
    <Modal
      open
      title={t('points.members.transferTitle', { name: member.name })}
      okText={t('points.members.transferOk')}
      okButtonProps={{ danger: true, disabled: on === '' }}
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
    >
      <p>{t('points.members.transferText')}</p>
      <div className="points-field">
        <label htmlFor={fieldId}>{t('points.members.transferOn')}</label>
        <Input id={fieldId} type="date" value={on} onChange={(e) => setOn(e.target.value)} />{' '}
      </div>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Radio,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addHousehold,
  type Branch,
  type Claim,
  type ClaimStage,
  claimStars,
  claimStep,
  getHousehold,
  type Household,
  type HouseholdDetail,
  listHouseholds,
  revokeStars,
  type StarResults,
} from '../../api/points.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { useModalSubmit } from '../../components/use-modal-submit.ts';
import { BranchGate, PointsNav, usePointsBranch } from './points-common.tsx';

const STAGE_COLORS: Record<ClaimStage, string> = {
  claimed: 'gold',
  reviewed: 'blue',
  checked: 'cyan',
  filed: 'green',
  rejected: 'default',
  revoked: 'red',
};

/** The step after each stage: 村民评议 → 村委会审核 → 乡镇备案. */
const NEXT: Partial<Record<ClaimStage, 'villagers' | 'committee' | 'filing'>> = {
  claimed: 'villagers',
  reviewed: 'committee',
  checked: 'filing',
};

type Row = Household & { latest: Claim | null };

/**
 * 星级文明户: a village's households with their latest rating; a household's claims step by step
 * (self-claim → villagers' review → village committee → township filing) and revocation.
 */
export default function HouseholdsPage() {
  const { t } = useTranslation();
  const choice = usePointsBranch();
  return (
    <>
      <PageHeader title={t('points.households.title')} subtitle={t('points.households.subtitle')} />
      <PointsNav choice={choice} current="households" />
      <BranchGate choice={choice}>
        {(branch) => <Register key={branch.id} branch={branch} />}
      </BranchGate>
    </>
  );
}

function Register({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const [toast, toastHolder] = message.useMessage();
  const list = useRequest(`households:${branch.unitCode}`, (signal) =>
    listHouseholds(branch.unitCode, signal),
  );
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const mayEdit = branch.may.keep;
  const columns: TableColumnsType<Row> = [
    {
      title: t('points.households.head'),
      dataIndex: 'headName',
      className: 'points-nowrap',
      render: (_: unknown, h) => (
        <Button type="link" size="small" onClick={() => setOpen(h.id)}>
          {h.headName}
        </Button>
      ),
    },
    {
      title: t('points.households.group'),
      dataIndex: 'groupName',
      responsive: ['sm'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('points.households.size'),
      dataIndex: 'size',
      width: 70,
      responsive: ['md'],
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('points.households.latest'),
      render: (_: unknown, h) =>
        h.latest ? (
          <Space size={4} wrap>
            <span>{t('points.households.yearOf', { year: h.latest.year })}</span>
            <Tag color={STAGE_COLORS[h.latest.stage]}>
              {t(`points.households.stages.${h.latest.stage}`)}
            </Tag>
            {h.latest.stage === 'filed' ? (
              <span>{t('points.households.stars', { count: h.latest.awarded })}</span>
            ) : null}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('points.households.barred'),
      dataIndex: 'barredUntil',
      responsive: ['md'],
      render: (v: string | null) => (v ? t('points.households.barredUntil', { date: v }) : '—'),
    },
  ];
  return (
    <Card size="small" className="section-card">
      {toastHolder}
      <div className="points-toolbar">
        <span className="points-count">
          {t('points.households.count', { count: list.data?.total ?? 0 })}
        </span>
        {mayEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('points.households.add')}
          </Button>
        ) : null}
      </div>
      {list.error ? <RequestError error={list.error} onRetry={list.reload} /> : null}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('points.households.empty')} /> }}
        scroll={{ x: true }}
      />
      {adding ? (
        <AddHousehold
          branch={branch}
          onClose={() => setAdding(false)}
          onDone={(h) => {
            setAdding(false);
            void toast.success(t('points.households.added', { name: h.headName }));
            list.reload();
          }}
        />
      ) : null}
      {open !== null ? (
        <HouseholdDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
      ) : null}
    </Card>
  );
}

function AddHousehold({
  branch,
  onClose,
  onDone,
}: {
  branch: Branch;
  onClose: () => void;
  onDone: (h: Household) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ headName: string; groupName?: string; size?: number }>();
  const { busy, error, run } = useModalSubmit();
  return (
    <Modal
      open
      title={t('points.households.addTitle', { village: branch.unitName })}
      okText={t('points.households.addOk')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          await run(async () => {
            onDone(
              await addHousehold({
                unit: branch.unitCode,
                headName: v.headName.trim(),
                groupName: v.groupName?.trim() || null,
                size: v.size ?? null,
              }),
            );
          });
        }}
      >
        <Form.Item
          name="headName"
          label={t('points.households.head')}
          extra={t('points.members.noIdNumber')}
          rules={[
            { required: true, whitespace: true, message: t('points.households.headRequired') },
          ]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="groupName" label={t('points.households.group')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="size" label={t('points.households.size')}>
          <InputNumber min={1} max={50} precision={0} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

function HouseholdDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: number;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const detail = useRequest(`household:${id}`, (signal) => getHousehold(id, signal));
  const data = detail.data;
  const changed = () => {
    detail.reload();
    onChanged();
  };
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={data ? data.household.headName : t('points.households.title')}
      className="points-household-drawer"
    >
      {detail.error ? (
        <RequestError error={detail.error} onRetry={detail.reload} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <HouseholdView detail={data} onChanged={changed} />
      )}
    </Drawer>
  );
}

function HouseholdView({ detail, onChanged }: { detail: HouseholdDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const { busy, error, run: submit } = useModalSubmit();
  const [claimed, setClaimed] = useState<number[]>([]);
  const [results, setResults] = useState<StarResults>({});
  const [note, setNote] = useState('');
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const starName = new Map(detail.stars.map((s) => [s.id, s.name]));
  const current = detail.claims.find((c) => c.year === year);
  const next = current ? NEXT[current.stage] : undefined;
  // What the server lets this reader do (policies/points.ts): claim, the claim's next step, file.
  const may = detail.may;
  const filed = detail.claims.some((c) => c.stage === 'filed');
  const barred = detail.household.barredUntil;

  const run = async (action: () => Promise<unknown>) => {
    await submit(async () => {
      await action();
      setClaimed([]);
      setResults({});
      setNote('');
      setRevoking(false);
      onChanged();
    });
  };

  return (
    <div className="points-household">
      <p className="points-hint">
        {[
          detail.household.groupName,
          detail.household.size
            ? t('points.households.people', { count: detail.household.size })
            : null,
          barred ? t('points.households.barredUntil', { date: barred }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <h3>{t('points.households.criteria')}</h3>
      {detail.stars.length === 0 ? (
        <Empty description={t('points.households.noStars')} />
      ) : (
        <ul className="points-stars">
          {detail.stars.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong>
              <span>{s.criteria}</span>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('points.households.claims')}</h3>
      {detail.claims.length === 0 ? <Empty description={t('points.households.noClaims')} /> : null}
      {detail.claims.map((c) => (
        <Card key={c.id} size="small" className="section-card">
          <Space wrap>
            <strong>{t('points.households.yearOf', { year: c.year })}</strong>
            <Tag color={STAGE_COLORS[c.stage]}>{t(`points.households.stages.${c.stage}`)}</Tag>
            <span>
              {c.stars.map((s) => {
                const r = c.results?.[String(s)];
                return (
                  <Tag key={s} color={r === 'pass' ? 'green' : r === 'fail' ? 'default' : 'gold'}>
                    {starName.get(s) ?? s}
                    {r ? ` · ${t(`points.households.results.${r}`)}` : ''}
                  </Tag>
                );
              })}
            </span>
          </Space>
          <Timeline
            className="points-steps"
            items={c.steps.map((s) => ({
              key: s.id,
              content: `${s.at.slice(0, 10)} ${t(`points.households.steps.${s.step}`)}${
                s.note ? `：${s.note}` : ''
              }`,
            }))}
          />
        </Card>
      ))}

      {error ? <Alert type="error" showIcon title={error} className="points-error" /> : null}

      {may.claim && !current && detail.stars.length > 0 ? (
        <Card size="small" title={t('points.households.claimTitle', { year })}>
          <Checkbox.Group
            value={claimed}
            onChange={(v) => setClaimed(v as number[])}
            options={detail.stars.map((s) => ({ value: s.id, label: s.name }))}
          />
          <div className="points-household-actions">
            <Button
              type="primary"
              disabled={claimed.length === 0}
              loading={busy}
              onClick={() =>
                void run(() => claimStars(detail.household.id, { year, stars: claimed }))
              }
            >
              {t('points.households.claim')}
            </Button>
          </div>
        </Card>
      ) : null}

      {current?.may.next && next ? (
        <Card size="small" title={t(`points.households.steps.${next}`)}>
          {current.stars.map((s) => (
            <div key={s} className="points-star-judge">
              <span>{starName.get(s) ?? s}</span>
              <Radio.Group
                value={results[String(s)]}
                onChange={(e) => setResults({ ...results, [String(s)]: e.target.value })}
                options={[
                  { value: 'pass', label: t('points.households.results.pass') },
                  { value: 'fail', label: t('points.households.results.fail') },
                ]}
              />
            </div>
          ))}
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={note}
            aria-label={t('points.record.note')}
            placeholder={t('points.record.note')}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="points-household-actions">
            <Button
              type="primary"
              loading={busy}
              disabled={current.stars.some((s) => !results[String(s)])}
              onClick={() =>
                void run(() =>
                  claimStep(detail.household.id, {
                    year,
                    step: next,
                    results,
                    note: note.trim() || null,
                  }),
                )
              }
            >
              {t('points.households.submitStep')}
            </Button>
          </div>
        </Card>
      ) : null}

      {may.file && filed ? (
        <div className="points-household-actions">
          <Button danger onClick={() => setRevoking(true)}>
            {t('points.households.revoke')}
          </Button>
        </div>
      ) : null}
      {revoking ? (
        <Modal
          open
          title={t('points.households.revokeTitle')}
          okText={t('points.households.revoke')}
          okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
          confirmLoading={busy}
          onCancel={() => setRevoking(false)}
          onOk={() => void run(() => revokeStars(detail.household.id, reason.trim()))}
        >
          <p>{t('points.households.revokeText')}</p>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            value={reason}
            aria-label={t('points.households.revokeReason')}
            placeholder={t('points.households.revokeReason')}
            onChange={(e) => setReason(e.target.value)}
          />
          {error ? <Alert type="error" showIcon title={error} className="points-error" /> : null}
        </Modal>
      ) : null}
    </div>
  );
}

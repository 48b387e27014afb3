import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Row,
  Select,
  Table,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addMarketItem,
  type Branch,
  changeStock,
  getBalance,
  listMarket,
  listMembers,
  type MarketItem,
  redeemItem,
} from '../../api/points.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { useModalSubmit } from '../../components/use-modal-submit.ts';
import { BranchGate, PointsNav, usePointsBranch } from './points-common.tsx';

/**
 * 积分超市: a village's shelves (items, points each, stock) and redemptions against a member's
 * balance. Spending never lowers the ranking points (DESIGN §10).
 */
export default function MarketPage() {
  const { t } = useTranslation();
  const choice = usePointsBranch();
  return (
    <>
      <PageHeader title={t('points.market.title')} subtitle={t('points.market.subtitle')} />
      <PointsNav choice={choice} current="market" />
      <BranchGate choice={choice}>
        {(branch) => <Market key={branch.id} branch={branch} />}
      </BranchGate>
    </>
  );
}

function Market({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const [toast, toastHolder] = message.useMessage();
  const items = useRequest(`market:${branch.unitCode}`, (signal) =>
    listMarket(branch.unitCode, signal),
  );
  const members = useRequest(`points:members:${branch.id}`, (signal) =>
    listMembers(branch.id, signal),
  );
  const mayEdit = branch.may.keep;
  const [adding, setAdding] = useState(false);
  const [stocking, setStocking] = useState<MarketItem | null>(null);
  const [member, setMember] = useState<number | undefined>();
  const [item, setItem] = useState<number | undefined>();
  const [quantity, setQuantity] = useState(1);
  const { busy, error, run } = useModalSubmit();
  const balance = useRequest(member ? `balance:${member}` : null, (signal) =>
    getBalance(member ?? 0, signal),
  );
  const chosen = items.data?.items.find((i) => i.id === item);
  const cost = chosen ? chosen.cost * quantity : 0;

  const columns: TableColumnsType<MarketItem> = [
    { title: t('points.market.item'), dataIndex: 'name' },
    { title: t('points.market.cost'), dataIndex: 'cost', width: 90, align: 'right' },
    { title: t('points.market.stock'), dataIndex: 'stock', width: 80, align: 'right' },
    ...(mayEdit
      ? [
          {
            title: t('points.actions'),
            width: 90,
            render: (_: unknown, i: MarketItem) => (
              <Button size="small" onClick={() => setStocking(i)}>
                {t('points.market.restock')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Row gutter={[16, 16]}>
      {toastHolder}
      <Col xs={24} lg={14}>
        <Card
          size="small"
          className="section-card"
          title={t('points.market.shelves', { village: branch.unitName })}
          extra={
            mayEdit ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('points.market.add')}
              </Button>
            ) : null
          }
        >
          {items.error ? <RequestError error={items.error} onRetry={items.reload} /> : null}
          <Table<MarketItem>
            size="small"
            rowKey="id"
            loading={items.loading}
            columns={columns}
            dataSource={items.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description={t('points.market.empty')} /> }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" className="section-card" title={t('points.market.redeem')}>
          <div className="points-market-form">
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('points.market.member')}
              placeholder={t('points.market.member')}
              value={member}
              onChange={setMember}
              options={(members.data ?? [])
                .filter((m) => m.status === 'active')
                .map((m) => ({ value: m.id, label: m.name }))}
            />
            <Select
              aria-label={t('points.market.item')}
              placeholder={t('points.market.item')}
              value={item}
              onChange={setItem}
              options={(items.data?.items ?? [])
                .filter((i) => i.active)
                .map((i) => ({
                  value: i.id,
                  label: t('points.market.itemOption', {
                    name: i.name,
                    cost: i.cost,
                    stock: i.stock,
                  }),
                  disabled: i.stock === 0,
                }))}
            />
            <InputNumber
              aria-label={t('points.market.quantity')}
              addonBefore={t('points.market.quantity')}
              min={1}
              max={1000}
              precision={0}
              value={quantity}
              onChange={(v) => setQuantity(v ?? 1)}
            />
          </div>
          {balance.data ? (
            <Descriptions
              size="small"
              column={1}
              className="points-balance"
              items={[
                { key: 'earned', label: t('points.market.earned'), children: balance.data.earned },
                { key: 'spent', label: t('points.market.spent'), children: balance.data.spent },
                {
                  key: 'balance',
                  label: t('points.market.balance'),
                  children: <strong>{balance.data.balance}</strong>,
                },
              ]}
            />
          ) : null}
          {balance.error ? <RequestError error={balance.error} /> : null}
          {error ? <Alert type="error" showIcon title={error} className="points-error" /> : null}
          {mayEdit ? (
            <Button
              type="primary"
              size="large"
              block
              loading={busy}
              disabled={!member || !chosen}
              onClick={async () => {
                if (!member || !chosen) return;
                await run(async () => {
                  const done = await redeemItem({ member, item: chosen.id, quantity });
                  void toast.success(
                    t('points.market.redeemed', { balance: done.balance, stock: done.stock }),
                  );
                  items.reload();
                  balance.reload();
                });
              }}
            >
              {chosen ? t('points.market.redeemCost', { cost }) : t('points.market.redeem')}
            </Button>
          ) : null}
          <p className="points-hint">{t('points.market.hint')}</p>
        </Card>
      </Col>
      {adding ? (
        <AddItem
          branch={branch}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            items.reload();
          }}
        />
      ) : null}
      {stocking ? (
        <StockModal
          item={stocking}
          onClose={() => setStocking(null)}
          onDone={() => {
            setStocking(null);
            items.reload();
          }}
        />
      ) : null}
    </Row>
  );
}

function AddItem({
  branch,
  onClose,
  onDone,
}: {
  branch: Branch;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; cost: number; stock: number }>();
  const { busy, error, run } = useModalSubmit();
  return (
    <Modal
      open
      title={t('points.market.add')}
      okText={t('points.market.addOk')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ stock: 0 }}
        onFinish={async (v) => {
          await run(async () => {
            await addMarketItem({
              unit: branch.unitCode,
              name: v.name.trim(),
              cost: v.cost,
              stock: v.stock,
            });
            onDone();
          });
        }}
      >
        <Form.Item
          name="name"
          label={t('points.market.item')}
          rules={[{ required: true, whitespace: true, message: t('points.market.nameRequired') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="cost"
          label={t('points.market.cost')}
          rules={[{ required: true, message: t('points.market.costRequired') }]}
        >
          <InputNumber min={1} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="stock" label={t('points.market.stock')}>
          <InputNumber min={0} max={1000000} precision={0} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

function StockModal({
  item,
  onClose,
  onDone,
}: {
  item: MarketItem;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [add, setAdd] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, run } = useModalSubmit();
  return (
    <Modal
      open
      title={t('points.market.restockTitle', { name: item.name, stock: item.stock })}
      okText={t('points.market.restock')}
      okButtonProps={{ disabled: !add }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        if (!add) return;
        await run(async () => {
          await changeStock(item.id, add, note.trim() || undefined);
          onDone();
        });
      }}
    >
      <p className="points-hint">{t('points.market.restockHint')}</p>
      <InputNumber
        aria-label={t('points.market.restockAdd')}
        addonBefore={t('points.market.restockAdd')}
        min={-1000000}
        max={1000000}
        precision={0}
        value={add}
        onChange={setAdd}
      />
      <Input
        className="points-error"
        maxLength={200}
        value={note}
        aria-label={t('points.record.note')}
        placeholder={t('points.record.note')}
        onChange={(e) => setNote(e.target.value)}
      />
      {error ? <Alert type="error" showIcon title={error} className="points-error" /> : null}
    </Modal>
  );
}

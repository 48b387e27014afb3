import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  message,
  Segmented,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  actOnRectification,
  listRectifications,
  type Rectification,
  type RectificationAction,
  type RectificationState,
} from '../../api/outcomes.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { useModalSubmit } from '../../components/use-modal-submit.ts';
import { daysUntil, formatDate } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';

const STATE_COLOR: Record<RectificationState, string> = {
  open: 'warning',
  submitted: 'processing',
  signed_off: 'success',
};

type Filter = 'all' | RectificationState | 'overdue';
type Dialog = { kind: 'submit' | 'return' | 'interview' | 'approve'; rect: Rectification };

export function RectDeadline({ rect }: { rect: Rectification }) {
  const { t } = useTranslation();
  const days = daysUntil(rect.deadline) ?? 0;
  return (
    <span className={rect.overdue ? 'rect-overdue' : undefined}>
      {formatDate(rect.deadline)}
      {rect.state === 'signed_off' ? null : rect.overdue ? (
        <Tag color="red" className="rect-overdue-tag">
          {t('rectifications.overdue', { days: Math.max(1, -days) })}
        </Tag>
      ) : (
        <span className="muted small"> {t('rounds.daysLeft', { days })}</span>
      )}
    </span>
  );
}

function Details({ rect }: { rect: Rectification }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered className="rect-details">
      <Descriptions.Item label={t('rectifications.commitment')}>
        {rect.commitment ?? <span className="muted">{t('rectifications.notYet')}</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('rectifications.measures')}>
        <span className="pre-line">
          {rect.measures ?? <span className="muted">{t('rectifications.notYet')}</span>}
        </span>
      </Descriptions.Item>
      {rect.returnReason ? (
        <Descriptions.Item label={t('rectifications.returnReason')}>
          {rect.returnReason}
        </Descriptions.Item>
      ) : null}
      {rect.interviewRequired ? (
        <Descriptions.Item label={t('rectifications.interview')}>
          {rect.interviewOn ? (
            <span className="rect-interview">
              {formatDate(rect.interviewOn)}：{rect.interviewNote}
            </span>
          ) : (
            <span className="deadline-near">{t('rectifications.interviewDue')}</span>
          )}
        </Descriptions.Item>
      ) : null}
      {rect.signedOffAt ? (
        <Descriptions.Item label={t('rectifications.signedOffAt')}>
          {formatDate(rect.signedOffAt)}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

function ActionDialog({
  dialog,
  onClose,
  onDone,
}: {
  dialog: Dialog;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { busy: saving, error, run } = useModalSubmit();
  const { kind, rect } = dialog;
  const submit = async () => {
    let values: Record<string, string | Dayjs | undefined>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body: RectificationAction =
      kind === 'submit'
        ? {
            action: 'submit',
            commitment: String(values.commitment ?? ''),
            measures: String(values.measures ?? ''),
          }
        : kind === 'return'
          ? { action: 'return', reason: String(values.reason ?? '') }
          : kind === 'interview'
            ? {
                action: 'interview',
                date: (values.date as Dayjs).format('YYYY-MM-DD'),
                note: String(values.note ?? ''),
              }
            : {
                action: 'approve',
                ...(values.note ? { note: String(values.note) } : {}),
              };
    await run(async () => {
      await actOnRectification(rect.id, body);
      onDone();
    });
  };
  const required = (what: string) => [
    { required: true, whitespace: true, message: t('rectifications.required', { what }) },
    { min: 2, message: t('rectifications.required', { what }) },
  ];
  return (
    <Modal
      open
      className="rect-dialog"
      title={`${t(`rectifications.dialogs.${kind}`)} · ${rect.unit.name} · ${rect.contest.title}`}
      okText={t(`rectifications.buttons.${kind}`)}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      width={640}
    >
      {kind !== 'submit' ? <Details rect={rect} /> : null}
      <Form
        form={form}
        layout="vertical"
        className="rect-form"
        initialValues={{
          commitment: rect.commitment ?? '',
          measures: rect.measures ?? '',
          date: dayjs(),
        }}
      >
        {kind === 'submit' ? (
          <>
            {rect.returnReason ? (
              <Alert
                type="warning"
                showIcon
                title={t('rectifications.returned', { reason: rect.returnReason })}
              />
            ) : null}
            <Form.Item
              name="commitment"
              label={t('rectifications.commitment')}
              rules={required(t('rectifications.commitment'))}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={5000}
                placeholder={t('rectifications.commitmentHint')}
              />
            </Form.Item>
            <Form.Item
              name="measures"
              label={t('rectifications.measures')}
              rules={required(t('rectifications.measures'))}
            >
              <Input.TextArea
                autoSize={{ minRows: 4, maxRows: 10 }}
                maxLength={5000}
                placeholder={t('rectifications.measuresHint')}
              />
            </Form.Item>
          </>
        ) : kind === 'return' ? (
          <Form.Item
            name="reason"
            label={t('rectifications.returnReason')}
            rules={required(t('rectifications.returnReason'))}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={5000} />
          </Form.Item>
        ) : kind === 'interview' ? (
          <>
            <Form.Item
              name="date"
              label={t('rectifications.interviewDate')}
              rules={[{ required: true, message: t('rectifications.interviewDate') }]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('rectifications.interviewNote')}
              rules={required(t('rectifications.interviewNote'))}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="note" label={t('rectifications.approveNote')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

/** 整改闭环: a unit's rectifications with the form to answer them; the organizer's sign-off. */
export default function RectificationsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = (params.get('filter') ?? 'all') as Filter;
  const query =
    filter === 'overdue' ? { overdue: true } : filter === 'all' ? {} : { state: filter };
  const list = useRequest(`rectifications:${filter}`, (signal) =>
    listRectifications(query, signal),
  );
  const [dialog, setDialog] = useState<Dialog>();
  const [messageApi, holder] = message.useMessage();

  const columns: TableColumnsType<Rectification> = [
    {
      key: 'unit',
      title: t('common.unit'),
      width: 120,
      render: (_: unknown, r) => r.unit.name,
    },
    {
      key: 'contest',
      title: t('workbench.contest'),
      render: (_: unknown, r) => (
        <span>
          <Link to={`/rounds/${r.roundId}/results`}>
            {r.contest.title} · {periodText(r.period, i18n.language)}
          </Link>
          {r.interviewRequired ? (
            <Tag color="volcano" className="rect-interview-tag">
              {r.interviewOn ? t('rectifications.interviewed') : t('rectifications.interviewDue')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'state',
      title: t('rectifications.state'),
      width: 90,
      render: (_: unknown, r) => (
        <Tag className="rect-state" color={STATE_COLOR[r.state]}>
          {t(`rectifications.states.${r.state}`)}
        </Tag>
      ),
    },
    {
      key: 'deadline',
      title: t('rectifications.deadline'),
      width: 190,
      render: (_: unknown, r) => <RectDeadline rect={r} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_: unknown, r) => (
        <Space wrap size={4}>
          {r.may.submit ? (
            <Button
              size="small"
              type="primary"
              className="rect-submit"
              onClick={() => setDialog({ kind: 'submit', rect: r })}
            >
              {t('rectifications.buttons.submit')}
            </Button>
          ) : null}
          {r.may.decide ? (
            <>
              <Button
                size="small"
                type="primary"
                className="rect-approve"
                onClick={() => setDialog({ kind: 'approve', rect: r })}
              >
                {t('rectifications.buttons.approve')}
              </Button>
              <Button
                size="small"
                className="rect-return"
                onClick={() => setDialog({ kind: 'return', rect: r })}
              >
                {t('rectifications.buttons.return')}
              </Button>
            </>
          ) : null}
          {r.may.interview ? (
            <Button
              size="small"
              className="rect-interview-button"
              onClick={() => setDialog({ kind: 'interview', rect: r })}
            >
              {t('rectifications.buttons.interview')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  const items = list.data?.items ?? [];
  const overdue = items.filter((r) => r.overdue).length;
  return (
    <>
      {holder}
      <PageHeader title={t('rectifications.title')} subtitle={t('rectifications.subtitle')} />
      <Card
        size="small"
        className="section-card"
        title={t('rectifications.listTitle')}
        extra={list.data ? t('common.countItems', { count: list.data.total }) : null}
      >
        <div className="rect-filter-bar">
          <Segmented<Filter>
            className="rect-filter"
            value={filter}
            onChange={(value) => setParams(value === 'all' ? {} : { filter: value })}
            options={(['all', 'open', 'submitted', 'signed_off', 'overdue'] as const).map(
              (value) => ({ value, label: t(`rectifications.filters.${value}`) }),
            )}
          />
        </div>
        {overdue > 0 && filter !== 'overdue' ? (
          <Alert
            className="rect-overdue-alert"
            type="error"
            showIcon
            title={t('rectifications.overdueCount', { count: overdue })}
          />
        ) : null}
        {list.error !== undefined ? (
          <RequestError error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Skeleton active />
        ) : (
          <Table<Rectification>
            className="rect-table"
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={items}
            rowClassName={(r) => (r.overdue ? 'rect-row overdue' : 'rect-row')}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 760 }}
            expandable={{ expandedRowRender: (r) => <Details rect={r} /> }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('rectifications.none')}
                />
              ),
            }}
          />
        )}
      </Card>
      {dialog ? (
        <ActionDialog
          dialog={dialog}
          onClose={() => setDialog(undefined)}
          onDone={() => {
            void messageApi.success(t(`rectifications.done.${dialog.kind}`));
            setDialog(undefined);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}

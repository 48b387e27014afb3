import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../src/core/rubric.ts';
import type { Contest } from '../../api/contests.ts';
import { problemText } from '../../api/error-message.ts';
import { type Appeal, decideAppeal, fileAppeal, type Round } from '../../api/rounds.ts';
import { useErrorMessage } from '../../components/request-error.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { parseCell } from './entry-model.ts';

const STATUS_COLORS = { pending: 'processing', upheld: 'success', rejected: 'default' } as const;

interface Props {
  round: Round;
  contest: Contest;
  appeals: Appeal[];
  /** The unit the user reports for, when it takes part: it may appeal during notice. */
  ownUnit: string | undefined;
  /** May the user decide an appeal on this indicator now (the round's `may.decideAppeals`)? */
  mayDecide: (indicator: string) => boolean;
  onChanged: () => void;
}

function DecideModal({
  appeal,
  indicator,
  unitName,
  onClose,
  onDone,
}: {
  appeal: Appeal;
  indicator: Indicator;
  unitName: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const [form] = Form.useForm<{
    decision: 'upheld' | 'rejected';
    value?: number | null;
    veto?: boolean;
    reason: string;
  }>();
  const decision = Form.useWatch('decision', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: {
    decision: 'upheld' | 'rejected';
    value?: number | null;
    veto?: boolean;
    reason: string;
  }) => {
    setError(null);
    let value: number | boolean | null | undefined;
    if (values.decision === 'upheld') {
      if (indicator.kind === 'veto') value = !!values.veto;
      else {
        const parsed = parseCell(
          indicator,
          values.value === null || values.value === undefined ? '' : String(values.value),
        );
        if (!parsed.ok) {
          setError(problemText(parsed, t, i18n.language));
          return;
        }
        value = parsed.value;
      }
    }
    setSaving(true);
    try {
      await decideAppeal(appeal.id, {
        decision: values.decision,
        ...(values.decision === 'upheld' ? { value } : {}),
        reason: values.reason.trim(),
      });
      onDone();
    } catch (caught) {
      setError(describe(caught));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('appeals.decideTitle', {
        unit: unitName,
        indicator: `${indicator.code} ${indicator.name}`,
      })}
      okText={t('appeals.decideOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>
        <strong>{t('appeals.reason')}：</strong>
        {appeal.reason}
      </p>
      <p className="muted">
        {t('appeals.oldValue')}：{formatNumber(appeal.oldValue, 6)}
      </p>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: 'upheld', value: appeal.oldValue }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="decision" label={t('appeals.decision')}>
          <Radio.Group
            options={[
              { value: 'upheld', label: t('appeals.uphold') },
              { value: 'rejected', label: t('appeals.reject') },
            ]}
          />
        </Form.Item>
        {decision !== 'rejected' ? (
          indicator.kind === 'veto' ? (
            <Form.Item name="veto" label={t('appeals.newValue')} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          ) : (
            <Form.Item
              name="value"
              label={t('appeals.newValue')}
              extra={
                indicator.kind === 'scored' && indicator.method === 'manual'
                  ? t('appeals.manualHint', { points: indicator.points })
                  : undefined
              }
              rules={[{ required: true, message: t('appeals.valueRequired') }]}
            >
              <InputNumber style={{ width: 200 }} />
            </Form.Item>
          )
        ) : null}
        <Form.Item
          name="reason"
          label={t('appeals.decisionReason')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('appeals.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 申诉: a participant appeals during the notice window; the lead office answers. */
export function AppealsPanel({ round, contest, appeals, ownUnit, mayDecide, onChanged }: Props) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const indicators = new Map(round.rubric.indicators.map((i) => [i.code, i]));
  const unitNames = new Map(contest.participants.map((p) => [p.id, p.name]));
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const [form] = Form.useForm<{ indicator: string; reason: string }>();
  const [filing, setFiling] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [filed, setFiled] = useState(false);
  const mayFile = round.may.appeal && ownUnit !== undefined;

  const file = async (values: { indicator: string; reason: string }) => {
    if (!ownUnit) return;
    setFiling(true);
    setFileError(null);
    setFiled(false);
    try {
      await fileAppeal(round.id, {
        unit: ownUnit,
        indicator: values.indicator,
        reason: values.reason.trim(),
      });
      form.resetFields();
      setFiled(true);
      onChanged();
    } catch (caught) {
      setFileError(describe(caught));
    } finally {
      setFiling(false);
    }
  };

  const columns: TableColumnsType<Appeal> = [
    {
      key: 'unit',
      title: t('common.unit'),
      width: 120,
      render: (_: unknown, a) => unitNames.get(a.unitId) ?? a.unitId,
    },
    {
      key: 'indicator',
      title: t('rounds.grid.indicator'),
      width: 180,
      render: (_: unknown, a) => `${a.indicator} ${indicators.get(a.indicator)?.name ?? ''}`,
    },
    { key: 'reason', title: t('appeals.reason'), dataIndex: 'reason' },
    {
      key: 'old',
      title: t('appeals.oldValue'),
      width: 80,
      align: 'right',
      render: (_: unknown, a) => formatNumber(a.oldValue, 6),
    },
    {
      key: 'status',
      title: t('appeals.status'),
      width: 96,
      render: (_: unknown, a) => (
        <Tag color={STATUS_COLORS[a.status]}>{t(`appeals.statuses.${a.status}`)}</Tag>
      ),
    },
    {
      key: 'answer',
      title: t('appeals.answer'),
      width: 220,
      render: (_: unknown, a) =>
        a.status === 'pending' ? (
          '—'
        ) : (
          <>
            {a.status === 'upheld' ? (
              <div>
                {t('appeals.newValue')}：{formatNumber(a.newValue, 6)}
              </div>
            ) : null}
            <div>{a.decisionReason}</div>
            <div className="muted small">{formatDateTime(a.decidedAt)}</div>
          </>
        ),
    },
    {
      key: 'filedAt',
      title: t('appeals.filedAt'),
      width: 140,
      render: (_: unknown, a) => formatDateTime(a.filedAt),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, a) =>
        a.status === 'pending' && mayDecide(a.indicator) ? (
          <Button size="small" type="primary" onClick={() => setDeciding(a)}>
            {t('appeals.decide')}
          </Button>
        ) : null,
    },
  ];

  const decidingIndicator = deciding ? indicators.get(deciding.indicator) : undefined;

  return (
    <div className="appeals-panel">
      {round.state !== 'notice' ? (
        <Alert
          type="info"
          showIcon
          title={t('appeals.onlyDuringNotice')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {mayFile ? (
        <Card size="small" title={t('appeals.fileTitle')} className="section-card">
          {fileError ? (
            <Alert type="error" showIcon title={fileError} style={{ marginBottom: 12 }} />
          ) : null}
          {filed ? (
            <Alert
              type="success"
              showIcon
              title={t('appeals.filed')}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => void file(v)}
            className="appeal-form"
          >
            <Form.Item
              name="indicator"
              label={t('rounds.grid.indicator')}
              rules={[{ required: true, message: t('appeals.indicatorRequired') }]}
            >
              <Select
                style={{ maxWidth: 420 }}
                placeholder={t('appeals.indicatorPlaceholder')}
                options={round.rubric.indicators.map((i) => ({
                  value: i.code,
                  label: `${i.code} ${i.name}`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('appeals.reason')}
              rules={[
                { required: true, whitespace: true, min: 2, message: t('appeals.reasonRequired') },
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={5000}
                placeholder={t('appeals.reasonPlaceholder')}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={filing}>
              {t('appeals.submit')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Table<Appeal>
        size="small"
        bordered
        rowKey="id"
        columns={columns}
        dataSource={appeals}
        pagination={false}
        scroll={{ x: 1180 }}
        locale={{ emptyText: t('appeals.empty') }}
      />
      {deciding && decidingIndicator ? (
        <DecideModal
          appeal={deciding}
          indicator={decidingIndicator}
          unitName={unitNames.get(deciding.unitId) ?? ''}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
